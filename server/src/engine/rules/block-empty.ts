/**
 * block-empty — a block label has content before the next block or entry.
 *
 * Why: a label with nothing under it is usually a skeleton inserted and never filled in, or
 * content pasted under the wrong label; published, it looks like a broken page.
 *
 * ok:
 *   **핵심 아이디어: 압축된 VAE에서 의미론적 RAE로**
 *   핵심 주장은 …
 * not ok:
 *   **핵심 아이디어**      ← Unexpected empty "핵심 아이디어" block, expected content before the next block
 *   **주요 방법론**
 *
 * No fix: only the author can write the content.
 */
import type { Rule } from './rule';

export const blockEmpty: Rule = {
  id: 'block-empty',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'A block label has content before the next block or entry.', ko: '블록 레이블 뒤에 다음 블록이나 항목 전에 내용이 있어야 합니다.' },
  check(ctx) {
    for (const paper of ctx.digest.papers) {
      for (const b of paper.blocks) {
        if (b.hasContent) continue;
        ctx.report({ span: b.labelSpan, messageId: 'empty', data: { block: b.spec.label } });
      }
    }
  },
};
