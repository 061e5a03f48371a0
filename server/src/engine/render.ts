/**
 * Digest → preview: sanitised HTML and an outline, rendered from the SAME mdast the checks
 * used (remark-rehype → marks → rehype-sanitize → rehype-stringify), so what is shown is
 * what was checked. Rendered blocks carry `data-line` (0-based source line) for scroll sync
 * and "reveal in editor"; glossary terms are wrapped in <mark class="pd-term">; bold that
 * plain CommonMark would leave as asterisks is rendered as meant and classed `pd-cjk-bold`.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import rehypeRaw from 'rehype-raw';
import type { Root as HastRoot, Element, ElementContent, Text, RootContent as HastContent } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { Block, Digest, Paper, Section } from './digest';
import { entryKind } from './entry-kind';
import { LineIndex } from './text';
import { message } from './messages';
import type { Finding, Locale, Span } from './types';
import { spanOf, type GlossaryAnalysis } from './glossary/analysis';

/** A glossary term found in the text (from the glossary matcher): where, and its pair. */
export interface TermMark { span: Span; ko: string; en: string }

/** The glossary matcher's hits (Korean and English forms) as marks, in source order. */
export function glossaryTermMarks(a: GlossaryAnalysis): TermMark[] {
  const marks: TermMark[] = [
    ...a.ko.map(h => ({ span: spanOf(a, h.run, h.start, h.end), ko: h.value.entry.ko, en: h.value.entry.en })),
    ...a.en.map(h => ({ span: spanOf(a, h.run, h.start, h.end), ko: h.value.ko, en: h.value.en })),
  ];
  return marks.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
}

export interface RenderOptions {
  findings?: Finding[];
  terms?: TermMark[];
  locale?: Locale;
  lineIndex?: LineIndex;
}

// The outline is what the preview page shows: its shape is shared with the client (shared/outline.ts).
import type { BlockState, Outline, OutlineFinding, OutlinePaper } from '../../../shared/outline';
export type { BlockState, Outline, OutlineBlock, OutlineFinding, OutlinePaper, OutlineSection } from '../../../shared/outline';

export interface RenderedDigest {
  html: string;
  outline: Outline;
  /**
   * The document as CommonMark sites (GitHub, Medium, VS Code's own preview) show it: bold and
   * italics that do not render there as their literal asterisks, no glossary marks. Only when it
   * differs from `html` in more than the marks.
   */
  publishedHtml?: string;
}

/** Elements that get a `data-line`: the blocks the preview can scroll to. */
const LINE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'ul', 'ol', 'img']);
export const TERM_CLASS = 'pd-term';
export const CJK_BOLD_CLASS = 'pd-cjk-bold';
const MARKED_RULES_CLASSES = { promo: 'pd-promo', empty: 'pd-empty-block' } as const;

/** GitHub's sanitising schema plus exactly our own attributes (nothing from the document gets more). */
const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
    mark: [['className', TERM_CLASS], 'title', 'dataKo', 'dataEn'],
    strong: [['className', CJK_BOLD_CLASS], 'title'],
    em: [['className', CJK_BOLD_CLASS], 'title'],
    // Blocks the preview marks (promotional text, empty blocks): our two classes and the finding as title.
    ...Object.fromEntries(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'table', 'pre'].map(tag => [tag, [
      ...(defaultSchema.attributes?.[tag] ?? []), ['className', ...Object.values(MARKED_RULES_CLASSES)], 'title',
    ]])),
  },
} as typeof defaultSchema;

// Inline HTML the author wrote (e.g. `<strong>` from the cjk-emphasis fix) is parsed, then sanitised
// like everything else: rehype-raw before rehype-sanitize, never after.
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const toHtml = unified().use(rehypeSanitize, schema).use(rehypeStringify);

export function renderDigest(digest: Digest, opts: RenderOptions = {}): RenderedDigest {
  const locale = opts.locale ?? digest.profile.locale;
  const index = opts.lineIndex ?? new LineIndex(digest.text);
  // remark-rehype builds a new tree; the shared mdast is left untouched for the other features.
  const hast = toHast.runSync(digest.root as Root) as HastRoot;
  const broken = annotate(hast, digest.text, opts.terms ?? [], locale, false, markedBlocks(opts.findings ?? []));
  const html = toHtml.stringify(toHtml.runSync(hast) as HastRoot);
  const out: RenderedDigest = { html, outline: buildOutline(digest, opts.findings ?? [], index) };
  if (broken) {
    const published = toHast.runSync(digest.root as Root) as HastRoot;
    annotate(published, digest.text, [], locale, true);
    out.publishedHtml = toHtml.stringify(toHtml.runSync(published) as HastRoot);
  }
  return out;
}

