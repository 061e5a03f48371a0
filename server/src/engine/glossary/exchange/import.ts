/**
 * Term tables (Markdown, CSV, TSV) to glossary entries. Pure: text in, entries and located
 * findings out; the CLI (`paper-digest glossary import`) reads and writes the files.
 *
 * Decisions (docs/glossary-exchange.md):
 * - Columns are found by their header (columns.ts); a CSV/TSV file without one is read as
 *   English, Korean when its second column holds Hangul (reported as `no-header`).
 * - A cell may list several renderings, separated by `,` `/` `;` `，` `、` outside parentheses:
 *   the first is preferred, the rest are koVariants (enVariants in the English cell).
 *   Struck-through Korean (`~~…~~`) and an "avoid" column give `avoid`.
 * - `Large Language Model (LLM)` or `learning rate, lr` give an abbreviation when the letters
 *   fit the English (the first letter, then the rest in order); another trailing parenthesis is
 *   a qualifier, moved to the note. A table with an abbreviation column takes abbreviations
 *   from that column only (besides the parenthesis), so a TSV export reads back as it was.
 * - A row whose Korean cell holds no Hangul (empty, `-`, or the English again: 번역하지 않음)
 *   keeps the English: it is skipped and reported (`keep-english`), not an error.
 * - The same English (case, hyphens, spacing ignored, as the glossary loader compares) twice
 *   with the same renderings is a `duplicate`: kept once. With different renderings it is a
 *   `conflict`: the term is left out altogether and the import fails (exit 1), since writing
 *   either rendering would make the checker enforce a choice nobody made.
 */
import { normEn, normKo } from '../compile';
import type { GlossaryEntry, GlossaryFile } from '../types';
import { detectColumns, roleOf, type Columns } from './columns';
import { delimitedRecords, markdownTables, type Cell, type Row } from './table';

export type ImportFormat = 'markdown' | 'csv' | 'tsv';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['markdown', 'csv', 'tsv'];

export type ImportNoteKind =
  | 'duplicate' | 'conflict' | 'conflict-first' | 'keep-english' | 'no-english' | 'shared-korean'
  | 'no-header' | 'table-skipped' | 'unclosed-quote';

/** A finding at a place in the table; `problem` ones make the import fail. */
export interface ImportNote {
  kind: ImportNoteKind;
  line: number;
  column: number;
  problem: boolean;
  data: Record<string, string | number>;
}

export interface ImportResult {
  /** Sorted by English (case-insensitive), then in the order found. */
  terms: GlossaryEntry[];
  notes: ImportNote[];
  /** Tables (or delimited files) whose columns were recognised; 0: nothing to import. */
  tables: number;
  /** Data rows read (blank rows not counted). */
  rows: number;
  counts: { duplicates: number; conflicts: number; skipped: number };
}

const HANGUL = /\p{Script=Hangul}/u;
const hasHangul = (s: string): boolean => HANGUL.test(s);
const ABBR = /^[A-Za-z0-9][A-Za-z0-9.\-]*$/;

/** The format a file name (then its first lines) suggests. */
export function guessFormat(fileName: string, text: string): ImportFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && ['md', 'markdown', 'mdx', 'mdown', 'mkd'].includes(ext)) return 'markdown';
  if (ext === 'csv') return 'csv';
  if (ext && ['tsv', 'tab'].includes(ext)) return 'tsv';
  const lines = text.split(/\r?\n/).filter(l => l.trim()).slice(0, 20);
  if (lines.some(l => /^\s*\|.*\|/.test(l))) return 'markdown';
  return lines[0]?.includes('\t') ? 'tsv' : 'csv';
}

/**
 * Splits a cell into its alternatives at `,` `/` `;` `，` `、` outside parentheses. A split that
 * would leave a single letter or digit (`I/O`, `x, y`) is no list: the cell stays whole (a
 * one-syllable Korean word such as 층 is a rendering).
 */
