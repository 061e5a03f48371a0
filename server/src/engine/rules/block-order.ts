/**
 * block-order — the blocks of a paper entry come in the profile's order, each once
 * (weekly-digest-ko: 핵심 아이디어 → 주요 방법론 → 가장 중요한 발견 → 중요 자료).
 *
 * Why: readers jump to "가장 중요한 발견" or the links by position; a digest reads as one
 * template only if every entry keeps it. Only the blocks outside the longest run already in
 * order are reported, so one moved block is one finding, not a cascade.
 *
 * ok:
 *   **핵심 아이디어** … **주요 방법론** … **가장 중요한 발견** … **중요 자료**: …
 * not ok:
 *   **핵심 아이디어** …
 *   **중요 자료**: …
 *   **주요 방법론** …     ← (with the resources moved up) the "중요 자료" block comes before "주요 방법론"
 *
 * No fix: moving blocks of prose is left to the author.
 */
import type { Rule } from './rule';
import { headingLabelText, normLabel, type Block } from '../digest';

/** Indexes (into `ranks`) of one longest strictly increasing subsequence. */
export function longestIncreasing(ranks: number[]): Set<number> {
  const tails: number[] = [], prev: number[] = new Array(ranks.length).fill(-1);
  for (let i = 0; i < ranks.length; i++) {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ranks[tails[mid]] < ranks[i]) lo = mid + 1; else hi = mid; }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/** Which of the block's names (label or alias) the author wrote. */
function labelUsed(b: Block): string {
  const written = normLabel(headingLabelText(b.labelText.replace(/\*/g, '')));
  const names = [b.spec.label, ...b.spec.aliases].map(normLabel).sort((x, y) => y.length - x.length);
  return names.find(n => written.startsWith(n)) ?? written;
}

export const blockOrder: Rule = {
  id: 'block-order',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'Blocks of a paper entry come in the profile order, each once.', ko: '논문 항목의 블록은 프로필 순서대로 한 번씩 나와야 합니다.' },
  check(ctx) {
    const order = ctx.profile.blocks.map(b => b.id);
    for (const paper of ctx.digest.papers) {
      const blocks = paper.blocks.filter(b => !b.loose);
      const seen = new Map<string, Block>();
      const unique: Block[] = [];
      for (const b of blocks) {
        const first = seen.get(b.spec.id);
        // Two different names of one block ("요약" and "Abstract" in a review) are two sections the author meant.
        if (first && labelUsed(first) === labelUsed(b)) {
          ctx.report({ span: b.labelSpan, messageId: 'duplicate', data: { block: b.spec.label }, related: [{ span: first.labelSpan, messageId: 'related-first' }] });
          continue;
        }
        if (first) continue;
        seen.set(b.spec.id, b);
        unique.push(b);
      }
      const ranks = unique.map(b => order.indexOf(b.spec.id));
      const keep = longestIncreasing(ranks);
      unique.forEach((b, i) => {
        if (keep.has(i)) return;
        // Name the in-order block it should precede: the first kept block with a higher rank.
        const next = unique.find((x, j) => keep.has(j) && ranks[j] > ranks[i]);
        const prev = [...unique].reverse().find((x) => keep.has(unique.indexOf(x)) && order.indexOf(x.spec.id) < ranks[i]);
        if (next && unique.indexOf(next) < i) {
          ctx.report({ span: b.labelSpan, messageId: 'before', data: { block: b.spec.label, other: next.spec.label }, related: [{ span: next.labelSpan, messageId: 'related-other', data: { block: next.spec.label } }] });
        } else if (prev) {
          ctx.report({ span: b.labelSpan, messageId: 'after', data: { block: b.spec.label, other: prev.spec.label }, related: [{ span: prev.labelSpan, messageId: 'related-other', data: { block: prev.spec.label } }] });
        } else {
          ctx.report({ span: b.labelSpan, messageId: 'before', data: { block: b.spec.label, other: next?.spec.label ?? '' } });
        }
      });
    }
  },
};
