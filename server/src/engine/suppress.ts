import type { Root, Html, Nodes } from 'mdast';
import type { LineIndex } from './text';
import type { Finding } from './types';
import { startOf, endOf } from './parse';
import { lineBoundsAt } from './text';

const DIRECTIVE = /<!--\s*digest-(disable-next-line|disable-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/g;

interface Region { from: number; to: number; rules: Set<string> | null }

/**
 * Suppression comments, markdownlint-style: `<!-- digest-disable-next-line RULE -->`,
 * `<!-- digest-disable RULE -->` … `<!-- digest-enable RULE -->`; no rule id means all rules.
 * Regions are in lines; a finding is dropped when its start line is inside a region for its rule.
 */
export function suppressionRegions(root: Root, index: LineIndex): Region[] {
  const regions: Region[] = [];
  // No directive in the text: no need to walk the tree for its HTML.
  if (!index.text.includes('digest-disable') && !index.text.includes('digest-enable')) return regions;
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

/**
 * The edit that silences one finding, as the quick fixes "Disable RULE for this line / file" write
 * it: for a line, `<!-- digest-disable-line RULE -->` appended to the finding's first line (an
 * inline comment: a comment on a line of its own would split a paragraph or end a list); for the
 * file, `<!-- digest-disable RULE -->` on a line of its own at the top (after front matter). An
 * existing comment of the same kind on that line gets the rule added instead. Undefined where no
 * comment can go without changing what the document renders (code, tables, raw HTML, front matter).
 */
export function suppressionEdit(text: string, root: Root, f: Finding, scope: 'line' | 'file'): { start: number; end: number; text: string } | undefined {
  return scope === 'file' ? fileSuppression(text, root, f.rule) : lineSuppression(text, root, f);
}

function lineSuppression(text: string, root: Root, f: Finding): { start: number; end: number; text: string } | undefined {
  const { start: lineStart, end: lineEnd } = lineBoundsAt(text, f.span.start);
  const content = text.slice(lineStart, lineEnd);
  if (!content.trim() || insideBlockWithoutInline(root, lineStart, lineEnd) || /^\s*\|/.test(content)) return undefined;
  // A heading, a thematic break or a link definition changes with anything after it on its line (a
  // closing ##, the anchor, `---`, `[id]: url`): the comment goes on a line of its own before it.
  const block = topLevelBlockAt(root, lineStart);
  if (block && (block.type === 'heading' || block.type === 'thematicBreak' || block.type === 'definition')) {
    if (startOf(block) !== lineStart) return undefined;
    const prevEnd = lineStart - (text.slice(0, lineStart).endsWith('\r\n') ? 2 : lineStart > 0 ? 1 : 0);
    const prevStart = lineBoundsAt(text, Math.max(0, prevEnd)).start;
    const prev = lineStart > 0 ? /^<!--\s*digest-disable-next-line((?:\s+[a-z0-9-]+)*)\s*-->\s*$/.exec(text.slice(prevStart, prevEnd)) : null;
    if (prev) {
      if (silences(prev[1], f.rule)) return undefined;
      const close = prevStart + text.slice(prevStart, prevEnd).lastIndexOf('-->');
      return { start: close, end: close, text: `${/\s$/.test(text[close - 1]) ? '' : ' '}${f.rule} ` };
    }
    return { start: lineStart, end: lineStart, text: `<!-- digest-disable-next-line ${f.rule} -->${eolOf(text)}` };
  }
  // Already a disable-line comment here: add the rule to it.
  const existing = /<!--\s*digest-disable-line((?:\s+[a-z0-9-]+)*)\s*-->/.exec(content);
  if (existing) {
    if (silences(existing[1], f.rule)) return undefined;
    const at = lineStart + existing.index + existing[0].length - 3;
    const before = text.slice(lineStart + existing.index, at).replace(/\s*$/, '');
    return { start: lineStart + existing.index, end: at + 3, text: `${before} ${f.rule} -->` };
  }
  // Before a hard break (two trailing spaces, or a backslash that is not itself escaped), so the break stays at the line's end.
  const slashes = /\\+$/.exec(content)?.[0].length ?? 0;
  const tail = slashes % 2 === 1 ? '\\' : / {2,}$/.exec(content)?.[0] ?? '';
  const at = tail ? lineEnd - tail.length : lineEnd - (/\s+$/.exec(content)?.[0].length ?? 0);
  // Inside a code span, an inline tag or a link that runs onto the next line, the comment would be text.
  if (insideInline(root, at)) return undefined;
  return { start: at, end: at, text: ` <!-- digest-disable-line ${f.rule} -->` };
}

function fileSuppression(text: string, root: Root, rule: string): { start: number; end: number; text: string } | undefined {
  const first = root.children[0];
  const eol = eolOf(text);
  let at = 0;
  if (first && (first.type as string) === 'yaml') {
    at = endOf(first);
    while (at < text.length && text[at] !== '\n') at++;
    if (at >= text.length) return { start: text.length, end: text.length, text: `${eol}<!-- digest-disable ${rule} -->${eol}` };
    at = at + 1;
  } else if (text.charCodeAt(0) === 0xfeff) at = 1;
  const head = /^<!--\s*digest-disable((?:\s+[a-z0-9-]+)*)\s*-->/.exec(text.slice(at));
  if (head) {
    if (silences(head[1], rule)) return undefined;
    const close = at + head[0].length - 3;
    return { start: close, end: close, text: `${/\s$/.test(text.slice(close - 1, close)) ? '' : ' '}${rule} ` };
  }
  return { start: at, end: at, text: `<!-- digest-disable ${rule} -->${eol}${eol}` };
}

/** Is the range inside a block where an inline comment would be text or change the block (code, raw HTML as a block of its own)? */
function insideBlockWithoutInline(root: Root, start: number, end: number): boolean {
  const stack: [Nodes, Nodes | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [n, parent] = stack.pop()!;
    const s = startOf(n), e = endOf(n);
    if (e < start || s > end) continue;
    // Raw HTML is a block of its own as a child of the root, a list item or a quote; in a paragraph it is inline.
    const blockHtml = n.type === 'html' && !!parent && (parent.type === 'root' || parent.type === 'listItem' || parent.type === 'blockquote');
    if (n.type === 'code' || blockHtml || (n.type as string) === 'yaml' || n.type === 'table') return true;
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push([c, n]);
  }
  return false;
}

/** The line's ending as the comments write it. */
const eolOf = (text: string): string => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Does a comment's rule list (empty: every rule) already silence `rule`? */
function silences(ruleList: string, rule: string): boolean {
  const ids = ruleList.trim().split(/\s+/).filter(Boolean);
  return !ids.length || ids.includes(rule);
}

/** The top-level block (a child of the root) that starts the line or holds it. */
function topLevelBlockAt(root: Root, offset: number): Nodes | undefined {
  return root.children.find(c => startOf(c) <= offset && offset <= endOf(c)) as Nodes | undefined;
}

/** Is the offset strictly inside an inline construct that may span lines (code span, inline HTML, link, definition)? */
function insideInline(root: Root, at: number): boolean {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const s = startOf(n), e = endOf(n);
    if (e <= at || s >= at) { if (n !== (root as Nodes)) continue; }
    if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'link' || n.type === 'linkReference' || n.type === 'definition' || n.type === 'image') {
      if (s < at && at < e) return true;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return false;
}
