import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Paper } from './digest';

/**
 * What a numbered entry is: a review of one paper, or an overview of a topic (the seed's
 * "3.1. 복합 추론 전략: CoT에서 ToT까지" discusses a field and cites no paper). Counts and the
 * outline name them as they are; the rules still check both as entries of the profile.
 *
 * An entry is a paper when it shows one: a link (papers link their arXiv page, PDF or code),
 * words that point at one (이 논문, 본 연구, this paper), two or more of the profile's
 * required blocks, or nothing written yet (an entry being started). Otherwise it is an overview.
 */
export type EntryKind = 'paper' | 'overview';

const POINTS_AT_A_PAPER = /(?:이|본|해당|이번|위)\s*(?:논문|연구|리포트|보고서|기술\s*보고서)|논문(?:은|에서|의|이)\s|저자(?:들)?(?:은|는|이|가)\s|\b(?:this|the|our)\s+(?:paper|work|report|study)\b|\bthe\s+authors\b|\bwe\s+(?:propose|present|introduce)\b/i;

export function entryKind(paper: Paper, requiredBlocks: number): EntryKind {
  if (!paper.heading) return 'paper';
  if (requiredBlocks > 1 && paper.blocks.filter(b => b.spec.required).length >= 2) return 'paper';
  let text = '';
  const stack: Nodes[] = [...paper.nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'link' || n.type === 'definition' || n.type === 'linkReference') return 'paper';
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value + ' ';
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return 'paper';
  return POINTS_AT_A_PAPER.test(text) || POINTS_AT_A_PAPER.test(toString(paper.heading.node)) ? 'paper' : 'overview';
}

/** How many numbered entries of each kind the digest has (a heading-less single review is not counted, as the status bar never did). */
export function entryCounts(papers: readonly Paper[], requiredBlocks: number): { papers: number; overviews: number } {
  let overviews = 0;
  let count = 0;
  for (const p of papers) {
    if (!p.heading) continue;
    if (entryKind(p, requiredBlocks) === 'overview') overviews++;
    else count++;
  }
  return { papers: count, overviews };
}
