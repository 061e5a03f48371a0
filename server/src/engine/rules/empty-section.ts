/**
 * empty-section — every section holds at least one paper entry.
 *
 * Why: a section heading left behind after its papers moved elsewhere (or a placeholder never
 * filled) shows up in the TOC and promises content that is not there.
 *
 * ok:
 *   ### 1. LLM 발전
 *   #### 1.1. 논문 제목
 * not ok:
 *   ### 2. 멀티모달      ← section 2 has no paper entries
 *   ### 3. 추론
 *
 * No fix: whether to delete the section or to write its papers is the author's call.
 */
import type { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'Every section holds at least one paper entry.', ko: '모든 섹션에 논문 항목이 하나 이상 있어야 합니다.' },
  check(ctx) {
    const papers = ctx.profile.papers;
    if (!papers || !ctx.profile.sections) return;
    ctx.digest.sections.forEach((s, i) => {
      if (s.papers.length) return;
      const n = s.heading.number?.length === 1 ? s.heading.number[0] : i + 1;
      ctx.report({
        span: s.heading.span,
        messageId: 'empty',
        data: { number: n, title: s.heading.title, marker: '#'.repeat(papers.depth), expected: `${n}.1.` },
      });
    });
  },
};
