import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { BUILTIN_GLOSSARY, message } from '../engine';
import { analyse, termAt } from '../engine/glossary';
import type { Analysis, ServerContext } from './context';

/** The glossary term under a position, from the document's current analysis. */
export function termUnder(a: Analysis, offset: number) {
  const g = a.outcome.glossary.glossary;
  return termAt(analyse(a.outcome.result.digest, g), offset);
}

/** Hover on a glossary term (Korean, English or abbreviation): the entry and the glossary it comes from. */
export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params): Hover | null => {
    const a = ctx.analyze(params.textDocument.uri);
    if (!a) return null;
    const index = a.outcome.result.lineIndex;
    const t = termUnder(a, index.offsetAt(params.position));
    if (!t) return null;
    const e = t.entry;
    const locale = ctx.locale(params.textDocument.uri);
    const lines = [`**${e.ko}** ↔ *${e.en}*${e.abbr ? ` (${e.abbr})` : ''}`];
    if (e.note) lines.push('', e.note);
    if (e.koVariants?.length || e.enVariants?.length) lines.push('', [...e.koVariants ?? [], ...e.enVariants ?? []].join(', '));
    if (e.avoid?.length) lines.push('', message(locale, 'glossary/hover-avoid', { avoid: e.avoid.join(', ') }));
    const file = e.file === BUILTIN_GLOSSARY ? message(locale, 'glossary/builtin') : `\`${e.file}\``;
    lines.push('', message(locale, 'glossary/hover-file', { file }));
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: index.range(t.span) };
  });
}
