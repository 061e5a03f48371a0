/**
 * block-missing — each paper entry has every required block of the profile
 * (weekly-digest-ko: 핵심 아이디어, 주요 방법론, 가장 중요한 발견, 중요 자료).
 *
 * Why: a digest promises the same shape for every paper; an entry without its findings or
 * links is the most frequent defect in real digests. The finding sits on the paper heading.
 *
 * ok:
 *   #### 1.1. 논문 제목
 *   **핵심 아이디어: …**  …  **주요 방법론**  …  **가장 중요한 발견**  …  **중요 자료**: …
 * not ok:
 *   #### 1.2. 논문 제목     ← paper 1.2 is missing "주요 방법론"
 *   **핵심 아이디어**
 *   …
 *
 * Fix (never safe: it inserts template text, so it is applied only when chosen by hand, never by
 * fix-all or `--fix`): insert the block's skeleton inside the entry, in profile order: right after
 * the content of the nearest earlier block present, else before the nearest later block present,
 * else at the end of the entry's content; always before the entry's closing `---` and the next
 * heading. Each inserted block holds the placeholder `(작성 필요)` / `(to be written)`, which
 * block-empty reports until it is replaced. The resources links take the arXiv id from the entry's
 * own links; with none, the resources block gets the placeholder too. An insertion point inside a
 * code block (an unclosed fence runs to the end of the document) gets no fix.
 */
import type { Nodes, RootContent } from 'mdast';
import type { Rule, RuleContext } from './rule';
import { headingLabelText, matchBlockLabel, type Block, type Paper } from '../digest';
import type { BlockSpec, Profile } from '../profiles';
import type { OffsetEdit } from '../types';
import { endOf, startOf } from '../parse';
import { message } from '../messages';
import { arxivRef } from './resources-links';

/** The placeholder text of inserted blocks (and of the snippets' block bodies); block-empty reports it until replaced. */
export const PLACEHOLDERS = { ko: '(작성 필요)', en: '(to be written)' } as const;

export function placeholderFor(profile: Profile): string {
  return PLACEHOLDERS[profile.locale] ?? PLACEHOLDERS.ko;
}

/** The placeholder when this content is nothing but placeholders, spaces and punctuation; else null. */
export function placeholderOnly(content: string): string | null {
  let found: string | null = null;
  let rest = content.normalize('NFC');
  for (const p of Object.values(PLACEHOLDERS)) {
    if (!found && rest.includes(p)) found = p;
    rest = rest.split(p).join(' ');
  }
  return found && !/[\p{L}\p{N}]/u.test(rest) ? found : null;
}

/** The first arXiv id linked in the entry (heading, intro or any block), abs or pdf, as written. */
export function entryArxivId(paper: Paper): string | null {
  const roots: Nodes[] = [...(paper.heading ? [paper.heading.node] : []), ...paper.nodes];
  let best: { at: number; id: string } | null = null;
  for (const r of roots) {
    const stack: Nodes[] = [r];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'link' || n.type === 'definition') {
        const ref = arxivRef(n.url);
        if (ref && ref.kind !== 'other' && ref.valid && (!best || startOf(n) < best.at)) best = { at: startOf(n), id: ref.id };
      }
      if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
    }
  }
  return best?.id ?? null;
}

/**
 * The block's inserted text: its label line and the placeholder; for the resources block with an
 * arXiv id, the profile's skeleton links pointing at that id.
 */
export function blockSkeleton(spec: BlockSpec, eol: string, placeholder: string, arxivId: string | null = null, headingDepth?: number): string {
  let skeleton = spec.skeleton ?? `**${spec.label}**`;
  // A review whose blocks are headings (## Abstract, ## 5. Experiments) gets a heading, at that depth:
  // a bold label there is not a block of that document.
  if (headingDepth) skeleton = skeleton.replace(/^\*\*([^*\r\n]+)\*\*:?[ \t]*(\r?\n|\r|$)/, (_m, label: string, br: string) => `${'#'.repeat(headingDepth)} ${label}${br ? `${br}${br}` : ''}`);
  const lines = skeleton.split(/\r?\n|\r/);
  const label = lines[0];
  if (spec.resources && arxivId && /arxiv\.org\/(?:abs|pdf)\/(?=\))/.test(skeleton)) {
    return skeleton.replace(/(arxiv\.org\/(?:abs|pdf)\/)(?=\))/g, `$1${arxivId}`).replace(/\r?\n|\r/g, eol);
  }
  return label + eol + eol + placeholder;
}

export interface BlockInsertion { offset: number; where: 'where-before' | 'where-after' | 'where-end'; other?: string; before: boolean }

const isComment = (n: RootContent) => n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim());

/** The entry's own nodes: up to the next heading at the paper's depth or above (a part heading the model keeps in the entry). */
function entryNodes(paper: Paper): RootContent[] {
  const depth = paper.heading?.depth;
  if (depth === undefined) return paper.nodes;
  const cut = paper.nodes.findIndex(n => n.type === 'heading' && n.depth <= depth);
  return cut < 0 ? paper.nodes : paper.nodes.slice(0, cut);
}

