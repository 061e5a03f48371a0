/**
 * Glossary entries as the word lists of other writing tools. Pure: entries in, file text out;
 * the CLI (`paper-digest glossary export`) stacks the glossaries and writes the file. Every list
 * is deduplicated and sorted (case-insensitively, then by code point: the same on every machine).
 * Spellings to avoid are never exported: a spell checker should go on flagging them.
 *
 * - cspell  https://cspell.org/docs/Configuration/  — `{ "version": "0.2", "words": [...] }`;
 *   cspell checks single words, so terms are split into words (English, abbreviations, Korean).
 * - vale    https://vale.sh/docs/keys/vocab  — `accept.txt`: one entry per line, each a regular
 *   expression that Vale.Terms enforces case-sensitively. Whole terms (phrases), abbreviations and
 *   the words of multi-word terms; metacharacters escaped; a word in lower case or only
 *   capitalised may take either case at its first letter (`[Aa]ttention`), as in a sentence,
 *   at its start or in a title; other capitals (DiT, LLM) are kept and enforced.
 * - ltex    https://valentjn.github.io/ltex/settings.html#ltexdictionary  — an external
 *   dictionary file (`":/path/to/file"` in `ltex.dictionary`): one word per line.
 * - harper  https://writewithharper.com/docs/integrations/language-server#Dictionaries — a user
 *   or workspace dictionary: one word per line, read verbatim (no comments, no blank lines).
 * - hanspell https://github.com/9beach/hanspell — `~/.hanspell-ignore`: one glob pattern per
 *   line; hanspell-cli also splits at spaces, so a space in a term becomes `?`; `*` after each
 *   term (and each word of a multi-word term) covers the particles after it (트랜스포머*: 트랜스포머를).
 * - tsv     `en ko abbr avoid note` with a header row, read back by `glossary import`; a cell lists
 *   a term's other spellings after the preferred one, separated by ", ".
 */
import type { GlossaryEntry } from '../types';
import { sortTerms } from './import';

export type ExportFormat = 'cspell' | 'vale' | 'ltex' | 'harper' | 'hanspell' | 'tsv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['cspell', 'vale', 'ltex', 'harper', 'hanspell', 'tsv'];

export interface ExportResult {
  text: string;
  /** Entries written (words, patterns, or TSV rows). */
  count: number;
  /** Terms the format cannot hold, with the characters at fault. */
  left: { term: string; chars: string }[];
}

const HANGUL = /\p{Script=Hangul}/u;

/** Case-insensitive, then by code point: a locale-free, stable order. */
export function compareWords(a: string, b: string): number {
  const x = a.toLowerCase(), y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const sortedUnique = (xs: Iterable<string>): string[] => [...new Set(xs)].sort(compareWords);

/**
 * The words of a term as a spell checker tokenises it: letters and digits (an apostrophe inside
 * a word kept), split at spaces, hyphens, slashes and other punctuation; numbers and single
 * letters dropped (`GPT-4` → GPT; `fine-tuning` → fine, tuning; `확산 트랜스포머` → 확산, 트랜스포머).
 */
export function wordsOf(term: string): string[] {
  return term.split(/[^\p{L}\p{M}\p{N}']+/u)
    .map(w => w.replace(/^'+|'+$/g, ''))
    .filter(w => [...w].length >= 2 && !/^\p{N}+$/u.test(w));
}

interface Forms { english: string[]; abbreviations: string[]; korean: string[] }

function formsOf(terms: GlossaryEntry[], known: string[]): Forms {
  const english: string[] = [], abbreviations: string[] = [...known], korean: string[] = [];
  for (const t of terms) {
    english.push(t.en, ...(t.enVariants ?? []));
    if (t.abbr) abbreviations.push(t.abbr);
    korean.push(t.ko, ...(t.koVariants ?? []));
  }
  return { english, abbreviations, korean };
}

/** Capitalised only: an upper-case first letter, the rest lower case (Batch, Gaussian; not DiT, LLM). */
const capitalised = (w: string): boolean => w.length > 1 && w[0] !== w[0].toLowerCase() && w.slice(1) === w.slice(1).toLowerCase() && w !== w.toLowerCase();

/**
 * Every word of every term and abbreviation (cspell, LTeX, Harper). A capitalised word whose
 * lower-case form is listed too is left out: spell checkers accept a listed lower-case word at
 * the start of a sentence (cspell ignores case altogether).
 */
function wordList(f: Forms): string[] {
  const all = new Set([...f.english, ...f.abbreviations, ...f.korean].flatMap(wordsOf));
  return sortedUnique([...all].filter(w => !(capitalised(w) && all.has(w.toLowerCase()))));
}

/**
 * A Vale vocabulary entry: the term as a Go (RE2) regular expression that matches it exactly.
 * A word in lower case or only capitalised may take either case at its first letter
 * (`[Bb]atch [Nn]ormalization`: in a sentence, at its start, in a title); a word with other
 * capitals keeps its case (DiT, LLM, NumPy), which Vale.Terms then enforces.
 */
export function valeEntry(term: string): string {
  let out = '';
  const chars = [...term];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (/\p{L}/u.test(ch) && (i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]))) {
      let j = i;
      while (j < chars.length && /\p{L}/u.test(chars[j])) j++;
      const word = chars.slice(i, j).join('');
      const lower = ch.toLowerCase(), upper = ch.toUpperCase();
      const caseless = word.slice(1) === word.slice(1).toLowerCase();
      if (caseless && lower !== upper && [...lower].length === 1 && [...upper].length === 1) { out += `[${upper}${lower}]`; continue; }
    }
    if (/[\\^$.|?*+()[\]{}]/.test(ch)) out += '\\' + ch;
    else if (ch === '#' && i === 0) out += '[#]'; // a line starting with # is a comment
    else out += ch;
  }
  return out;
}