export function alternatives(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0, cur = '';
  for (const ch of cell) {
    if (ch === '(' || ch === '[' || ch === '（') depth++;
    else if ((ch === ')' || ch === ']' || ch === '）') && depth > 0) depth--;
    if (depth === 0 && /[,/;，、]/.test(ch)) { parts.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  parts.push(cur.trim());
  const kept = parts.filter(Boolean);
  if (kept.length > 1 && kept.some(p => [...p].length < 2 && !HANGUL.test(p))) return cell.trim() ? [cell.trim()] : [];
  return kept;
}

/**
 * Whether `a` reads as an abbreviation of `phrase`: an abbreviation the schema accepts, shorter
 * than the phrase, starting with the phrase's first letter and taking the rest of its letters in
 * order (LLM: Large Language Model, lr: learning rate, i.i.d.: independent and identically distributed).
 */
export function isAbbreviationOf(a: string, phrase: string): boolean {
  if (!ABBR.test(a) || a.length < 2 || a.length > 15) return false;
  const letters = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const source = phrase.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (letters.length < 2 || letters.length >= source.length || letters[0] !== source[0]) return false;
  let j = 0;
  for (const ch of source) if (ch === letters[j]) j++;
  return j === letters.length;
}

interface EnglishCell { en: string; abbr?: string; enVariants: string[]; qualifier?: string }

/** The English cell: the term, an abbreviation in it, other spellings, a qualifier in parentheses. */
function parseEnglish(text: string, inferAbbr: boolean): EnglishCell | undefined {
  const alts = alternatives(text);
  if (!alts.length) return undefined;
  let en = alts[0], abbr: string | undefined, qualifier: string | undefined;
  const trailing = /^(.*?\S)\s*\(([^()]*)\)$/.exec(en);
  if (trailing) {
    const inner = trailing[2].trim();
    if (isAbbreviationOf(inner, trailing[1])) { en = trailing[1]; abbr = inner; }
    else if (inner) { en = trailing[1]; qualifier = `(${inner})`; }
  } else {
    // `continuous bag-of-words (CBOW) model`: an abbreviation inside the term.
    const groups = [...en.matchAll(/\s*\(([^()]*)\)\s*/g)];
    if (groups.length === 1) {
      const without = (en.slice(0, groups[0].index) + ' ' + en.slice(groups[0].index! + groups[0][0].length)).replace(/\s+/g, ' ').trim();
      if (isAbbreviationOf(groups[0][1].trim(), without)) { abbr = groups[0][1].trim(); en = without; }
    }
  }
  const enVariants: string[] = [];
  const seen = new Set([en]);
  for (let alt of alts.slice(1)) {
    const m = /^(.*?\S)\s*\(([^()]*)\)$/.exec(alt);
    if (m && isAbbreviationOf(m[2].trim(), m[1])) {
      if (!abbr && inferAbbr) abbr = m[2].trim();
      alt = m[1];
    }
    if (inferAbbr && !abbr && isAbbreviationOf(alt, en)) { abbr = alt; continue; }
    if (abbr && alt === abbr) continue;
    if (!seen.has(alt)) { seen.add(alt); enVariants.push(alt); }
  }
  return { en, abbr, enVariants, qualifier };
}

/** Korean renderings in a cell: those with Hangul, a trailing `(English)` repeated in the cell dropped. */
function koreanForms(text: string): string[] {
  return alternatives(text)
    .map(a => a.replace(/^(.*\p{Script=Hangul}.*?)\s*\(([^()]*)\)$/u, (all, head: string, inner: string) => (hasHangul(inner) ? all : head)).trim())
    .filter(hasHangul);
}

/** Forms not seen yet, compared as written: 인공 지능 may be a spelling to avoid beside 인공지능. */
function unique(forms: string[], exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const f of forms) {
    if (exclude.has(f)) continue;
    exclude.add(f);
    out.push(f);
  }
  return out;
}

interface Candidate { entry: GlossaryEntry; line: number; column: number; key: string }

/** Reads a term table and returns the glossary entries it defines, with every finding located. */
export function importTermTable(text: string, format: ImportFormat): ImportResult {
  const notes: ImportNote[] = [];
  const note = (kind: ImportNoteKind, at: { line: number; column: number }, data: Record<string, string | number> = {}, problem = false) =>
    notes.push({ kind, line: at.line, column: at.column, problem, data });
  const candidates: Candidate[] = [];
  let tables = 0, rows = 0, skipped = 0;

  const readRows = (body: Row[], cols: Columns) => {
    const inferAbbr = cols.abbr === undefined;
    for (const row of body) {
      const cell = (i: number | undefined): Cell | undefined => (i === undefined ? undefined : row.cells[i]);
      const enCell = cell(cols.en), koCell = cell(cols.ko);
      const enText = enCell?.text ?? '', koText = koCell?.text ?? '';
      if (!enText && !koText && !(koCell?.struck.length)) continue;
      // A header repeated inside the data (a CSV of concatenated sheets): not a term.
      if (roleOf(enText) === 'en' && roleOf(koText) === 'ko') continue;
      rows++;
      const at = enCell?.text ? enCell : koCell ?? { line: row.line, column: row.column };
      const english = parseEnglish(enText, inferAbbr);
      if (!english) { skipped++; note('no-english', at, { ko: koText }); continue; }
      const ko = koreanForms(koText);
      if (!ko.length) { skipped++; note('keep-english', at, { en: english.en, ko: koText }); continue; }
      const entry: GlossaryEntry = { ko: ko[0], en: english.en };
      const abbrText = cell(cols.abbr)?.text;
      if (abbrText && ABBR.test(abbrText)) entry.abbr = abbrText;
      else if (english.abbr) entry.abbr = english.abbr;
      if (english.enVariants.length) entry.enVariants = english.enVariants;
      const taken = new Set([ko[0]]);
      const variants = unique(ko.slice(1), taken);
      if (variants.length) entry.koVariants = variants;
      const avoid = unique([...(koCell?.struck ?? []).flatMap(koreanForms), ...koreanForms(cell(cols.avoid)?.text ?? '')], taken);
      if (avoid.length) entry.avoid = avoid;
      const noteText = [english.qualifier, cell(cols.note)?.text].filter(Boolean).join(' ');
      if (noteText) entry.note = noteText;
      candidates.push({ entry, line: at.line, column: at.column, key: normEn(entry.en) });
    }
  };

  if (format === 'markdown') {
    for (const t of markdownTables(text)) {
      const cols = t.header && detectColumns(t.header.cells.map(c => c.text));
      if (!cols) { note('table-skipped', t.header ?? { line: t.line, column: 1 }, { header: t.header?.cells.map(c => c.text).join(' | ') ?? '' }); continue; }
      tables++;
      readRows(t.rows, cols);
    }
  } else {
    const { records, unclosed } = delimitedRecords(text, format === 'tsv' ? '\t' : ',');
    if (unclosed) note('unclosed-quote', unclosed, {}, true);
    if (records.length) {
      const cols = detectColumns(records[0].cells.map(c => c.text));
      if (cols) { tables++; readRows(records.slice(1), cols); }
      else if (records.some(r => hasHangul(r.cells[1]?.text ?? ''))) {
        tables++;
        note('no-header', records[0], {});
        readRows(records, { en: 0, ko: 1 });
      }
    }
  }

  // One entry per English term: duplicates kept once, conflicts left out.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const g = groups.get(c.key);
    if (g) g.push(c); else groups.set(c.key, [c]);
  }
  let duplicates = 0, conflicts = 0;
  const kept: Candidate[] = [];
  for (const group of groups.values()) {
    const [first, ...later] = group;
    let conflicted = false;
    for (const c of later) {
      if (sameRenderings(first.entry, c.entry)) {
        duplicates++;
        note('duplicate', c, { en: c.entry.en, ko: c.entry.ko, line: first.line });
      } else {
        conflicts++;
        conflicted = true;
        note('conflict', c, { en: c.entry.en, ko: renderings(c.entry), other: renderings(first.entry), line: first.line }, true);
      }
    }
    if (conflicted) note('conflict-first', first, { en: first.entry.en, ko: renderings(first.entry), lines: later.filter(c => !sameRenderings(first.entry, c.entry)).map(c => c.line).join(', ') }, true);
    else kept.push(first);
  }

  // The same Korean for two English terms is allowed, but the checker then maps it back to one of them.
  const byKo = new Map<string, Candidate>();
  for (const c of kept) {
    for (const form of [c.entry.ko, ...(c.entry.koVariants ?? [])]) {
      const k = normKo(form);
      const other = byKo.get(k);
      if (other && other !== c) note('shared-korean', c, { ko: form, en: c.entry.en, other: other.entry.en, line: other.line });
      else if (!other) byKo.set(k, c);
    }
  }

  notes.sort((a, b) => a.line - b.line || a.column - b.column);
  const terms = sortTerms(kept.map(c => c.entry));
  return { terms, notes, tables, rows, counts: { duplicates, conflicts, skipped } };
}

