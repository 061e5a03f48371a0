/**
 * toc-missing — a digest whose profile requires a table of contents has one ("목차:" and a
 * list) before its first section.
 *
 * Why: a weekly digest is long (20–70 KB); readers skim the TOC to pick sections, and the
 * publishing blogs do not generate one.
 *
 * ok:
 *   목차:
 *   1. LLM 발전
 *   ### 1. LLM 발전
 * not ok:
 *   ### 1. LLM 발전     ← no table of contents before the first section
 *
 * Fix (safe): insert "목차:" and one item per section before the first section (or paper).
 */
import type { Rule } from './rule';
import { tocLines } from '../toc';

export const tocMissing: Rule = {
  id: 'toc-missing',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'A table of contents comes before the first section.', ko: '첫 섹션 앞에 목차가 있어야 합니다.' },
  check(ctx) {
    const { digest, profile } = ctx;
    if (!profile.toc?.required || digest.toc || !digest.sections.length) return;
    const first = digest.sections[0].heading;
    // The TOC is recognised only before the first section and the first paper, so insert before both.
    const firstPaper = digest.papers.find(p => p.heading)?.heading;
    const at = Math.min(first.span.start, firstPaper?.span.start ?? Infinity);
    const eol = ctx.eol;
    // A fresh TOC is plain "N. title" items (no existing style to follow).
    const items = tocLines(digest, eol);
    const text = `${profile.toc.labels[0]}:${eol}${eol}${items}${eol}${eol}`;
    ctx.report({
      span: first.span,
      messageId: 'missing',
      data: { label: profile.toc.labels[0] },
      fixes: [{ messageId: 'fix', edits: [{ start: at, end: at, text }] }],
    });
  },
};