/**
 * Line numbers, glossary marks and the bold CommonMark would not render (marked, or with `published`
 * written out as its literal asterisks, as CommonMark sites show it). True when there was such bold.
 */
/** Blocks the preview marks so the writer sees them as a reader would not: promotional text, empty blocks. */
const MARKED_RULES: Record<string, string> = { 'promo-content': MARKED_RULES_CLASSES.promo, 'block-empty': MARKED_RULES_CLASSES.empty };
function markedBlocks(findings: Finding[]): { span: Span; cls: string; title: string }[] {
  return findings.filter(f => MARKED_RULES[f.rule]).map(f => ({ span: f.span, cls: MARKED_RULES[f.rule], title: f.message }));
}

function annotate(tree: HastRoot, text: string, terms: TermMark[], locale: Locale, published: boolean, marked: { span: Span; cls: string; title: string }[] = []): boolean {
  const sorted = [...terms].sort((a, b) => a.span.start - b.span.start);
  const cjkTitle = message(locale, 'preview/cjk-bold');
  let broken = false;
  const walk = (parent: HastRoot | Element, inCode: boolean) => {
    const out: HastContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'element') {
        const start = child.position?.start;
        // Only our own data-line survives: one the author wrote in raw HTML would steer scroll sync and reveal.
        if (start && LINE_TAGS.has(child.tagName)) child.properties.dataLine = start.line - 1;
        else delete child.properties.dataLine;
        // Our marking classes come from findings only: the same class written in the document's raw HTML is dropped.
        const own = child.properties.className;
        if (Array.isArray(own)) child.properties.className = own.filter(c => c !== MARKED_RULES_CLASSES.promo && c !== MARKED_RULES_CLASSES.empty);
        const at = start?.offset;
        const mark = at !== undefined && LINE_TAGS.has(child.tagName) && child.tagName !== 'ul' && child.tagName !== 'ol' ? marked.find(m => at >= m.span.start && at < Math.max(m.span.end, m.span.start + 1)) : undefined;
        if (mark) { child.properties.className = [...((child.properties.className as string[] | undefined) ?? []), mark.cls]; child.properties.title = mark.title; }
        if ((child.tagName === 'strong' || child.tagName === 'em') && !commonMarkRenders(text, child)) {
          broken = true;
          const s = child.position?.start.offset, e = child.position?.end.offset;
          const width = child.tagName === 'strong' ? 2 : 1;
          if (published && s !== undefined && e !== undefined) {
            walk(child, inCode);
            out.push({ type: 'text', value: text.slice(s, s + width) }, ...(child.children as HastContent[]), { type: 'text', value: text.slice(e - width, e) });
            continue;
          }
          child.properties.className = [CJK_BOLD_CLASS];
          child.properties.title = cjkTitle;
        }
        walk(child, inCode || child.tagName === 'code' || child.tagName === 'pre');
        out.push(child);
      } else if (child.type === 'text' && !inCode && sorted.length) {
        out.push(...markTerms(child, text, sorted));
      } else out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree, false);
  return broken;
}

