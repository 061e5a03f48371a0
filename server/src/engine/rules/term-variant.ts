/**
 * term-variant — a Korean spelling the glossary lists under `avoid` (디퓨전 트랜스포머, 파인튜닝,
 * 미세조정). The match follows Korean boundaries: start of text, whitespace or punctuation
 * before, anything (a particle) after, so `파인튜닝을` is found and `디파인튜닝` is not.
 *
 * Why: one digest, one spelling; avoided spellings are the team's recorded decisions.
 *
 * ok:      미세 조정을 거친 모델
 * not ok:  파인튜닝을 거친 모델   ← "파인튜닝" is a form to avoid; write "미세 조정"
 *
 * Fix: replace with the preferred term (the particle stays).
 */
import type { Rule } from './rule';
import { plainSpan, ruleEnv } from './glossary-env';

export const termVariant: Rule = {
  id: 'term-variant',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'A Korean spelling the glossary marks to avoid.', ko: '용어집이 피하도록 정한 표기입니다.' },
  check(ctx) {
    const { a, span } = ruleEnv(ctx);
    for (const h of a.ko) {
      if (h.value.kind !== 'avoid') continue;
      const run = a.runs[h.run];
      const entry = h.value.entry;
      const found = run.text.slice(h.start, h.end);
      const plain = plainSpan(ctx, run, h.start, h.end);
      ctx.report({
        span: span(h.run, h.start, h.end),
        messageId: 'avoid',
        data: { found, expected: entry.ko, en: entry.en },
        fixes: plain ? [{ messageId: 'fix', data: { expected: entry.ko }, edits: [{ ...plain, text: entry.ko }] }] : [],
        extra: { en: entry.en },
      });
    }
  },
};
