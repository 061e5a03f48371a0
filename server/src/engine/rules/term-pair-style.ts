/**
 * term-pair-style — a pair's spacing before "(" or its order differs from the configured style.
 * Spacing (config `glossary.pairSpacing` or option `spacing`): `consistent` (default: the
 * majority of the body's pairs, headings and labels such as `요약 (Summary):` not voting; ties
 * count as no space), `none` (`잠재 공간(latent space)`, 86% of the real corpus), `space`, `any`. Order (`glossary.pairOrder` or option `order`): `ko-first`
 * (default: `Diffusion Transformers(확산 트랜스포머)` is flagged) or `any`.
 *
 * Why: one style per document (and team); the National Institute of Korean Language writes 커피(coffee).
 *
 * ok:      Mixture-of-Experts(MoE)
 * not ok:  Mixture-of-Experts (MoE)   ← a space before "(" in a term pair
 *
 * Fix: remove or insert the space (safe); swap to Korean first, safe only when both sides are
 * the same glossary entry (otherwise the Korean may be an explanation, not a rendering, and moving it
 * changes what the sentence says). The particle after the pair follows the new Korean.
 */
import type { Rule } from './rule';
import { labelPair, verdict } from '../glossary/verdict';
import { openOffset, plainSpan, ruleEnv } from './glossary-env';
import { glossesRatherThanRenders } from '../glossary/rendering';
import { srcEnd } from '../text-runs';
import type { Pair } from '../glossary/pairs';

/** Both sides of the pair are the same glossary entry: the Korean renders the English, not explains it. */
const sameEntry = (pair: Pair) => !!pair.enEntry && pair.koHit?.value.entry === pair.enEntry;

export const termPairStyle: Rule = {
  id: 'term-pair-style',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Spacing or order of a term pair differs from the style.', ko: '용어 쌍의 띄어쓰기나 순서가 정한 방식과 다릅니다.' },
  check(ctx) {
    const { a, g, settings, span } = ruleEnv(ctx);
    const isLabel = (p: Pair) => labelPair(a, p);
    // Not a translation, so not a pair to style (issue 13): a heading or label that names a method
    // by its abbreviation with the English expansion after it ("### S-RAG (Structured RAG)": English
    // typography; the pair form "Mixture-of-Experts (MoE)" is still styled), a
    // Korean that explains or specifies rather than renders ("중요 레이어 (Attention)"), or a Korean
    // other than the glossary's after its English ("KV Cache(메모리)": a gloss).
    const notATranslation = (p: Pair) => {
      if (p.form === 'abbr-en' && isLabel(p) && !/\p{Script=Hangul}/u.test(a.runs[p.run].text.slice(p.head.start, p.close))) return true;
      // A numbered step with its name: "2단계 (Sparse Training)", "첫 번째 최적화 (SFT)".
      if (p.ko && /^(\d+\s*(단계|차|부|장|절|번째|번|위)|(첫|두|세|네|다섯|여섯|마지막)\s*(번째|단계))(\s|$)/.test(p.ko.text)) return true;
      const v = verdict(g, p);
      if (glossesRatherThanRenders(a, p, v)) return true;
      if (p.form !== 'en-ko') return false;
      // After an English the glossary knows, a Korean that is not its rendering explains it; so does
      // a list or a phrase much longer than the English ("Drafts(초안 및 요약 리스트)").
      if (p.enEntry && v.kind !== 'ok') return true;
      if (v.kind === 'ok') return false; // LLM (대규모 언어 모델): the glossary's own rendering is a pair
      const ko = p.ko?.text ?? '', en = p.en?.text ?? p.head.text;
      return /(^|\s)(및|또는|혹은|등)(\s|$)/.test(ko) || ko.split(/\s+/).length >= en.split(/\s+/).length + 2;
    };
    const pairs = a.pairs.filter(p => !notATranslation(p));
    // The body sets the document's style: headings and labels ("첫 번째 최적화 (SFT): …") are
    // checked against it but do not vote, or a few spaced labels would flag every body pair.
    let want: 'none' | 'space' | 'any' = settings.pairSpacing === 'consistent' ? 'none' : settings.pairSpacing;
    if (settings.pairSpacing === 'consistent') {
      const body = pairs.filter(p => !isLabel(p));
      const voters = body.length ? body : pairs;
      want = voters.filter(p => p.space).length * 2 > voters.length ? 'space' : 'none';
    }
    for (const pair of pairs) {
      const run = a.runs[pair.run];
      const open = openOffset(ctx, run, pair);
      if (want === 'none' && pair.space) {
        // Only the space itself goes: with markup before "(" (강화 학습 [(RL)](url), 강화 학습 **(RL)**) no fix is offered.
        const plainSpace = /^[ \t]$/.test(ctx.text[open - 1] ?? '');
        ctx.report({ span: { start: open - 1, end: open + 1 }, messageId: 'space', fixes: plainSpace ? [{ messageId: 'fix-remove', edits: [{ start: open - 1, end: open, text: '' }] }] : [] });
      } else if (want === 'space' && !pair.space) {
        ctx.report({ span: { start: open, end: open + 1 }, messageId: 'no-space', fixes: [{ messageId: 'fix-insert', edits: [{ start: open, end: open, text: ' ' }] }] });
      }
      if (settings.pairOrder === 'ko-first' && pair.form === 'en-ko' && pair.en) {
        const head = plainSpan(ctx, run, pair.head.start, pair.head.end);
        const inner = plainSpan(ctx, run, pair.ko!.start, pair.ko!.end);
        const whole = { start: span(pair.run, pair.head.start, pair.head.end).start, end: srcEnd(run, pair.close + 1) };
        const swapped = `${pair.ko!.text}${pair.space ? ' ' : ''}(${run.text.slice(pair.head.start, pair.head.end)}${run.text.slice(pair.ko!.end, pair.close)})`;
        ctx.report({
          span: whole,
          messageId: 'order',
          data: { pair: run.text.slice(pair.head.start, pair.close + 1) },
          fixes: head && inner && ctx.text.slice(whole.start, whole.end) === run.text.slice(pair.head.start, pair.close + 1) ? [{ messageId: 'fix-order', data: { swapped }, edits: [{ ...whole, text: swapped }], safe: sameEntry(pair) }] : [],
        });
      }
    }
  },
};