/** Characters a glob pattern treats specially, escaped; `?` then stands for a space. */
const escapeGlob = (s: string): string => s.replace(/[*?[\]()!+@\\#]/g, '\\$&');

/** hanspell ignore patterns for a Korean term: the term, then each word of a multi-word term, each followed by `*`. */
export function hanspellPatterns(term: string): string[] {
  const words = term.split(' ').filter(Boolean);
  const out = [escapeGlob(words.join(' ')).replace(/ /g, '?') + '*'];
  // A checker flags one word at a time (트랜스포머를 in 확산 트랜스포머를); one-syllable words would hide too much.
  if (words.length > 1) for (const w of words) if (HANGUL.test(w) && [...w].length >= 2) out.push(escapeGlob(w) + '*');
  return out;
}

const tsvField = (s: string | undefined): string => {
  const v = (s ?? '').replace(/[\t\r\n]+/g, ' ');
  return v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v;
};

export const TSV_HEADER = ['en', 'ko', 'abbr', 'avoid', 'note'];

export function exportGlossary(terms: GlossaryEntry[], known: string[], format: ExportFormat): ExportResult {
  const forms = formsOf(terms, known);
  const left: ExportResult['left'] = [];
  const lines = (xs: string[]): ExportResult => ({ text: xs.map(x => x + '\n').join(''), count: xs.length, left });
  switch (format) {
    case 'cspell': {
      const words = wordList(forms);
      return { text: JSON.stringify({ version: '0.2', words }, null, 2) + '\n', count: words.length, left };
    }
    case 'ltex': case 'harper':
      return lines(wordList(forms));
    case 'vale': {
      const phrases = [...forms.english, ...forms.abbreviations, ...forms.korean];
      const words = forms.english.filter(t => wordsOf(t).length > 1).flatMap(wordsOf);
      const byEntry = new Map<string, string>();
      for (const t of [...phrases, ...words]) {
        const e = valeEntry(t);
        const was = byEntry.get(e);
        if (was === undefined || compareWords(t, was) < 0) byEntry.set(e, t);
      }
      return lines([...byEntry].sort((a, b) => compareWords(a[1], b[1]) || compareWords(a[0], b[0])).map(([e]) => e));
    }
    case 'hanspell': {
      const patterns: string[] = [];
      for (const t of sortedUnique(forms.korean.filter(k => HANGUL.test(k)))) {
        const bad = [...new Set(t.match(/[,{}\t\n]/g) ?? [])];
        if (bad.length) { left.push({ term: t, chars: bad.join(' ') }); continue; }
        patterns.push(...hanspellPatterns(t));
      }
      return lines(sortedUnique(patterns));
    }
    case 'tsv': {
      const rows = sortTerms(terms).map(t => [
        [t.en, ...(t.enVariants ?? [])].join(', '), [t.ko, ...(t.koVariants ?? [])].join(', '),
        t.abbr, (t.avoid ?? []).join(', '), t.note,
      ].map(tsvField).join('\t'));
      return { text: [TSV_HEADER.join('\t'), ...rows].map(r => r + '\n').join(''), count: rows.length, left };
    }
  }
}
