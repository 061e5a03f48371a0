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
 *   **핵심 아이디어**      ← the "핵심 아이디어" block is empty
 *   **주요 방법론**
 *
 * A block whose only content is the placeholder `(작성 필요)` / `(to be written)` (what the
 * block-missing fix and the snippets insert) is empty too: it is reported until replaced.
 *
 * No fix: only the author can write the content.
 */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from './rule';
import type { Block } from '../digest';
import { placeholderOnly } from './block-missing';

function hasMedia(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'table' || n.type === 'code' || n.type === 'image' || n.type === 'imageReference') return true;
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return false;
}

/** The block's content as text (the lines after the label line, then its nodes), or null when it holds a table, image or code. */
function contentText(text: string, b: Block): string | null {
  const parts: string[] = [];
  if (b.tailSpan) parts.push(text.slice(b.tailSpan.start, b.tailSpan.end));
  for (const n of b.nodes as RootContent[]) {
    if (n.type === 'thematicBreak' || n.type === 'html' || n.type === 'definition') continue;
    if (hasMedia(n)) return null;
    parts.push(toString(n));
  }
  return parts.join('\n');
}

export const blockEmpty: Rule = {
  id: 'block-empty',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'A block label has content before the next block or entry.', ko: '블록 레이블 뒤에 다음 블록이나 항목 전에 내용이 있어야 합니다.' },
  check(ctx) {
    // Each paper entry is one part (see RuleContext.part).
    for (const paper of ctx.digest.papers) ctx.part(paper.span, () => {
      for (const b of paper.blocks) {
        if (!b.hasContent) {
          ctx.report({ span: b.labelSpan, messageId: 'empty', data: { block: b.spec.label } });
          continue;
        }
        const content = contentText(ctx.text, b);
        const placeholder = content === null ? null : placeholderOnly(content);
        if (placeholder) ctx.report({ span: b.labelSpan, messageId: 'placeholder', data: { block: b.spec.label, placeholder } });
      }
    });
  },
};
