import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { analyse, glossarySettings, mentionedBefore, normKo, type CompiledGlossary, type SourcedEntry } from '../engine/glossary';
import type { CompletionProvider } from './completion-request';

const MAX_ITEMS = 50;

/** Candidate typed prefixes: the last one, two and three words before the cursor, longest first. */
function prefixes(linePrefix: string): string[] {
  const m = /([\p{Script=Hangul}A-Za-z][\p{Script=Hangul}A-Za-z0-9\-]*(?: [\p{Script=Hangul}A-Za-z0-9\-]+){0,2})$/u.exec(linePrefix);
  if (!m) return [];
  const words = m[1].split(' ');
  const out: string[] = [];
  for (let k = words.length; k >= 1; k--) out.push(words.slice(-k).join(' '));
  return out;
}

function matches(g: CompiledGlossary, prefix: string): { entry: SourcedEntry; via: 'ko' | 'en' }[] {
  const ko = normKo(prefix), en = prefix.toLowerCase();
  const isLatin = /^[A-Za-z]/.test(prefix);
  if (isLatin ? prefix.length < 2 : ko.length < 1) return [];
  const out: { entry: SourcedEntry; via: 'ko' | 'en' }[] = [];
  for (const entry of g.entries) {
    if (!isLatin && [entry.ko, ...entry.koVariants ?? []].some(k => normKo(k).startsWith(ko))) out.push({ entry, via: 'ko' });
    else if (isLatin && [entry.en, ...entry.enVariants ?? []].some(e => e.toLowerCase().startsWith(en))) out.push({ entry, via: 'en' });
  }
  return out;
}

/**
 * Glossary terms while typing Korean or English: accepting inserts `한글(English)` where the
 * term is used for the first time in its scope (document, section or paper; heading and body
 * apart), and `한글` otherwise.
 */
export const glossaryCompletion: CompletionProvider = req => {
  if (/^\s*(#{1,6}\s+[\d.]*|\*\*[^*]*)$/.test(req.linePrefix) && !/[\p{Script=Hangul}]/u.test(req.linePrefix)) return null;
  const a = req.analysis();
  if (!a) return null;
  const g = a.outcome.glossary.glossary;
  let typed = '', found: { entry: SourcedEntry; via: 'ko' | 'en' }[] = [];
  for (const p of prefixes(req.linePrefix)) { found = matches(g, p); if (found.length) { typed = p; break; } }
  if (!found.length) return null;
  const analysis = analyse(a.outcome.result.digest, g);
  const settings = glossarySettings({ glossarySettings: a.outcome.config.glossary });
  const kind = /^\s{0,3}#{1,6}\s/.test(req.linePrefix) ? 'heading' : 'body';
  const start = req.offset - typed.length;
  const range = { start: req.document.positionAt(start), end: req.params.position };
  const space = settings.pairSpacing === 'space' ? ' ' : '';
  return found.slice(0, MAX_ITEMS).map(({ entry, via }, i): CompletionItem => {
    const first = !mentionedBefore(analysis, entry, start, kind, settings.firstUseScope, { start, end: req.offset });
    const newText = first ? `${entry.ko}${space}(${entry.en})` : entry.ko;
    return {
      label: entry.ko,
      labelDetails: { description: entry.en + (entry.abbr ? ` (${entry.abbr})` : '') },
      detail: entry.note,
      kind: CompletionItemKind.Text,
      filterText: via === 'ko' ? entry.ko : entry.en,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText },
      data: { glossary: entry.en, firstUse: first },
    };
  });
};
