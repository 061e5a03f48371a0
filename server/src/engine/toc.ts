import GithubSlugger from 'github-slugger';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Digest } from './digest';
import type { OffsetEdit } from './types';
import { detectEol } from './text';

/** How an existing TOC writes its items, so a rewrite keeps it. */
export interface TocStyle {
  /** The bullet of a bulleted TOC ("- 1. title"); null for an ordered list (or no list). */
  bullet: string | null;
  /** Items are links to the headings' anchors: "1. [title](#1-title)". */
  linked: boolean;
  /** A bulleted linked TOC with the number inside the link text: "- [1. title](#1-title)". */
  numberInLink: boolean;
  /** The existing anchors are percent-encoded ("#1-%ED%99%95…"). */
  encoded: boolean;
}

/** What one TOC list item holds: a link to an anchor, plain text, or something else (formatting, other links). */
export type TocItemKind = 'linked' | 'plain' | 'other';

const LEADING_NUMBER = /^\s*\d{1,6}(?:\.\d{1,6})*\.?\s+/;

/** The paragraph carrying an item's title, and whether the item has sub-items; "- 1. title" is a bullet holding a one-item ordered list. */
function itemParts(item: ListItem): { p: Paragraph | undefined; nested: boolean } {
  const inner = item.children[0];
  if (inner?.type === 'list' && inner.ordered && inner.children.length === 1 && item.children.length === 1) return itemParts(inner.children[0]);
  return { p: item.children.find((c): c is Paragraph => c.type === 'paragraph'), nested: item.children.some(c => c.type === 'list') };
}

/** The paragraph's only link to an anchor ("#…"), allowing a number before it, or null. */
function anchorLink(p: Paragraph): Extract<PhrasingContent, { type: 'link' }> | null {
  const meaningful = p.children.filter(c => !(c.type === 'text' && !c.value.trim()));
  const [first, second] = meaningful;
  const link = meaningful.length === 1 ? first : meaningful.length === 2 && first.type === 'text' && LEADING_NUMBER.test(first.value + ' ') ? second : null;
  return link?.type === 'link' && link.url.startsWith('#') ? link : null;
}

/** Classifies each top-level TOC item (in list order). */
export function tocItemKinds(list: List): { kind: TocItemKind; simple: boolean; url: string; text: string }[] {
  return list.children.map(item => {
    const { p, nested } = itemParts(item);
    if (!p) return { kind: 'other' as const, simple: false, url: '', text: '' };
    const link = anchorLink(p);
    if (link) {
      // "Simple": the link text is plain, so rewriting it from the heading loses nothing.
      const simple = !nested && link.children.every(c => c.type === 'text');
      return { kind: 'linked' as const, simple, url: link.url, text: toString(link) };
    }
    if (p.children.every(c => c.type === 'text')) return { kind: 'plain' as const, simple: !nested, url: '', text: toString(p) };
    return { kind: 'other' as const, simple: false, url: '', text: '' };
  });
}

/** The style of the digest's TOC list: bullet kept; linked when most items are anchor links (ties: linked). */
export function tocStyle(digest: Digest): TocStyle {
  const list = digest.toc?.list;
  if (!list) return { bullet: null, linked: false, numberInLink: false, encoded: false };
  const first = digest.text.slice(list.span.start, list.items[0]?.span.end ?? list.span.end);
  const bullet = !list.ordered ? (/^[-*+]/.exec(first)?.[0] ?? '-') : null;
  const kinds = tocItemKinds(list.node);
  const links = kinds.filter(k => k.kind === 'linked');
  const linked = links.length > 0 && links.length >= kinds.length - links.length;
  // Only a bulleted TOC can carry the number in the link text: in an ordered list it would read "1. 1. title".
  const inLink = links.filter(k => LEADING_NUMBER.test(k.text + ' ')).length;
  return {
    bullet,
    linked,
    numberInLink: linked && !!bullet && inLink > links.length - inLink,
    encoded: links.some(k => /%[0-9a-f]{2}/i.test(k.url)),
  };
}

/**
 * GitHub's anchor for every heading of the document: one slugger over all headings in document
 * order (nested ones too, and a "## 목차" heading), so repeated titles get GitHub's "-1", "-2".
 * The text is what GitHub renders: no raw HTML, no image alt text.
 */
export function headingAnchors(root: Root): Map<Heading, string> {
  const slugger = new GithubSlugger();
  const anchors = new Map<Heading, string>();
  visit(root, 'heading', (node: Heading) => {
    anchors.set(node, slugger.slug(toString(node, { includeHtml: false, includeImageAlt: false }).trim()));
  });
  return anchors;
}

/** Backslash-escapes what would end or reformat a link text. */
const escapeLinkText = (s: string) => s.replace(/[\\[\]*_`<]/g, c => '\\' + c);

/**
 * The TOC lines for the sections, in the existing TOC's style: "N. title" each, a bulleted TOC
 * keeping its bullet ("- 1. title"), a linked TOC staying linked ("1. [title](#github-anchor)").
 * Without a TOC list (a bare label, or a fresh TOC), plain "N. title" items.
 */
export function tocLines(digest: Digest, eol: string, style: TocStyle = tocStyle(digest)): string {
  const anchors = style.linked ? headingAnchors(digest.root) : null;
  const lead = style.bullet ? style.bullet + ' ' : '';
  return digest.sections.map((s, i) => {
    const n = `${i + 1}.`;
    if (!anchors) return `${lead}${n} ${s.heading.title}`;
    const slug = anchors.get(s.heading.node) ?? new GithubSlugger().slug(s.heading.text);
    const href = '#' + (style.encoded ? encodeURIComponent(slug) : slug);
    const title = escapeLinkText(s.heading.title);
    return style.numberInLink ? `${lead}[${n} ${title}](${href})` : `${lead}${n} [${title}](${href})`;
  }).join(eol);
}

/** The TOC list rewritten from the section headings, or null without a TOC (the CLI's `toc` exits 1 then). */
/** The list a TOC rewrite writes, as shown to a person or a model: without its leading break, with \n line breaks. */
export function tocListText(edit: OffsetEdit): string {
  return edit.text.replace(/^\r?\n/, '').replace(/\r\n/g, '\n');
}

export function tocRewriteEdit(digest: Digest): OffsetEdit | null {
  const toc = digest.toc;
  if (!toc) return null;
  const eol = detectEol(digest.text);
  const lines = tocLines(digest, eol);
  if (toc.list) return { start: toc.list.span.start, end: toc.list.span.end, text: lines };
  return { start: toc.labelSpan.end, end: toc.labelSpan.end, text: eol + eol + lines };
}
