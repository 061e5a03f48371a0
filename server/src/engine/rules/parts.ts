import type { RootContent } from 'mdast';
import { endOf, startOf } from '../parse';
import type { Span } from '../types';

/** A run of top-level nodes, `from` up to `to` (exclusive), and its span as a part. */
export interface NodeGroup { from: number; to: number; span: Span }

/**
 * The top-level nodes grouped from one heading to the next, as parts (see RuleContext.part) for
 * rules that check block by block: few parts, each small. A group's span takes in the gaps before
 * and after it, up to its neighbours, so a check may look at the characters around its nodes.
 */
export function headingGroups(root: RootContent[], textLength: number): NodeGroup[] {
  const groups: NodeGroup[] = [];
  let from = 0;
  for (let i = 1; i <= root.length; i++) {
    if (i < root.length && root[i].type !== 'heading') continue;
    groups.push({ from, to: i, span: { start: from > 0 ? endOf(root[from - 1]) : 0, end: i < root.length ? startOf(root[i]) : textLength } });
    from = i;
  }
  return groups;
}
