import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root, Nodes } from 'mdast';

/**
 * One parser for checks, preview, symbols and completion: CommonMark + GFM + YAML front
 * matter + CJK-friendly emphasis, so `**용어(term)**을` is strong as the author meant
 * (the cjk-emphasis rule separately warns that plain CommonMark will not render it).
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkCjkFriendly);

export function parseMarkdown(text: string): Root {
  if (text.charCodeAt(0) === 0xfeff) {
    // micromark drops a BOM; shift positions so offsets index the original text.
    const root = processor.parse(text.slice(1)) as Root;
    shiftPositions(root, 1);
    return root;
  }
  return processor.parse(text) as Root;
}

/** Moves every node's positions `by` UTF-16 units along the first line (used for a BOM and for chunks). */
export function shiftPositions(node: Nodes, by: number, lineBy = 0): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += by;
      if (p.end.offset !== undefined) p.end.offset += by;
      p.start.line += lineBy;
      p.end.line += lineBy;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}
export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}
