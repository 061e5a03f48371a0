/**
 * section-numbering — sections are numbered 1..n in order and written "N. title".
 *
 * Why: readers navigate a weekly digest by its section numbers and the table of contents
 * refers to them; a gap or duplicate after reordering is the commonest structural slip.
 * Each wrong number is reported once: a number is accepted when it follows the previous
 * section's number or matches its position, so one missing section is one finding.
 *
 * ok:
 *   ### 1. LLM 발전
 *   ### 2. 멀티모달
 * not ok:
 *   ### 1. LLM 발전
 *   ### 3. 멀티모달     ← section number 3 is out of sequence; use 2
 *   ### 추론            ← this section heading has no number
 *
 * Fix: renumber all sections (and their papers) in document order.
 */
import type { Rule } from './rule';
import { expectedInSequence, renumberEdits } from '../renumber';

export const sectionNumbering: Rule = {
  id: 'section-numbering',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Sections are numbered 1..n in order, as "N. title".', ko: '섹션은 "N. 제목" 형식으로 1부터 차례로 번호를 매깁니다.' },
  check(ctx) {
    if (!ctx.profile.sections?.numbered) return;
    const fix = () => [{ messageId: 'fix', edits: renumberEdits(ctx.digest) }];
    let previous: number | null = null;
    ctx.digest.sections.forEach((s, i) => {
      const h = s.heading;
      if (!h.number) {
        ctx.report({ span: h.contentSpan, messageId: 'unnumbered', data: { expected: (previous ?? 0) + 1, title: h.title }, fixes: fix() });
        previous = (previous ?? 0) + 1;
        return;
      }
      if (h.number.length !== 1 || !h.trailingDot) {
        const n = h.number[0];
        ctx.report({ span: h.numberSpan, messageId: 'format', data: { found: h.numberText + (h.trailingDot ? '.' : ''), expected: `${n}.` }, fixes: fix() });
        previous = n;
        return;
      }
      const { ok, expected } = expectedInSequence(h.number[0], previous, i);
      if (!ok) ctx.report({ span: h.numberSpan, messageId: 'unexpected', data: { found: h.number[0], expected }, fixes: fix() });
      previous = h.number[0];
    });
  },
};
