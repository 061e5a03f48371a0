/**
 * Which column of a term table holds what, read from its header row: the layouts of the PyTorch
 * Korea translation guide (`| 영문 | 한글 | 작성자 | 추가 설명 |`), the d2l-ko terminology table
 * (`| 영어 | 한국어 |`), spreadsheets (`English,Korean,Note`) and this tool's own TSV
 * (`en ko abbr avoid note`). Columns of any other kind (작성자, author, …) are ignored.
 */

export type Role = 'en' | 'ko' | 'abbr' | 'avoid' | 'note';

export interface Columns { en: number; ko: number; abbr?: number; avoid?: number; note?: number }

/** Tried in this order, so "번역 용어" is Korean, "추가 설명" a note and "원어(영문)" English. */
const ROLES: [Role, RegExp][] = [
  ['note', /비고|설명|메모|참고|주석|^notes?$|comment|remark|description|explanation/],
  ['abbr', /약어|약자|줄임말|^abbr\.?$|abbreviation|acronym/],
  ['avoid', /피할|쓰지\s*않|비권장|금지|^avoid$|avoided|deprecated|do not use|don't use/],
  ['ko', /한글|한국어|국문|번역|역어|^ko(-kr)?$|korean|translation/],
  ['en', /영문|영어|원어|원문|^en(-us)?$|english|^terms?$|^용어$|^단어$|^words?$|source|original/],
];

const normHeader = (s: string): string => s.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

/** The role of one header cell, if it names one. */
export function roleOf(header: string): Role | undefined {
  const h = normHeader(header);
  if (!h) return undefined;
  return ROLES.find(([, re]) => re.test(h))?.[0];
}

/** The columns a header row names (the first column of each role), if it names English and Korean. */
export function detectColumns(header: string[]): Columns | undefined {
  const found: Partial<Columns> = {};
  header.forEach((h, i) => {
    const role = roleOf(h);
    if (role && found[role] === undefined) found[role] = i;
  });
  return found.en !== undefined && found.ko !== undefined && found.en !== found.ko ? found as Columns : undefined;
}