/** End of the last node that is content: trailing `---` separators and comments belong after the inserted blocks. */
function contentEnd(nodes: RootContent[], fallback: number): number {
  let i = nodes.length - 1;
  while (i >= 0 && (nodes[i].type === 'thematicBreak' || nodes[i].type === 'definition' || isComment(nodes[i]))) i--;
  return i >= 0 ? endOf(nodes[i]) : fallback;
}

function blockEnd(block: Block, inEntry: Set<RootContent>): number {
  let nodes = block.nodes.filter(n => inEntry.has(n));
  if (block.kind === 'heading') {
    const depth = (block.labelNode as { depth: number }).depth;
    const cut = nodes.findIndex(n => n.type === 'heading' && n.depth <= depth);
    if (cut >= 0) nodes = nodes.slice(0, cut);
  }
  return contentEnd(nodes, endOf(block.labelNode));
}

/** Where a missing block goes: after the nearest earlier block (profile order), else before the nearest later one, else at the end of the entry. */
export function blockInsertion(ctx: RuleContext, paper: Paper, spec: BlockSpec): BlockInsertion {
  const order = ctx.profile.blocks.map(b => b.id);
  const rank = order.indexOf(spec.id);
  const rankOf = (b: Block) => order.indexOf(b.spec.id);
  const inEntry = new Set(entryNodes(paper));
  const blocks = paper.blocks.filter(b => inEntry.has(b.labelNode as RootContent));
  let prev: Block | undefined;
  for (const b of blocks) if (rankOf(b) < rank && (!prev || rankOf(b) >= rankOf(prev))) prev = b;
  if (prev) return { offset: blockEnd(prev, inEntry), where: 'where-after', other: prev.spec.label, before: false };
  let next: Block | undefined;
  for (const b of blocks) if (rankOf(b) > rank && (!next || rankOf(b) < rankOf(next))) next = b;
  if (next) return { offset: next.labelSpan.start, where: 'where-before', other: next.spec.label, before: true };
  const fallback = paper.heading ? paper.heading.span.end : 0;
  return { offset: contentEnd([...inEntry], fallback), where: 'where-end', before: false };
}

/** Is the offset inside a code block or a raw HTML block (an unclosed fence or comment swallows the rest of the document)? */
export function insideCode(ctx: RuleContext, offset: number): boolean {
  const ranges = codeRanges(ctx);
  // The last range starting before the offset is the only one that can hold it (leaves never overlap).
  let lo = 0, hi = ranges.length - 1, at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start < offset) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (at < 0) return false;
  const r = ranges[at];
  return offset < r.end || (offset === r.end && r.end > r.start && r.unclosed);
}

interface CodeRange { start: number; end: number; unclosed: boolean }
const codeRangeCache = new WeakMap<object, CodeRange[]>();

