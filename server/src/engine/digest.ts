import type { Root, RootContent, Heading, Paragraph, List, ListItem, Strong, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import type { Span } from './types';
import type { BlockSpec, Profile } from './profiles';
import { endOf, startOf } from './parse';

/** A heading with its "N." / "N.M." number split from its title. */
export interface HeadingInfo {
  node: Heading;
  depth: number;
  span: Span;
  text: string;
  /** The number's components, e.g. [1, 2] for "1.2."; null when the heading has no number. */
  number: number[] | null;
  numberText: string;
  /** Span of the number including its trailing dot; the heading content when unnumbered. */
  numberSpan: Span;
  trailingDot: boolean;
  title: string;
  /** Span of the heading's content (after the `###` marker, before closing `#`s). */
  contentSpan: Span;
}

export interface TocItem {
  span: Span;
  number: number[] | null;
  numberSpan: Span | null;
  title: string;
  titleSpan: Span;
  children: TocItem[];
}

export interface Toc {
  /** The "목차:" paragraph or heading. */
  labelSpan: Span;
  list: { span: Span; ordered: boolean; items: TocItem[]; node: List } | null;
}

export interface Block {
  spec: BlockSpec;
  kind: 'bold' | 'heading';
  /** The label: the bold text or the heading. */
  labelSpan: Span;
  labelText: string;
  subtitle: string;
  /** The node holding the label (a paragraph or a heading). */
  labelNode: Paragraph | Heading;
  /** Nodes after the label node up to the next block or the end of the paper. */
  nodes: RootContent[];
  /** Text of the label paragraph after its first line (links often sit there). */
  tailSpan: Span | null;
  span: Span;
  hasContent: boolean;
  /**
   * The label only begins the heading ("## Methodology Details", "## Limitation of Previous
   * Works"): it shows the review has the block, but it may be a part of another one, so its place
   * and repeats are not checked (block-order).
   */
  loose?: boolean;
}

export interface Paper {
  heading: HeadingInfo | null;
  section: Section | null;
  span: Span;
  /** Top-level nodes after the heading, up to the next paper or section. */
  nodes: RootContent[];
  blocks: Block[];
}

export interface Section {
  heading: HeadingInfo;
  span: Span;
  /** Nodes between the section heading and its first paper. */
  intro: RootContent[];
  papers: Paper[];
}

export interface FrontMatter { span: Span; data: Record<string, unknown> | null; error?: string }

export interface Digest {
  text: string;
  root: Root;
  profile: Profile;
  frontMatter: FrontMatter | null;
  toc: Toc | null;
  sections: Section[];
  papers: Paper[];
  /** Every heading at any depth at the top level, in order. */
  headings: HeadingInfo[];
}

const NUMBER_RE = /^(\d{1,6}(?:\.\d{1,6})*)(\.?)(?=\s|$)/;

export function headingInfo(node: Heading, text: string): HeadingInfo {
  const span = { start: startOf(node), end: endOf(node) };
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const contentSpan = first ? { start: startOf(first), end: endOf(last) } : { start: span.end, end: span.end };
  const plain = toString(node).trim();
  const m = NUMBER_RE.exec(plain);
  let number: number[] | null = null, numberText = '', trailingDot = false, title = plain;
  let numberSpan = contentSpan;
  if (m) {
    number = m[1].split('.').map(Number);
    numberText = m[1];
    trailingDot = m[2] === '.';
    title = plain.slice(m[0].length).trim();
    const raw = text.slice(contentSpan.start, contentSpan.start + m[0].length);
    if (first?.type === 'text' && raw === m[0]) numberSpan = { start: contentSpan.start, end: contentSpan.start + m[0].length };
  }
  return { node, depth: node.depth, span, text: plain, number, numberText, numberSpan, trailingDot, title, contentSpan };
}

/** Normalises a label for comparison: no spaces, no case, no trailing colon. */
export function normLabel(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '').replace(/[:：]+$/, '').toLowerCase();
}

function isTocLabel(s: string, profile: Profile): boolean {
  if (!profile.toc) return false;
  const n = normLabel(s.replace(/^\*+|\*+$/g, ''));
  return profile.toc.labels.some(l => normLabel(l) === n);
}