const setKey = (xs: string[] | undefined): string => [...new Set(xs ?? [])].sort().join('\n');

/**
 * Same Korean rendering, variants, spellings to avoid and abbreviation (as written: spacing is
 * a difference the checker reports): a duplicate, not a conflict.
 */
function sameRenderings(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return a.ko === b.ko && setKey(a.koVariants) === setKey(b.koVariants)
    && setKey(a.avoid) === setKey(b.avoid) && (a.abbr ?? '') === (b.abbr ?? '');
}

const renderings = (e: GlossaryEntry): string =>
  [e.ko, ...(e.koVariants ?? [])].join(', ') + (e.abbr ? ` (${e.abbr})` : '') + (e.avoid?.length ? ` ~~${e.avoid.join(', ')}~~` : '');

/** Sorted by English, case-insensitive, then as found (a stable sort on a locale-free key). */
export function sortTerms(terms: GlossaryEntry[]): GlossaryEntry[] {
  return [...terms].sort((a, b) => {
    const x = a.en.toLowerCase(), y = b.en.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The glossary file for these terms: fields in the schema's order, 2-space JSON, a final newline,
 * and `$schema` first when given.
 */
export function glossaryText(terms: GlossaryEntry[], schema?: string): string {
  const order: (keyof GlossaryEntry)[] = ['ko', 'en', 'abbr', 'enVariants', 'koVariants', 'avoid', 'senses', 'original', 'note'];
  const file: { $schema?: string } & GlossaryFile = { ...(schema ? { $schema: schema } : {}), terms: terms.map(t => {
    const out: Record<string, unknown> = {};
    for (const k of order) if (t[k] !== undefined) out[k] = t[k];
    return out as unknown as GlossaryEntry;
  }) };
  return JSON.stringify(file, null, 2) + '\n';
}