/** The document's code and HTML blocks in order, computed once per tree (a query per paper was a walk of the whole tree). */
function codeRanges(ctx: RuleContext): CodeRange[] {
  const cached = codeRangeCache.get(ctx.digest.root);
  if (cached) return cached;
  const out: CodeRange[] = [];
  const stack: Nodes[] = [ctx.digest.root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'code' || n.type === 'html') {
      const start = startOf(n), end = endOf(n);
      out.push({ start, end, unclosed: end > start && unclosed(ctx.text.slice(start, end), n.type) });
      continue;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  out.sort((a, b) => a.start - b.start);
  codeRangeCache.set(ctx.digest.root, out);
  return out;
}

function unclosed(raw: string, type: 'code' | 'html'): boolean {
  if (type === 'html') {
    if (/^<!--/.test(raw)) return !/-->/.test(raw.slice(4));
    const raw1 = /^<(pre|script|style|textarea)(?=[\s>]|$)/i.exec(raw);
    return !!raw1 && !raw.toLowerCase().includes(`</${raw1[1].toLowerCase()}>`);
  }
  const open = /^(`{3,}|~{3,})/.exec(raw);
  if (!open) return false; // indented code ends at its last line
  const lines = raw.split(/\r?\n|\r/);
  if (lines.length < 2) return true;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]);
  return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length);
}

/** The inserted text at one offset: the skeletons in profile order, separated from what is around them by blank lines. */
function insertionText(ctx: RuleContext, ins: BlockInsertion, skeletons: string[]): string {
  const { eol, text } = ctx;
  const body = skeletons.join(eol + eol);
  if (ins.before) return body + eol + eol;
  const lead = ins.offset === 0 ? '' : eol + eol;
  const rest = text.slice(ins.offset);
  // A following line right after the inserted text would continue its paragraph (or make it a setext heading with `---`).
  const trail = /^\s*$/.test(rest) || /^[ \t]*(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(rest) ? '' : /^[ \t]*(?:\r\n|\n|\r)/.test(rest) ? eol : eol + eol;
  return lead + body + trail;
}

/** Headings that open a paper's front matter or background, never its method or results. */
const FRAME_HEADING = /^(introduction|related works?|background|preliminar|problem (formulation|statement)|motivation|metadata|table of contents|paper review|conclusions?|discussion|appendix|서론|소개|배경|관련 연구|결론)/i;

/**
 * In a single review written after the paper's own outline, a block between two present ones
 * often has the paper's name for it: "## 3. The OpenVLA Model" between the summary and
 * "## 5. Experiments" is the method. A heading at the blocks' depth between the neighbours (or
 * before the next block, when no earlier one precedes it), naming no block and no front matter,
 * stands in for the missing block. The first heading (the title) never does.
 */
function standIn(ctx: RuleContext, paper: Paper, spec: BlockSpec): boolean {
  const order = ctx.profile.blocks.map(b => b.id);
  const rank = order.indexOf(spec.id);
  const headed = paper.blocks.filter(b => b.kind === 'heading');
  // The next block in profile order, and the last earlier one before it (a closing "## Summary"
  // after the experiments is no lower bound); with none, the region starts at the top.
  const next = headed.find(b => order.indexOf(b.spec.id) > rank);
  if (!next) return false;
  const prev = headed.filter(b => order.indexOf(b.spec.id) < rank && b.labelSpan.start < next.labelSpan.start).pop();
  const from = prev ? prev.labelSpan.end : 0;
  const depth = (next.labelNode as { depth: number }).depth;
  return ctx.digest.headings.some((h, i) => i > 0 && h.depth === depth && h.span.start > from && h.span.end < next.labelSpan.start
    && !matchBlockLabel(headingLabelText(h.text), ctx.profile, true) && !FRAME_HEADING.test(headingLabelText(h.text)));
}

export const blockMissing: Rule = {
  id: 'block-missing',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Each paper entry has every required block of the profile.', ko: '각 논문 항목에 프로필의 필수 블록이 모두 있어야 합니다.' },
  check(ctx) {
    const placeholder = placeholderFor(ctx.profile);
    for (const paper of ctx.digest.papers) {
      // In a digest each paper entry is one part (see RuleContext.part); a single review's finding
      // points at the document's title, wherever that is.
      if (ctx.profile.papers) ctx.part(paper.span, () => checkPaper(ctx, paper, placeholder));
      else checkPaper(ctx, paper, placeholder);
    }
  },
};

function checkPaper(ctx: RuleContext, paper: Paper, placeholder: string): void {
  if (!paper.heading && ctx.profile.papers) return;
  const present = new Set(paper.blocks.map(b => b.spec.id));
  // A single-review profile checks a document only once it shows the template (two of its
  // required blocks): an essay with a summary and references, a README or a tutorial in the
  // same folder is not a review with holes.
  const single = !ctx.profile.papers;
  if (single && ctx.profile.blocks.filter(spec => spec.required && present.has(spec.id)).length < 2) return;
  const missing = ctx.profile.blocks.filter(spec => spec.required && !present.has(spec.id) && !(single && standIn(ctx, paper, spec)));
  if (!missing.length) return;
  const number = paper.heading?.number ? paper.heading.number.join('.') : (paper.heading?.title ?? '');
  const title = single ? ctx.digest.headings[0] : undefined;
  const span = paper.heading ? paper.heading.span : title ? title.span : { start: 0, end: 0 };
  const arxivId = missing.some(s => s.resources) ? entryArxivId(paper) : null;
  const headed = paper.blocks.find(b => b.kind === 'heading');
  const headingDepth = headed && headed.labelNode.type === 'heading' ? headed.labelNode.depth : undefined;
  const inserts = missing
    .map(spec => ({ spec, ins: blockInsertion(ctx, paper, spec), skeleton: blockSkeleton(spec, ctx.eol, placeholder, arxivId, headingDepth) }))
    .filter(({ ins }) => !insideCode(ctx, ins.offset));
  // Blocks going to the same place are one edit, in profile order (missing is in profile order).
  const grouped = new Map<string, { ins: BlockInsertion; skeletons: string[] }>();
  for (const { ins, skeleton } of inserts) {
    const key = `${ins.offset}:${ins.before}`;
    const g = grouped.get(key);
    if (g) g.skeletons.push(skeleton); else grouped.set(key, { ins, skeletons: [skeleton] });
  }
  const edits: OffsetEdit[] = [...grouped.values()].map(g => ({ start: g.ins.offset, end: g.ins.offset, text: insertionText(ctx, g.ins, g.skeletons) }));
  ctx.report({
    span,
    messageId: single ? 'missing-review' : 'missing',
    data: { paper: number, blocks: missing.map(b => `"${b.label}"`).join(', ') },
    fixes: [
      // Template text is never inserted automatically: every fix is for picking by hand.
      ...(inserts.length > 1 && inserts.length === missing.length ? [{ messageId: 'fix-all', data: { count: missing.length }, edits, safe: false, select: placeholder }] : []),
      ...inserts.map(({ spec, ins, skeleton }) => ({
        messageId: 'fix', safe: false, select: placeholder,
        data: { block: spec.label, where: message(ctx.locale, `block-missing/${ins.where}`, { other: ins.other }) },
        edits: [{ start: ins.offset, end: ins.offset, text: insertionText(ctx, ins, [skeleton]) }],
      })),
    ],
    extra: { blocks: missing.map(b => b.id) },
  });
}
