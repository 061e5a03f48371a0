/**
 * Capitals that are not an abbreviation to define: names, words in capitals, special tokens.
 * Each test comes from a judged corpus finding (test/fixtures/precision/abbr-undefined.json);
 * test/fixtures/rules/abbr-undefined/not-abbreviations.md shows them.
 *
 * Only tokens that no glossary lists as an abbreviation are asked: a glossary's DiT stays one.
 */

/** English words that are written in capitals for emphasis or as labels: "-> NO", "TODO". */
const WORDS = new Set([
  'A', 'AN', 'AND', 'ARE', 'AS', 'AT', 'BE', 'BUT', 'BY', 'DO', 'FOR', 'FROM', 'HOW', 'IF', 'IN', 'IS', 'IT',
  'NO', 'NOT', 'OF', 'OFF', 'OK', 'ON', 'OR', 'THE', 'TO', 'UP', 'WHY', 'YES', 'WE', 'YOU', 'ALL', 'NEW',
  'TODO', 'NOTE', 'TIP', 'WARNING', 'CAUTION', 'DANGER', 'IMPORTANT', 'INFO', 'ERROR', 'FAIL', 'PASS',
  'TRUE', 'FALSE', 'NULL', 'NONE', 'NEXT', 'END', 'STEP', 'GOOD', 'BAD', 'BEST', 'WOW', 'README',
]);

const NAME_NOUN = /^\s?(데이터셋|데이터 ?세트|벤치마크|datasets?|benchmarks?)/i;
const SIZE_OR_YEAR = /^[\s-]?(\d+(\.\d+)?[BMKT]\b|(19|20)\d\d\b)/;
/** A product number: "RTX 5090", "A100" is caught as a numbered name already. */
const PRODUCT_NUMBER = /^[\s-]\d{3,4}(?![\d.,%\p{Script=Hangul}])/u;
const CITATION = /^\s?\[\d+(?:[,\-–]\s?\d+)*\]/;

/**
 * Why `text[start, end)` is not an abbreviation in its place, or undefined when it may be one:
 *   "UNDERSTANDING", "ELECTRA"        a word or name (seven letters or more, no hyphen)
 *   "-> NO", "TODO"                   an English word in capitals
 *   "FREELB: ENHANCED ADVERSARIAL"    a title in capitals (three capitalised words in a row)
 *   "[CLS]", "[MASK]"                 a special token
 *   "LFM2", "T5-XXL", "REPA-XL"      a model, format or scene with a number or a size in its name
 *   "OPT 125M", "AIME 2025"           a model with its size, a benchmark with its year
 *   "MHN [113]", "KITTI 데이터셋"       a cited method, a dataset or benchmark
 *   "GPTQ: Accurate Post-Training …"  a work named at the start of its English title
 *   "RTX 5090"                        a product with its number
 *   "RCCL: AMD에서 만든 라이브러리"       a name at the start of the line that describes it
 *   "1.3. DITING: 웹 소설 번역 …"        (also in a numbered heading)
 */
export function notAnAbbreviation(text: string, start: number, end: number): string | undefined {
  const token = text.slice(start, end);
  const bare = token.replace(/(?<=[A-Z])s$/, '');
  if (!bare.includes('-') && bare.replace(/[^A-Z]/g, '').length >= 7) return 'word';
  if (WORDS.has(bare)) return 'word';
  if (text[start - 1] === '[' && text[end] === ']') return 'token';
  // A digit in a part names a model, format or course (LFM2, FP16, CS146S); "2" for "to" does not (T2I).
  const numbered = (part: string) => /\d/.test(part) && !/^[A-Za-z]{1,3}2[A-Za-z]{1,3}$/.test(part);
  if (token.split('-').some((part, i) => numbered(part) || (i > 0 && /^(XS|S|M|B|L|XL|XXL|H|G)$/.test(part)))) return 'numbered-name';
  const after = text.slice(end, end + 24);
  if (SIZE_OR_YEAR.test(after) || PRODUCT_NUMBER.test(after) || CITATION.test(after) || NAME_NOUN.test(after)) return 'name';
  // A list of names with what each is: "- **RCCL**: AMD에서 만든 대체 라이브러리", "GAN : 좋은 …".
  if (/^[\s\d.]*$/.test(text.slice(0, start)) && /^\s?[:：]\s/.test(after)) return 'described';
  if (inCapitalsTitle(text, start, end)) return 'title';
  // The name before the colon may be several words in capitals: "FORMAL JUDGE: Neuro-Symbolic …".
  if (/^(?:\s+[A-Z][A-Z0-9\-]*)*:\s+[A-Z][a-z]/.test(text.slice(end, end + 80)) && /^[\s#*\d.]*(?:[A-Z][A-Z0-9\-]*\s+)*$/.test(text.slice(0, start))) return 'title';
  return undefined;
}

/** Three or more words in capitals in a row around the token (separated by spaces, colons, hyphens). */
function inCapitalsTitle(text: string, start: number, end: number): boolean {
  const CAPS = /^[A-Z][A-Z0-9\-]*$/;
  const words = (s: string) => s.split(/[\s:,]+/).filter(Boolean);
  const before = words(text.slice(Math.max(0, start - 60), start)).reverse();
  const after = words(text.slice(end, end + 60));
  let n = 1;
  for (const w of before) { if (!CAPS.test(w) || w.length < 2) break; n++; }
  for (const w of after) { if (!CAPS.test(w) || w.length < 2) break; n++; }
  return n >= 3;
}
