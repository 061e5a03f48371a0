/**
 * When the Korean beside a glossary term's English does not render it: it explains, qualifies,
 * names a category the English specifies, pictures it, or means another sense. term-mismatch
 * does not report such a pair, and term-pair-style does not style it: it is not a translation.
 * Each case was judged on the corpus (test/fixtures/precision/term-mismatch.json).
 */
import type { GlossaryAnalysis } from './analysis';
import type { Pair } from './pairs';
import type { GlossaryEntry } from './types';
import type { Verdict } from './verdict';
import { adjectiveForm } from './gloss';

/** Category nouns that a parenthesis specifies rather than translates: 연산(Softmax), 아키텍처(Dense), 중요 레이어 (Attention). */
const CATEGORY = new Set([
  '연산', '구조', '아키텍처', '방식', '기법', '방법', '방법론', '모델', '함수', '엔진', '알고리즘', '기술', '과정', '단계',
  '모듈', '계층', '레이어', '층', '장치', '도구', '기능', '전략', '패러다임', '현상', '개념', '원리', '요소', '부분', '유형', '형태', '종류',
]);

/**
 * Images, not renderings: in ML writing these words picture a model's parts (뇌 세포 신호(Hidden
 * States), 막힌 웅덩이(Local Minimum), 정답지(Reward), 안내원(Router)). Only checked beside a term
 * the glossary knows in another Korean, so a brain-imaging paper's 뇌 is not affected.
 */
const FIGURATIVE = new Set(['뇌', '두뇌', '웅덩이', '정답지', '안내원', '운전대', '도서관', '다이어트', '미학', '나침반']);


/** A glossary rendering that names a quantity (재현율, 정확도, 처리량): an action (인출(Recall)하는) is another sense. */
const QUANTITY = /(율|률|도|량|값|치|점수)$/;
// Glued to ")": 인출(Recall)하는. A word after a space (재현성(recall) 한계) is another word.
const VERB_AFTER = /^\)(하|한|할|해|했|됩|되|된|될|시키|당하)/;

const bare = (s: string) => s.replace(/\s+/g, '');

/**
 * Korean before an English term that is not a wrong rendering of it (each judged on the corpus):
 *   이미지 인코더(encoder), 받아서 잠재변수(latent variable)  the glossary's term after a modifier or a verb
 *   다수결(majority voting), 최첨단 수준(state-of-the-art)      the start of the glossary's term, or it and a head noun
 *   어디에 있는지(Grounding), 먼저 가르쳐야(Warm Start)       a clause, not a noun
 *   무거운 연산(Softmax), 아키텍처(Dense), 생성형(Decoder)      a category the English specifies
 */
export function looseKorean(found: string, entry: GlossaryEntry): boolean {
  const forms = [entry.ko, ...entry.koVariants ?? []].map(bare);
  const words = found.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const tail = bare(words.slice(i).join(''));
    if (i > 0 && forms.includes(tail)) return true;
    if (tail.length >= 2 && forms.some(f => f.length > tail.length && f.startsWith(tail))) return true;
    // The glossary's term with a head noun after it: 최첨단 수준(state-of-the-art).
    if (i > 0 && forms.includes(bare(words.slice(0, i).join('')))) return true;
  }
  if (/(는지|은지|던지|어야|아야|여야|해야|하는|되는|하게|도록|려고)$/.test(found)) return true;
  // The glossary's term as an adjective: 밀집한(Dense) for 밀집, 확률적인(stochastic) for 확률적.
  const whole = bare(found);
  if (forms.some(f => [f + '한', f + '된', f + '적', f + '적인', f + '인'].includes(whole))) return true;
  // With or without the adjectival 적 inside (대조적 손실 for 대조 손실): the same rendering.
  if (forms.some(f => f.replace(/적/g, '') === whole.replace(/적/g, ''))) return true;
  // The category alone or after an adjective (무거운 연산); 정방향 연산 for forward pass is a compound that renders.
  const last = words[words.length - 1];
  const modifier = words.length === 1 || /(은|는|운|한|된|인|던|의|큰|긴|작은|새|중요|핵심|주요)$/.test(words[words.length - 2]);
  if (CATEGORY.has(last) && modifier && !forms.some(f => f.endsWith(last))) return true;
  return /형$/.test(last) && !forms.some(f => f.endsWith('형'));
}

/** Does the Korean beside the English explain, qualify, picture or mean another sense, rather than render it? */
export function glossesRatherThanRenders(a: GlossaryAnalysis, pair: Pair, v: Verdict): boolean {
  if (v.kind !== 'mismatch-ko') return false;
  const found = v.piece.text;
  if (looseKorean(found, v.entry)) return true;
  // Where the glossary's Korean is a loanword (라우터, 어텐션: "original": "never"), a native word
  // beside the English explains it rather than renders it: 안내원(Router), 주의력(Attention). Another
  // glossary term there is still a swap: 인코더(decoder).
  if (v.entry.original === 'never' && !pair.koHit) return true;
  // One adjective after a Korean noun qualifies it: 최소화(monocular), 최적화(personalized).
  if (pair.en && adjectiveForm(pair.en.text.toLowerCase())) return true;
  if (pictures(pair, found)) return true;
  const text = a.runs[pair.run].text;
  // Another sense: the text does something (인출(Recall)하는), the glossary's Korean measures something (재현율).
  if (QUANTITY.test(v.entry.ko) && VERB_AFTER.test(text.slice(pair.close))) return true;
  return false;
}

/**
 * Is the Korean an image (뇌 세포 신호(Hidden States), 막힌 웅덩이(Local Minimum))? Only the words
 * themselves count: a sentence that compares ("마치 BERT처럼 양방향(Bidirectional)으로") may still
 * hold a real pair, so similes are not a sign (tried on the corpus: it hid 도커(Docker) and 정제기(refiner)).
 */
export function pictures(pair: Pair, found = pair.ko?.text ?? ''): boolean {
  const words = [...(pair.lead ? [pair.lead] : []), ...found.split(/\s+/)];
  return words.some(w => FIGURATIVE.has(w));
}