/**
 * The profile block whose label (or alias) starts this text, or undefined. `loose` (a single
 * review's headings): the label may be followed by more words, as in "## 3. Method Overview" or
 * "## 3. 실험 결과 및 의미".
 */
export function matchBlockLabel(s: string, profile: Profile, loose = false): { spec: BlockSpec; rest: string; loose?: boolean } | undefined {
  const t = s.normalize('NFC').trim();
  const compact = t.replace(/\s+/g, '').toLowerCase();
  for (const { spec, labels } of blockLabels(profile)) {
    for (const l of labels) {
      if (!compact.startsWith(l)) continue;
      // Map the compact match back to the original text to find what follows the label.
      let i = 0, seen = 0;
      while (i < t.length && seen < l.length) { if (!/\s/.test(t[i])) seen++; i++; }
      const rest = t.slice(i);
      if (rest === '' || /^\s*[:：(\-–—]/.test(rest) || /^\s+/.test(rest) && /^[:：]/.test(rest.trim())) return { spec, rest: rest.replace(/^\s*[:：\-–—]?\s*/, '') };
      if (loose && /^\s+\S/.test(rest)) return { spec, rest: rest.trim(), loose: true };
    }
  }
  return undefined;
}

/** Each block's label and aliases, normalised once per profile (asked for every heading and bold lead). */
function blockLabels(profile: Profile): { spec: BlockSpec; labels: string[] }[] {
  let l = labelsByProfile.get(profile);
  if (!l) labelsByProfile.set(profile, (l = profile.blocks.map(spec => ({ spec, labels: [spec.label, ...spec.aliases].map(normLabel) }))));
  return l;
}
const labelsByProfile = new WeakMap<Profile, { spec: BlockSpec; labels: string[] }[]>();

/** A heading's text without decoration before its label: emoji, symbols, a "3." or "3.1" number (`## ⚡ 요약`, `## 3. Method`). */
export function headingLabelText(s: string): string {
  return s.trim().replace(/^[\p{S}\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '').replace(/^\d{1,3}(?:\.\d{1,3})*\.?\s+/, '');
}

function strongLead(p: Paragraph): Strong | undefined {
  const first = p.children[0];
  return first && first.type === 'strong' ? first : undefined;
}

function tocItems(list: List, text: string): TocItem[] {
  return list.children.map((item: ListItem) => {
    const span = { start: startOf(item), end: endOf(item) };
    // "- 1. 제목" is a bullet holding a one-item ordered list: read it as the item "1. 제목".
    const inner = item.children[0];
    if (inner?.type === 'list' && inner.ordered && inner.children.length === 1 && item.children.length === 1) {
      const [only] = tocItems(inner, text);
      const n = inner.start ?? 1;
      return { ...only, span, number: [n], numberSpan: { start: startOf(inner), end: startOf(inner) + String(n).length + 1 } };
    }
    const para = item.children.find(c => c.type === 'paragraph') as Paragraph | undefined;
    const titleSpan = para ? { start: startOf(para), end: endOf(para) } : span;
    let title = para ? toString(para).trim() : '';
    let number: number[] | null = null;
    let numberSpan: Span | null = null;
    const marker = /^(\d{1,9})[.)]/.exec(text.slice(span.start, span.end));
    if (list.ordered && marker) {
      number = [Number(marker[1])];
      numberSpan = { start: span.start, end: span.start + marker[0].length };
    } else {
      const m = NUMBER_RE.exec(title);
      if (m) { number = m[1].split('.').map(Number); title = title.slice(m[0].length).trim(); }
    }
    const nested = item.children.find(c => c.type === 'list') as List | undefined;
    return { span, number, numberSpan, title, titleSpan, children: nested ? tocItems(nested, text) : [] };
  });
}

/** Builds the digest model from the mdast: front matter, TOC, sections, papers, blocks. */
export function buildDigest(root: Root, text: string, profile: Profile): Digest {
  const digest: Digest = { text, root, profile, frontMatter: null, toc: null, sections: [], papers: [], headings: [] };
  let section: Section | null = null;
  let paper: Paper | null = null;
  const nodes = root.children;
  const single = !profile.papers;
  if (single) {
    paper = { heading: null, section: null, span: { start: 0, end: text.length }, nodes: [], blocks: [] };
    digest.papers.push(paper);
  }

  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'yaml' && i === 0) {
      digest.frontMatter = readFrontMatter(node);
      continue;
    }
    const beforeSections = digest.sections.length === 0 && (single || digest.papers.length === 0);
    if (beforeSections && !digest.toc && profile.toc && (node.type === 'paragraph' || node.type === 'heading') && isTocLabel(toString(node), profile)) {
      const next = nodes[i + 1];
      const list = next && next.type === 'list' ? next : null;
      digest.toc = {
        labelSpan: { start: startOf(node), end: endOf(node) },
        list: list && { span: { start: startOf(list), end: endOf(list) }, ordered: !!list.ordered, items: tocItems(list, text), node: list },
      };
      if (list) i++;
      continue;
    }
    if (node.type === 'heading') {
      const h = headingInfo(node, text);
      digest.headings.push(h);
      const role = headingRole(h, profile, paper);
      if (role === 'section') {
        section = { heading: h, span: { start: h.span.start, end: h.span.end }, intro: [], papers: [] };
        digest.sections.push(section);
        if (!single) paper = null;
        continue;
      }
      if (role === 'paper') {
        paper = { heading: h, section, span: { start: h.span.start, end: h.span.end }, nodes: [], blocks: [] };
        digest.papers.push(paper);
        section?.papers.push(paper);
        continue;
      }
    }
    if (paper) paper.nodes.push(node);
    else if (section) section.intro.push(node);
  }

  // Spans run from a heading to the start of the next heading of the same or a higher role.
  // `following` is sorted: the first start after `start`, by binary search (a long digest has thousands).
  const ends = (start: number, following: number[]) => {
    let lo = 0, hi = following.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (following[mid] > start) hi = mid; else lo = mid + 1; }
    return following[lo] ?? text.length;
  };
  const sectionStarts = digest.sections.map(s => s.span.start);
  const paperStarts = [...digest.papers.filter(p => p.heading).map(p => p.span.start), ...sectionStarts].sort((a, b) => a - b);
  for (const s of digest.sections) s.span.end = trimEnd(text, ends(s.span.start, sectionStarts));
  for (const p of digest.papers) {
    if (p.heading) p.span.end = trimEnd(text, ends(p.span.start, paperStarts));
    p.blocks = findBlocks(p, profile, text);
  }
  return digest;
}

