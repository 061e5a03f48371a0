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
import { verdict } from '../glossary/verdict';
import { plainSpan, ruleEnv } from './glossary-env';
import { glossesRatherThanRenders } from '../glossary/rendering';
import { bareNoun } from '../glossary/gloss';

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
      // The Korean explains, qualifies or pictures the English rather than rendering it (glossary/rendering.ts).
      if (glossesRatherThanRenders(a, pair, v)) continue;
      // A heading glosses loosely: "# 위치 정보(Positional Embeddings)는 버려라". (A label such as
      // "검색 정확도(Recall): 0.84" still teaches a term, so labels are checked.)
      if (v.kind === 'mismatch-ko' && a.runs[pair.run].kind === 'heading') continue;
      const run = a.runs[pair.run];
      const expected = v.kind === 'mismatch-ko' ? v.entry.ko : v.entry.en;
      const plain = plainSpan(ctx, run, v.piece.start, v.piece.end);
      ctx.report({
        span: span(pair.run, v.piece.start, v.piece.end),
        messageId: v.kind === 'mismatch-ko' ? 'ko' : 'en',
        data: { found: v.piece.text, expected, en: v.entry.en, ko: v.entry.ko },
        fixes: plain && !modifiedBefore(run.text, v.piece.start) ? [{ messageId: 'fix', data: { expected }, edits: [{ ...plain, text: expected }], safe: false }] : [],
        extra: { en: v.entry.en },
      });
    }
  },
};

/**
 * A bare noun right before the Korean starts the compound the span ends (잘못된 정보 생성, 처리
 * 속도): replacing only the span would write "잘못된 정보 환각", which says something else, so no
 * fix is offered. After a particle or an adjective (모델은 환영, 잘못된 환영) the span is the word.
 */
function modifiedBefore(text: string, start: number): boolean {
  const prev = /(\S+)\s+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  if (!prev || !/\p{Script=Hangul}$/u.test(prev)) return false;
  return bareNoun(prev);
}
