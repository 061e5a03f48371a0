/**
 * duplicate-paper — no two paper entries describe the same paper: same arXiv id (in their
 * links, versions aside) or the same title (ignoring case, spaces and punctuation).
 *
 * Why: digests are assembled from several newsletters; the same paper turns up twice under
 * different sections. The second entry is reported, pointing at the first.
 *
 * ok:
 *   #### 1.1. 표현 오토인코더 …   [arXiv](https://arxiv.org/abs/2510.11690)
 *   #### 2.1. 언어 중심 …         [arXiv](https://arxiv.org/abs/2510.11691)
 * not ok:
 *   #### 3.2. 표현 오토인코더 …   ← paper 3.2 is paper 1.1 again (same arXiv id 2510.11690)
 *
 * No fix: which entry to keep (and what to merge) is the author's call.
 */
import type { Nodes } from 'mdast';
import type { Rule } from './rule';
import type { Paper } from '../digest';
import { arxivRef, stripVersion } from './resources-links';

/** arXiv ids linked anywhere in the entry, without versions. */
export function paperArxivIds(paper: Paper): Set<string> {
  const ids = new Set<string>();
  const stack: Nodes[] = [...paper.nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'link' || n.type === 'definition') {
      const r = arxivRef(n.url);
      if (r && r.kind !== 'other' && r.valid) ids.add(stripVersion(r.id));
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return ids;
}

const titleKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export const duplicatePaper: Rule = {
  id: 'duplicate-paper',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'No two paper entries have the same arXiv id or title.', ko: '같은 arXiv id나 같은 제목의 논문 항목이 두 번 나오지 않아야 합니다.' },
  check(ctx) {
    const byId = new Map<string, Paper>(), byTitle = new Map<string, Paper>();
    for (const p of ctx.digest.papers) {
      const h = p.heading;
      if (!h) continue;
      const label = h.number ? h.number.join('.') : h.title;
      const key = titleKey(h.title);
      const sameTitle = key.length >= 4 ? byTitle.get(key) : undefined;
      let first: Paper | undefined, how = '', value = '';
      for (const id of paperArxivIds(p)) {
        const other = byId.get(id);
        if (other && !first) { first = other; how = 'id'; value = id; }
        if (!other) byId.set(id, p);
      }
      if (!first && sameTitle) { first = sameTitle; how = 'title'; value = h.title; }
      if (key.length >= 4 && !byTitle.has(key)) byTitle.set(key, p);
      if (!first?.heading) continue;
      const firstLabel = first.heading.number ? first.heading.number.join('.') : first.heading.title;
      ctx.report({
        span: h.span,
        messageId: how === 'id' ? 'same-id' : 'same-title',
        data: { paper: label, first: firstLabel, id: value, title: value },
        related: [{ span: first.heading.span, messageId: 'related', data: { paper: firstLabel } }],
      });
    }
  },
};
