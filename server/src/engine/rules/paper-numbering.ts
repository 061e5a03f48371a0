/**
 * paper-numbering — paper entries are numbered "N.M." where N is their section's number and
 * M runs 1..m within the section.
 *
 * Why: "2.3." tells the reader where a paper sits; after papers move between sections the
 * first part is often left stale. As with sections, a number is accepted when it follows the
 * previous paper's or matches its position, so one gap is one finding.
 *
 * ok:
 *   ### 2. 멀티모달
 *   #### 2.1. 언어 중심 옴니모달 표현 학습
 *   #### 2.2. 멀티모달 추론
 * not ok:
 *   ### 2. 멀티모달
 *   #### 1.1. 언어 중심 …   ← paper 1.1 is numbered for section 1 but sits in section 2
 *   #### 2.3. 멀티모달 추론  ← paper number 2.3 is out of sequence; use 2.2
 *
 * Fix: renumber all sections and papers in document order.
 */
import type { Rule } from './rule';
import { expectedInSequence, renumberEdits } from '../renumber';

export const paperNumbering: Rule = {
  id: 'paper-numbering',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Papers are numbered "N.M." with N their section and M = 1..m in order.', ko: '논문은 "N.M." 형식으로, N은 속한 섹션 번호, M은 1부터 차례로 매깁니다.' },
  check(ctx) {
    if (!ctx.profile.papers?.numbered) return;
    const fix = () => [{ messageId: 'fix', edits: renumberEdits(ctx.digest) }];
    ctx.digest.sections.forEach((s, si) => {
      const sectionNo = s.heading.number?.length === 1 ? s.heading.number[0] : si + 1;
      let previous: number | null = null;
      s.papers.forEach((p, i) => {
        const h = p.heading!;
        if (!h.number) {
          const expected = `${sectionNo}.${(previous ?? 0) + 1}.`;
          ctx.report({ span: h.contentSpan, messageId: 'unnumbered', data: { expected, title: h.title }, fixes: fix() });
          previous = (previous ?? 0) + 1;
          return;
        }
        if (h.number.length !== 2 || !h.trailingDot) {
          const parts = h.number.length >= 2 ? h.number.slice(0, 2) : [sectionNo, h.number[0]];
          ctx.report({ span: h.numberSpan, messageId: 'format', data: { found: h.numberText + (h.trailingDot ? '.' : ''), expected: `${parts.join('.')}.` }, fixes: fix() });
          previous = parts[1];
          return;
        }
        const [n, m] = h.number;
        if (n !== sectionNo) {
          ctx.report({ span: h.numberSpan, messageId: 'section', data: { found: n, number: `${n}.${m}`, expected: sectionNo }, fixes: fix() });
        } else {
          const { ok, expected } = expectedInSequence(m, previous, i);
          if (!ok) ctx.report({ span: h.numberSpan, messageId: 'unexpected', data: { found: `${n}.${m}`, expected: `${sectionNo}.${expected}` }, fixes: fix() });
        }
        previous = m;
      });
    });
  },
};
