import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root, Nodes } from 'mdast';
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { simplifyForParsing, rememberGuard, type Simplification } from './simplify';

declare module 'mdast' {
  interface RootData {
    /** Set when the parser saw a simplified copy of the text (see simplify.ts). */
    simplified?: Omit<Simplification, 'text'>;
  }
}

/**
 * One parser for checks, preview, symbols and completion: CommonMark + GFM + YAML front
 * matter + CJK-friendly emphasis, so `**용어(term)**을` is strong as the author meant
 * (the cjk-emphasis rule separately warns that plain CommonMark will not render it).
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkCjkFriendly);

/** GFM without bare-URL autolinks: the same tree otherwise, for documents with huge paragraphs (see simplify.ts). */
function remarkGfmNoAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}
const plainProcessor = unified().use(remarkParse).use(remarkGfmNoAutolinks).use(remarkFrontmatter, ['yaml']).use(remarkCjkFriendly);

/** `guard`: the scan of this very text, when the caller already made it (the incremental parser). */
export function parseMarkdown(text: string, guard?: Simplification): Root {
  // Pathological nesting is neutralised in a same-length copy, so offsets still index `text`.
  const s = guard ?? simplifyForParsing(text);
  const p = s.noAutolinks ? plainProcessor : processor;
  let root: Root;
  if (s.text.charCodeAt(0) === 0xfeff) {
    // micromark drops a BOM; shift positions so offsets index the original text.
    root = p.parse(s.text.slice(1)) as Root;
    shiftPositions(root, 1);
  } else root = p.parse(s.text) as Root;
  if (s.lines.length) root.data = { ...root.data, simplified: { lines: s.lines, kinds: s.kinds, first: s.first, noAutolinks: s.noAutolinks } };
  rememberGuard(root, s);
  return root;
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