/** Splits a text node at the term spans inside it; only where its value is its source verbatim. */
function markTerms(node: Text, text: string, terms: TermMark[]): ElementContent[] {
  const s = node.position?.start.offset, e = node.position?.end.offset;
  if (s === undefined || e === undefined || text.slice(s, e) !== node.value) return [node];
  const out: ElementContent[] = [];
  let at = s;
  for (const t of terms) {
    if (t.span.end <= at) continue;
    if (t.span.start >= e) break;
    const from = Math.max(at, t.span.start), to = Math.min(e, t.span.end);
    if (from > at) out.push({ type: 'text', value: text.slice(at, from) });
    out.push({
      type: 'element', tagName: 'mark',
      properties: { className: [TERM_CLASS], title: `${t.ko} ↔ ${t.en}`, dataKo: t.ko, dataEn: t.en },
      children: [{ type: 'text', value: text.slice(from, to) }],
    });
    at = to;
  }
  if (at < e) out.push({ type: 'text', value: text.slice(at, e) });
  return out;
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Would plain CommonMark (GitHub, VS Code's preview, markdown-it) render this emphasis?
 * The CJK-friendly parser accepts `**용어(term)**을`; CommonMark needs the opening run to be
 * left-flanking and the closing run right-flanking (spec 6.2), which fails next to punctuation.
 */
export function commonMarkRenders(text: string, el: Pick<Element, 'position'>): boolean {
  const s = el.position?.start.offset, e = el.position?.end.offset;
  if (s === undefined || e === undefined) return true;
  const ch = text[s];
  if (ch !== '*' && ch !== '_') return true;
  let open = s;
  while (text[open] === ch) open++;
  let close = e;
  while (close > open && text[close - 1] === ch) close--;
  const kind = (c: string | undefined) => (c === undefined || SPACE.test(c) ? 'space' : PUNCT.test(c) ? 'punct' : 'other');
  const before = kind(text[s - 1]), afterOpen = kind(text[open]);
  const beforeClose = kind(text[close - 1]), after = kind(text[e]);
  const leftFlanking = afterOpen !== 'space' && (afterOpen !== 'punct' || before !== 'other');
  const rightFlanking = beforeClose !== 'space' && (beforeClose !== 'punct' || after !== 'other');
  return leftFlanking && rightFlanking;
}

function buildOutline(digest: Digest, findings: Finding[], index: LineIndex): Outline {
  const line = (offset: number) => index.positionAt(offset).line;
  const toItem = (f: Finding): OutlineFinding => {
    const p = index.positionAt(f.span.start);
    return { rule: f.rule, severity: f.severity, message: f.message, line: p.line, character: p.character };
  };
  const byPaper = new Map<Paper, OutlineFinding[]>();
  const bySection = new Map<Section, OutlineFinding[]>();
  const rest: OutlineFinding[] = [];
  for (const f of findings) {
    const at = f.span.start;
    const paper = digest.papers.find(p => p.heading && at >= p.span.start && at < Math.max(p.span.end, p.heading.span.end));
    const section = !paper && digest.sections.find(s => at >= s.span.start && at < Math.max(s.span.end, s.heading.span.end));
    const list = paper ? byPaper : section ? bySection : null;
    const key = (paper || section) as never;
    if (list) list.set(key, [...(list.get(key) ?? []), toItem(f)]);
    else rest.push(toItem(f));
  }
  // A single-paper profile has one heading-less paper spanning the document: its findings are its own.
  const single = digest.papers.find(p => !p.heading);
  // Counted as the items are built: each entry's kind is worked out once.
  const required = digest.profile.blocks.filter(b => b.required).length;
  const entries = { papers: 0, overviews: 0 };
  const kindOf = (p: Paper) => {
    const kind = entryKind(p, required);
    if (p.heading) entries[kind === 'overview' ? 'overviews' : 'papers']++;
    return kind;
  };
  const paperItem = (p: Paper): OutlinePaper => ({
    number: p.heading?.numberText ?? '',
    title: p.heading ? p.heading.title : '',
    kind: kindOf(p),
    line: p.heading ? line(p.heading.span.start) : 0,
    blocks: digest.profile.blocks.map(spec => {
      const found = p.blocks.filter(b => b.spec.id === spec.id);
      // A resources block is its links (often on the label's own line); any other block, its content.
      const state: BlockState = !found.length ? 'missing'
        : spec.resources ? (found.some(hasLink) ? 'ok' : found.some(b => b.hasContent) ? 'nolinks' : 'empty')
        : found.some(b => b.hasContent) ? 'ok' : 'empty';
      return { id: spec.id, label: spec.label, required: spec.required, state, line: found.length ? line(found[0].labelSpan.start) : null };
    }),
    findings: p === single ? rest.splice(0) : byPaper.get(p) ?? [],
  });
  const sections = digest.sections.map(s => ({
    number: s.heading.numberText, title: s.heading.title, line: line(s.heading.span.start),
    papers: s.papers.map(paperItem), findings: bySection.get(s) ?? [],
  }));
  const papers = digest.papers.filter(p => !p.section).map(paperItem);
  return {
    profile: digest.profile.id, sections, papers, findings: rest,
    counts: { sections: sections.length, papers: entries.papers, overviews: entries.overviews, findings: findings.length },
  };
}

/** Does the block hold a link (on its label's line or below)? A resources block without one shows as such. */
function hasLink(b: Block): boolean {
  const stack: Nodes[] = [b.labelNode, ...b.nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if ((n.type === 'link' && n.url) || n.type === 'linkReference' || (n.type === 'html' && /<a\s[^>]*href=/i.test(n.value))) return true;
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return false;
}
