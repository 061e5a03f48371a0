import type { RootContent } from 'mdast';
import { endOf, startOf } from '../parse';
import type { Span } from '../types';

/**
 * The part (see RuleContext.part) of the top-level node at `i`: the node with the gaps before and
 * after it, up to its neighbours, so a check may look at the characters around the node.
 */
export function topLevelPart(root: RootContent[], i: number, textLength: number): Span {
  return { start: i > 0 ? endOf(root[i - 1]) : 0, end: i + 1 < root.length ? startOf(root[i + 1]) : textLength };
}
