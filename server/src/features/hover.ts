import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { BUILTIN_GLOSSARY, message, type Locale, type SourcedEntry } from '../engine';
import { analyse, termAt } from '../engine/glossary';
import type { Analysis, Feature } from './context';

/** The glossary term under a position, from the document's current analysis. */
export function termUnder(a: Analysis, offset: number) {
  const g = a.outcome.glossary.glossary;
  return termAt(analyse(a.outcome.result.digest, g), offset);
}

/** Hover on a glossary term (Korean, English or abbreviation): the entry and the glossary it comes from. */
export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register: ctx => ctx.connection.onHover((params): Hover | null => {
    const a = ctx.analysisOf(params.textDocument.uri);
    return a ? hover(a, params.position, ctx.locale(params.textDocument.uri)) : null;
  }),
};

/** The hover at a position: a provider over the analysis. */
export function hover(a: Analysis, position: Position, locale: Locale): Hover | null {
  const index = a.outcome.result.lineIndex;
  const t = termUnder(a, index.offsetAt(position));
  if (!t) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hoverText(t.entry, locale) }, range: index.range(t.span) };
}

/**
 * What a writer needs at a term: the pair, its abbreviation, other accepted forms, forms to avoid,
 * other meanings, whether it needs its English, and the glossary it comes from. A note is shown
 * only from the writer's own glossaries: the built-in entries' notes are curation notes (corpus
 * counts, reasons), kept in docs/default-glossary.md.
 */
export function hoverText(e: SourcedEntry, locale: Locale): string {
  const lines = [`**${e.ko}** ↔ *${e.en}*${e.abbr ? ` (${e.abbr})` : ''}`];
  const variants = [...e.koVariants ?? [], ...e.enVariants ?? []];
  if (variants.length) lines.push('', message(locale, 'glossary/hover-variants', { variants: variants.join(', ') }));
  if (e.avoid?.length) lines.push('', message(locale, 'glossary/hover-avoid', { avoid: e.avoid.join(', ') }));
  if (e.senses?.length) lines.push('', message(locale, 'glossary/hover-senses', { senses: e.senses.join(', ') }));
  if (e.original === 'always') lines.push('', message(locale, 'glossary/hover-original-always'));
  if (e.note && e.file !== BUILTIN_GLOSSARY) lines.push('', e.note);
  const file = e.file === BUILTIN_GLOSSARY ? message(locale, 'glossary/builtin') : `\`${e.file}\``;
  lines.push('', message(locale, 'glossary/hover-file', { file }));
  return lines.join('\n');
}
