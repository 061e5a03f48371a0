import type { Root, Html, Nodes } from 'mdast';
import type { LineIndex } from './text';
import type { Finding } from './types';
import { startOf, endOf } from './parse';

const DIRECTIVE = /<!--\s*digest-(disable-next-line|disable-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/g;

interface Region { from: number; to: number; rules: Set<string> | null }

/**
 * Suppression comments, markdownlint-style: `<!-- digest-disable-next-line RULE -->`,
 * `<!-- digest-disable RULE -->` … `<!-- digest-enable RULE -->`; no rule id means all rules.
 * Regions are in lines; a finding is dropped when its start line is inside a region for its rule.
 */
export function suppressionRegions(root: Root, index: LineIndex): Region[] {
  const regions: Region[] = [];
  const open = new Map<string, number>(); // rule ('*' for all) → start line
  const html: Html[] = [];
  // An explicit stack, not recursion: the tree may be deep (simplify.ts bounds it, this does not rely on it).
  const stack: Nodes[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'html') html.push(n);
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  for (const node of html) {
    const s = startOf(node), raw = index.text.slice(s, endOf(node));
    for (const m of raw.matchAll(DIRECTIVE)) {
      const line = index.positionAt(s + (m.index ?? 0)).line;
      const endLine = index.positionAt(s + (m.index ?? 0) + m[0].length).line;
      const ids = m[2].trim() ? m[2].trim().split(/\s+/) : null;
      switch (m[1]) {
        case 'disable-next-line': regions.push({ from: endLine + 1, to: endLine + 1, rules: ids && new Set(ids) }); break;
        case 'disable-line': regions.push({ from: line, to: line, rules: ids && new Set(ids) }); break;
        case 'disable': for (const id of ids ?? ['*']) if (!open.has(id)) open.set(id, line); break;
        case 'enable':
          for (const id of ids ?? [...open.keys()]) {
            const from = open.get(id);
            if (from === undefined) continue;
            regions.push({ from, to: line, rules: id === '*' ? null : new Set([id]) });
            open.delete(id);
          }
      }
    }
  }
  for (const [id, from] of open) regions.push({ from, to: Infinity, rules: id === '*' ? null : new Set([id]) });
  return regions;
}

export function isSuppressed(f: Finding, regions: Region[], index: LineIndex): boolean {
  if (!regions.length) return false;
  const line = index.positionAt(f.span.start).line;
  return regions.some(r => line >= r.from && line <= r.to && (!r.rules || r.rules.has(f.rule)));
}
