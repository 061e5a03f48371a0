/**
 * term-mismatch — a pair whose English is in the glossary but whose Korean is not the
 * glossary's (`후속 학습(fine-tuning)` when fine-tuning is 미세 조정), or whose Korean is a
 * glossary term paired with an English the glossary does not give for it (`정렬(sorting)`).
 * A longer English compound around the term (`확산 모델` in `잠재 확산 모델(latent diffusion
 * models)`) is not a mismatch. An avoided spelling is term-variant's, not this rule's.
 *
 * Why: a pair is where a reader learns what the Korean means; a wrong pair teaches the wrong term.
 *
 * ok:      미세 조정(fine-tuning)
 * not ok:  후속 학습(fine-tuning)   ← the glossary renders "fine-tuning" as "미세 조정"
 *
 * Fix (by hand only): replace the Korean (or the English) with the glossary's form. Never
 * applied by `--fix`: the words before a parenthesis are often a verb or an explanation
 * (`줄입니다 (Routing)`, `키우거나(Dense)`), and replacing them would change the sentence.
 */
import type { Rule } from './rule';
import type { GlossaryEntry } from '../glossary/types';
import { plainSpan, ruleEnv, verdict } from '../glossary/verdict';
import { adjectiveForm } from '../glossary/gloss';

export const termMismatch: Rule = {
  id: 'term-mismatch',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'A term pair that differs from the glossary.', ko: '용어 쌍이 용어집과 다릅니다.' },
  check(ctx) {
    const { a, g, span } = ruleEnv(ctx);
    for (const pair of a.pairs) {
      const v = verdict(g, pair);
      if (v.kind !== 'mismatch-ko' && v.kind !== 'mismatch-en') continue;
      // A guessed span cut short ("KL 발산" of 역 KL 발산(Reverse KL)) is not what the author wrote.
      if (pair.cut) continue;
      // An abbreviation alone after another glossary term names a related thing, not a translation:
      // 사후 학습(RL) is post-training done with RL, 벡터 DB(RAG) the store RAG reads.
      if (pair.form === 'ko-abbr') continue;
      // The Korean found renders the term loosely or is not a rendering at all (see looseKorean).
      if (v.kind === 'mismatch-ko' && looseKorean(v.piece.text, v.entry)) continue;
      // Where the glossary's Korean is a loanword (라우터, 어텐션: "original": "never"), a native word
      // beside the English explains it rather than renders it: 안내원(Router), 주의력(Attention). Another
      // glossary term there is still a swap: 인코더(decoder).
      if (v.kind === 'mismatch-ko' && v.entry.original === 'never' && !pair.koHit) continue;
      // A heading glosses loosely: "# 위치 정보(Positional Embeddings)는 버려라". (A label such as
      // "검색 정확도(Recall): 0.84" still teaches a term, so labels are checked.)
      if (v.kind === 'mismatch-ko' && a.runs[pair.run].kind === 'heading') continue;
      // One adjective after a Korean noun qualifies it: 최소화(monocular), 최적화(personalized).
      if (v.kind === 'mismatch-ko' && pair.en && adjectiveForm(pair.en.text.toLowerCase())) continue;
      const run = a.runs[pair.run];
      const expected = v.kind === 'mismatch-ko' ? v.entry.ko : v.entry.en;
      const plain = plainSpan(ctx, run, v.piece.start, v.piece.end);
      ctx.report({
        span: span(pair.run, v.piece.start, v.piece.end),
        messageId: v.kind === 'mismatch-ko' ? 'ko' : 'en',
        data: { found: v.piece.text, expected, en: v.entry.en, ko: v.entry.ko },
        fixes: plain ? [{ messageId: 'fix', data: { expected }, edits: [{ ...plain, text: expected }], safe: false }] : [],
        extra: { en: v.entry.en },
      });
    }
  },
};

/** Category nouns that a parenthesis specifies rather than translates: 연산(Softmax), 아키텍처(Dense). */
const CATEGORY = new Set([
  '연산', '구조', '아키텍처', '방식', '기법', '방법', '방법론', '모델', '함수', '엔진', '알고리즘', '기술', '과정', '단계',
  '모듈', '계층', '장치', '도구', '기능', '전략', '패러다임', '현상', '개념', '원리', '요소', '부분', '유형', '형태', '종류',
]);

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
  // The category alone or after an adjective (무거운 연산); 정방향 연산 for forward pass is a compound that renders.
  const last = words[words.length - 1];
  const modifier = words.length === 1 || /(은|는|운|한|된|인|던|의|큰|긴|작은|새)$/.test(words[words.length - 2]);
  if (CATEGORY.has(last) && modifier && !forms.some(f => f.endsWith(last))) return true;
  return /형$/.test(last) && !forms.some(f => f.endsWith('형'));
}
