import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { applyEdits } from '../fixes';
import type { OffsetEdit } from '../types';
import type { GlossaryEntry } from './types';

/** An entry as one line, `{"ko": "…", "en": "…"}`, or pretty-printed at an indentation. */
function render(entry: GlossaryEntry, multiline: string | null, eol: string): string {
  const fields = Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  if (multiline === null) return `{${fields.join(', ')}}`;
  const inner = multiline + (multiline.includes('\t') ? '\t' : '  ');
  return `{${eol}${fields.map(f => inner + f).join(',' + eol)}${eol}${multiline}}`;
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Edits that add an entry to a glossary file's text and keep its formatting: the new entry
 * copies the style of the last one (one line or pretty-printed, same indentation). An entry
 * with the same English term is replaced in place. No text (or only whitespace): a new file.
 */
export function addEntryEdits(text: string | undefined, entry: GlossaryEntry): { create: boolean; edits: OffsetEdit[]; text: string } {
  const clean: GlossaryEntry = { ko: entry.ko, en: entry.en, ...(entry.abbr ? { abbr: entry.abbr } : {}) };
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const tree = text?.trim() ? parseTree(text) : undefined;
  if (text === undefined || !tree || tree.type !== 'object') {
    const body = JSON.stringify({ $schema: 'https://paper-digest.invalid/schemas/glossary.schema.json', terms: [clean] }, null, 2).replace(/\n/g, eol) + eol;
    return { create: text === undefined, edits: [{ start: 0, end: text?.length ?? 0, text: body }], text: body };
  }
  const terms = tree.children?.find(p => p.children?.[0]?.value === 'terms')?.children?.[1];
  let edit: OffsetEdit;
  if (!terms || terms.type !== 'array') {
    // No "terms" array: add one after the opening brace.
    const indent = '  ';
    edit = { start: tree.offset + 1, end: tree.offset + 1, text: `${eol}${indent}"terms": [${render(clean, null, eol)}]${tree.children?.length ? ',' : eol}` };
  } else {
    const items = terms.children ?? [];
    const same = items.find(t => t.children?.some(p => p.children?.[0]?.value === 'en' && String(p.children?.[1]?.value).toLowerCase() === entry.en.toLowerCase()));
    const model: JsonNode | undefined = same ?? items[items.length - 1];
    const multiline = model && text.slice(model.offset, model.offset + model.length).includes('\n') ? lineIndent(text, model.offset) : null;
    if (same) edit = { start: same.offset, end: same.offset + same.length, text: render(clean, multiline, eol) };
    else if (model) {
      const end = model.offset + model.length;
      const sameLine = !text.slice(terms.offset, end).includes('\n');
      edit = { start: end, end, text: sameLine ? `, ${render(clean, null, eol)}` : `,${eol}${lineIndent(text, model.offset)}${render(clean, multiline, eol)}` };
    } else {
      const outer = lineIndent(text, terms.offset);
      edit = { start: terms.offset, end: terms.offset + terms.length, text: `[${eol}${outer}  ${render(clean, null, eol)}${eol}${outer}]` };
    }
  }
  return { create: false, edits: [edit], text: applyEdits(text, [edit]).text };
}
