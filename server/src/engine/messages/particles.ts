import { getJongseong } from 'es-hangul';
import { particleFor, type JosaRule } from '../particles';

/**
 * Korean messages are written with both forms of a particle after a placeholder (`"{abbr}"을(를)`,
 * `"{ko}"(으)로`), and this file writes the one form that agrees with the word that ended up there,
 * as a Korean editor would: `"VAE"를`, `"추론"으로`, `"LLM"을`, `"GPT-4"는`. Hangul is es-hangul's
 * job; a Latin word or abbreviation agrees with how it is read aloud (letter names for
 * abbreviations, a loanword's last sound for words), digits with their Sino-Korean reading.
 */

type Final = { batchim: boolean; rieul: boolean };
const VOWEL: Final = { batchim: false, rieul: false };
const CONSONANT: Final = { batchim: true, rieul: false };
const RIEUL: Final = { batchim: true, rieul: true };

/** How a letter's name ends when an abbreviation is read aloud: 엘(L), 엠(M), 엔(N), 알(R), 에프(F)… */
const LETTER: Record<string, Final> = {
  L: RIEUL, R: RIEUL, M: CONSONANT, N: CONSONANT,
};
/** Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT: Final[] = [CONSONANT, RIEUL, VOWEL, CONSONANT, VOWEL, VOWEL, CONSONANT, RIEUL, RIEUL, VOWEL];

/** The last sound of an English word as Korean writes the loanword (token 토큰, model 모델, dataset 데이터셋, prompt 프롬프트). */
function englishFinal(word: string): Final {
  const w = word.toLowerCase();
  if (/ing$/.test(w)) return CONSONANT; // 임베딩
  if (/(?:l|le)$/.test(w)) return RIEUL; // 모델, 모듈
  if (/(?:m|me|n|ne)$/.test(w)) return CONSONANT; // 프레임, 토큰, 라인
  // A single p/t/k after a single vowel closes the syllable (스텝, 데이터셋, 블록); after a cluster it gets 으 (프롬프트).
  if (/[^aeiou][aeiou](?:ck|[ptk])$/.test(w) || /^[aeiou](?:ck|[ptk])$/.test(w)) return CONSONANT;
  return VOWEL;
}

/** The final sound of the text a particle follows, looking through quotes, closing marks and a pair. */
export function finalSound(before: string): Final | undefined {
  let t = before.replace(/["'“”‘’「」『』*`:\s]+$/u, '');
  // A pair: the particle agrees with the Korean before the parenthesis (추론(inference)으로).
  const pair = /^(.*?[^\s(])\s?\([^()]*\)$/su.exec(t);
  // The Korean may be quoted itself ("추론"(inference)으로): the quote is not the word.
  const head = pair?.[1].replace(/["'“”‘’「」『』*`]+$/u, '');
  if (head && /[\p{L}\p{N}]$/u.test(head)) t = head;
  else if (t.endsWith(')')) t = t.replace(/^.*\(([^()]*)\)$/su, '$1');
  t = t.replace(/["'“”‘’「」『』*`:\s]+$/u, '');
  const last = t.slice(-1);
  if (!last) return undefined;
  if (/[\uAC00-\uD7A3]/.test(last)) {
    const jong = getJongseong(last);
    return { batchim: jong !== '', rieul: jong === 'ㄹ' };
  }
  if (/[0-9]/.test(last)) return DIGIT[Number(last)];
  const token = /[A-Za-z]+$/.exec(t)?.[0];
  if (!token) return undefined;
  // An abbreviation (all capitals, or capitals with digits around: GPT-4 ends in 4 above) is read letter by letter.
  if (/^[A-Z]+s?$/.test(token) && token.length <= 6) return LETTER[token.replace(/s$/, '').slice(-1)] ?? VOWEL;
  return englishFinal(token);
}

/** The written fallback notations and the es-hangul rule each stands for. */
const NOTATIONS: Record<string, JosaRule> = {
  '을(를)': '을/를', '를(을)': '을/를', '이(가)': '이/가', '가(이)': '이/가', '은(는)': '은/는', '는(은)': '은/는',
  '(으)로': '으로/로', '와(과)': '와/과', '과(와)': '와/과', '(이)나': '이나/나', '(이)라': '이라/라', '(이)랑': '이랑/랑',
};
const NOTATION = /을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|\(으\)로|와\(과\)|과\(와\)|\(이\)나|\(이\)라|\(이\)랑/g;

/** A syllable that ends as `f` does, so es-hangul chooses the form for Latin words and digits too. */
const standIn = (f: Final) => (f.rieul ? '갈' : f.batchim ? '각' : '가');

/** Replaces every fallback notation in a finished Korean message with the form for the word before it. */
export function resolveParticles(text: string): string {
  return text.replace(NOTATION, (notation, offset: number) => {
    const f = finalSound(text.slice(Math.max(0, offset - 200), offset));
    // Nothing readable before it (a symbol, an empty value): the form after a vowel reads least oddly.
    return particleFor(standIn(f ?? VOWEL), NOTATIONS[notation])!;
  });
}
