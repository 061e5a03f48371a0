import { applyEdits as applyJsonEdits, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import type { OffsetEdit } from '../types';
import type { GlossaryEntry } from './types';

/**
 * Edits that add an entry to a glossary file's text, keeping its formatting (jsonc-parser's
 * `modify`), or the whole text of a new file when there is none. An entry with the same
 * English term is replaced rather than duplicated.
 */
export function addEntryEdits(text: string | undefined, entry: GlossaryEntry, eol = '\n'): { create: boolean; edits: OffsetEdit[]; text: string } {
  const clean: GlossaryEntry = { ko: entry.ko, en: entry.en, ...(entry.abbr ? { abbr: entry.abbr } : {}) };
  if (text === undefined || !text.trim()) {
    const body = JSON.stringify({ $schema: 'https://paper-digest.invalid/schemas/glossary.schema.json', terms: [clean] }, null, 2).replace(/\n/g, eol) + eol;
    return { create: text === undefined, edits: [{ start: 0, end: text?.length ?? 0, text: body }], text: body };
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions: FormattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  const tree = parseTree(text);
  const terms = tree?.children?.find(p => p.children?.[0]?.value === 'terms')?.children?.[1];
  const existing = terms?.children?.findIndex(t => t.children?.some(p => p.children?.[0]?.value === 'en' && String(p.children?.[1]?.value).toLowerCase() === entry.en.toLowerCase())) ?? -1;
  const path = terms ? ['terms', existing >= 0 ? existing : terms.children?.length ?? 0] : ['terms'];
  const value = terms ? clean : [clean];
  const edits = modify(text, path, value, { formattingOptions, isArrayInsertion: !!terms && existing < 0 });
  return { create: false, edits: edits.map(e => ({ start: e.offset, end: e.offset + e.length, text: e.content })), text: applyJsonEdits(text, edits) };
}
