/**
 * heading-level — numbered headings sit at the profile's depth ("N." sections at `###`,
 * "N.M." papers at `####` in weekly-digest-ko), and no heading skips a level below the one
 * before it (`#` then `###`).
 *
 * Why: the depth is what the outline, the TOC, anchors and the publishing theme use; `### 1.1.`
 * looks right in the editor but makes the paper a sibling of its section everywhere else.
 *
 * ok:
 *   ### 1. LLM 발전
 *   #### 1.1. 논문 제목
 * not ok:
 *   ### 1.1. 논문 제목    ← the heading of paper 1.1. is level 3; make it level 4 (####)
 *   # 제목
 *   ### 소제목            ← jumps from level 1 to level 3
 *
 * Fix: for a numbered heading written with `#` marks, set the marks to the expected depth
 * (safe: only the marks change). A skipped level has no automatic fix (children would move too).
 */
import type { Rule } from './rule';
import type { HeadingInfo } from '../digest';
import type { OffsetEdit } from '../types';

/** An edit that rewrites an ATX heading's opening `#` marks, or null for a setext heading. */
export function headingDepthEdit(text: string, h: HeadingInfo, depth: number): OffsetEdit | null {
  const m = /^#{1,6}(?=[ \t]|$)/.exec(text.slice(h.span.start, h.span.end));
  if (!m || m[0].length !== h.depth) return null;
  return { start: h.span.start, end: h.span.start + m[0].length, text: '#'.repeat(depth) };
}

export const headingLevel: Rule = {
  id: 'heading-level',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Numbered headings sit at the profile depth; no heading level is skipped.', ko: '번호 붙은 제목은 프로필의 제목 수준에 있어야 하고, 제목 수준을 건너뛰지 않아야 합니다.' },
  check(ctx) {
    const { sections, papers } = ctx.profile;
    const structural = new Set<HeadingInfo>([...ctx.digest.sections.map(s => s.heading), ...ctx.digest.papers.flatMap(p => (p.heading ? [p.heading] : []))]);
    // The depth each heading was meant at: a misplaced numbered heading counts at its profile depth (no cascade).
    let previous: number | null = null;
    for (const h of ctx.digest.headings) {
      const n = h.number?.length ?? 0;
      const want = n === 1 && sections?.numbered ? sections : n === 2 && papers?.numbered ? papers : null;
      const kind = want === sections ? 'section' : 'paper';
      if (want && structural.has(h) && h.depth !== want.depth) {
        const edit = headingDepthEdit(ctx.text, h, want.depth);
        ctx.report({
          span: h.span,
          messageId: 'depth',
          data: { found: h.depth, expected: want.depth, kind, kind_ko: kind === 'section' ? '섹션' : '논문', number: `${h.numberText}${h.trailingDot ? '.' : ''}`, marks: '#'.repeat(want.depth) },
          fixes: edit ? [{ messageId: 'fix', data: { marks: '#'.repeat(want.depth) }, edits: [edit] }] : [],
        });
        previous = want.depth;
        continue;
      }
      // Sections and papers at their profile depth are never a skip: the profile chose that depth.
      if (previous !== null && h.depth > previous + 1 && !structural.has(h)) {
        ctx.report({ span: h.span, messageId: 'skip', data: { found: h.depth, previous, expected: previous + 1 } });
      }
      previous = h.depth;
    }
  },
};
