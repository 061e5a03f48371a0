/**
 * block-missing — each paper entry has every required block of the profile
 * (weekly-digest-ko: 핵심 아이디어, 주요 방법론, 가장 중요한 발견, 중요 자료).
 *
 * Why: a digest promises the same shape for every paper; an entry without its findings or
 * links is the most frequent defect in real digests. The finding sits on the paper heading.
 *
 * ok:
 *   #### 1.1. 논문 제목
 *   **핵심 아이디어: …**  …  **주요 방법론**  …  **가장 중요한 발견**  …  **중요 자료**: …
 * not ok:
 *   #### 1.2. 논문 제목     ← Unexpected paper 1.2 without a "주요 방법론" block
 *   **핵심 아이디어**
 *   …
 *
 * Fix: insert the block's skeleton where the profile order puts it (before the next block
 * present, else after the previous one, else at the end of the entry before a `---`).
 */
import type { Rule, RuleContext } from './rule';
import type { Paper } from '../digest';
import type { BlockSpec } from '../profiles';
import { endOf, startOf } from '../parse';
import { message } from '../messages';

export function blockSkeleton(spec: BlockSpec, eol: string): string {
  return (spec.skeleton ?? `**${spec.label}**`).replace(/\r?\n/g, eol);
}

/** Where a missing block goes and how the inserted text is padded. */
export function blockInsertion(ctx: RuleContext, paper: Paper, spec: BlockSpec): { offset: number; text: string; where: string; other?: string } {
  const order = ctx.profile.blocks.map(b => b.id);
  const rank = order.indexOf(spec.id);
  const skeleton = blockSkeleton(spec, ctx.eol);
  const next = paper.blocks.find(b => order.indexOf(b.spec.id) > rank);
  if (next) return { offset: next.span.start, text: skeleton + ctx.eol + ctx.eol, where: 'where-before', other: next.spec.label };
  const prev = [...paper.blocks].reverse().find(b => order.indexOf(b.spec.id) < rank);
  const content = paper.nodes.filter(n => n.type !== 'thematicBreak' && n.type !== 'definition');
  const lastContent = content[content.length - 1];
  const anchor = prev ? Math.max(prev.span.end, lastContent && startOf(lastContent) >= prev.span.start ? endOf(lastContent) : prev.span.end) : lastContent ? endOf(lastContent) : paper.heading ? paper.heading.span.end : paper.span.end;
  return { offset: anchor, text: ctx.eol + ctx.eol + skeleton, where: prev ? 'where-after' : 'where-end', other: prev?.spec.label };
}

export const blockMissing: Rule = {
  id: 'block-missing',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Each paper entry has every required block of the profile.', ko: '각 논문 항목에 프로필의 필수 블록이 모두 있어야 합니다.' },
  check(ctx) {
    for (const paper of ctx.digest.papers) {
      if (!paper.heading && ctx.profile.papers) continue;
      const present = new Set(paper.blocks.map(b => b.spec.id));
      const missing = ctx.profile.blocks.filter(spec => spec.required && !present.has(spec.id));
      if (!missing.length) continue;
      const number = paper.heading?.number ? paper.heading.number.join('.') : (paper.heading?.title ?? '');
      const span = paper.heading ? paper.heading.span : { start: 0, end: 0 };
      const inserts = missing.map(spec => ({ spec, ins: blockInsertion(ctx, paper, spec) }));
      const edits = inserts.map(({ ins }) => ({ start: ins.offset, end: ins.offset, text: ins.text }));
      ctx.report({
        span,
        messageId: 'missing',
        data: { paper: number, blocks: missing.map(b => `"${b.label}"`).join(', ') },
        fixes: [
          // Fix-all inserts every missing block at once; the single-block fixes are for picking by hand.
          ...(missing.length > 1 ? [{ messageId: 'fix-all', data: { count: missing.length }, edits }] : []),
          ...inserts.map(({ spec, ins }) => ({
            messageId: 'fix', safe: missing.length === 1,
            data: { block: spec.label, where: message(ctx.locale, `block-missing/${ins.where}`, { other: ins.other }) },
            edits: [{ start: ins.offset, end: ins.offset, text: ins.text }],
          })),
        ],
        extra: { blocks: missing.map(b => b.id) },
      });
    }
  },
};