function headingRole(h: HeadingInfo, profile: Profile, paper: Paper | null): 'section' | 'paper' | 'other' {
  const { sections, papers } = profile;
  const n = h.number?.length ?? 0;
  // Inside a paper a deeper heading is the paper's own, except the next paper's number one level too
  // deep (`##### 1.3.` right after `#### 1.2.`): that one was meant as the next paper.
  if (papers && paper?.heading && h.depth > papers.depth) return h.depth === papers.depth + 1 && nextNumber(paper.heading.number, h.number) ? 'paper' : 'other';
  if (sections && h.depth === sections.depth) return papers && n === 2 ? 'paper' : 'section';
  if (papers && h.depth === papers.depth) return 'paper';
  // A numbered heading one level off (e.g. `## 2.` or `##### 1.2.`) is still meant as structure.
  if (sections && n === 1 && Math.abs(h.depth - sections.depth) === 1 && (!papers || h.depth !== papers.depth)) return 'section';
  if (papers && n === 2 && Math.abs(h.depth - papers.depth) === 1) return 'paper';
  return 'other';
}

/** `b` numbers the paper right after `a`: 1.2 → 1.3. */
function nextNumber(a: number[] | null, b: number[] | null): boolean {
  return !!a && !!b && a.length === 2 && b.length === 2 && a[0] === b[0] && b[1] === a[1] + 1;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The front matter's span now; its YAML parsed only when `data` or `error` is read (no rule reads them). */
function readFrontMatter(node: Yaml): FrontMatter {
  const span = { start: startOf(node), end: endOf(node) };
  let parsed: { data: Record<string, unknown> | null; error?: string } | undefined;
  const parse = () => {
    if (parsed) return parsed;
    try {
      const data = parseYaml(node.value, { maxAliasCount: 50 }) as unknown;
      parsed = { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null };
    } catch (e) {
      parsed = { data: null, error: (e as Error).message.split('\n')[0] };
    }
    return parsed;
  };
  return {
    span,
    get data() { return parse().data; },
    get error() { return parse().error; },
  };
}

function findBlocks(paper: Paper, profile: Profile, text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  // Under a paper heading blocks are deeper headings; a single-paper review may use any depth (`# 3. Method`).
  const minDepth = profile.papers ? profile.papers.depth + 1 : 1;
  const review = profile.papers ? null : reviewLayout(paper.nodes);
  let headingSeen = false;
  for (const node of paper.nodes) {
    let found = blockLabel(node, profile, minDepth, text);
    if (review && found) {
      // In a review the blocks are the headings of one depth (the shallowest under the title):
      // a "### 결과" inside "## 방법" is a local recap, and a bold "**한계**" under a heading a sub-item.
      if (found.kind === 'heading' ? (node as Heading).depth !== review.blockDepth : headingSeen) found = null;
    }
    if (node.type === 'heading' && node !== review?.title) headingSeen = true;
    if (found) {
      current = found;
      blocks.push(current);
      continue;
    }
    if (current) current.nodes.push(node);
  }
  for (const b of blocks) {
    const last = b.nodes[b.nodes.length - 1];
    b.span = { start: b.labelSpan.start, end: last ? endOf(last) : endOf(b.labelNode) };
    b.hasContent = !!b.tailSpan || b.nodes.some(n => n.type !== 'thematicBreak' && n.type !== 'html' && toString(n).trim() !== '' || n.type === 'image' || n.type === 'table' || n.type === 'code');
  }
  return blocks;
}

/**
 * A single review's layout: its title (a first heading alone at the shallowest depth) and the
 * depth its blocks are written at (the shallowest heading depth after the title).
 */
function reviewLayout(nodes: RootContent[]): { title: Heading | null; blockDepth: number } {
  const headings = nodes.filter((n): n is Heading => n.type === 'heading');
  if (!headings.length) return { title: null, blockDepth: 0 };
  const top = headings.reduce((m, h) => Math.min(m, h.depth), 6);
  const title = headings[0].depth === top && headings.filter(h => h.depth === top).length === 1 && headings.length > 1 ? headings[0] : null;
  const rest = title ? headings.slice(1) : headings;
  return { title, blockDepth: rest.reduce((m, h) => Math.min(m, h.depth), 6) };
}

function blockLabel(node: RootContent, profile: Profile, minDepth: number, text: string): Block | null {
  if (node.type === 'heading' && node.depth >= minDepth) {
    const m = matchBlockLabel(headingLabelText(toString(node)), profile, !profile.papers);
    if (!m) return null;
    const span = { start: startOf(node), end: endOf(node) };
    return { spec: m.spec, kind: 'heading', labelSpan: span, labelText: toString(node).trim(), subtitle: m.rest, labelNode: node, nodes: [], tailSpan: null, span, hasContent: false, ...(m.loose ? { loose: true } : {}) };
  }
  if (node.type !== 'paragraph') return null;
  const strong = strongLead(node);
  if (!strong) return null;
  const strongText = toString(strong);
  // The label line: the bold text plus what follows it on the same line (": subtitle").
  const pStart = startOf(node), pEnd = endOf(node);
  const nl = text.slice(pStart, pEnd).search(/\r?\n|\r/);
  const lineEnd = nl < 0 ? pEnd : pStart + nl;
  const after = text.slice(endOf(strong), lineEnd);
  const m = matchBlockLabel(strongText + after, profile);
  if (!m) return null;
  // Free-form bold lead-ins ("**항목**: 설명" in running text) are not labels: the bold must be the label itself.
  if (!matchBlockLabel(strongText, profile)) return null;
  const labelSpan = { start: pStart, end: lineEnd };
  let tailSpan: Span | null = null;
  if (lineEnd < pEnd) {
    const tailStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
    if (text.slice(tailStart, pEnd).trim()) tailSpan = { start: tailStart, end: pEnd };
  }
  return { spec: m.spec, kind: 'bold', labelSpan, labelText: text.slice(pStart, lineEnd), subtitle: m.rest, labelNode: node, nodes: [], tailSpan, span: labelSpan, hasContent: false };
}
