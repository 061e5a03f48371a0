/**
 * resources-links — the resources block ("중요 자료") of each paper links to the arXiv abstract
 * page and the PDF (as the profile requires); each link works.
 *
 * Why: the links are what a reader acts on. Digests pasted from newsletters keep the link
 * texts ("arXiv 페이지 보기") but lose the URLs; ids get truncated (2510.1169); the PDF link is
 * copied from another paper. Each of these is its own finding, on the offending line or link:
 *   - link text without a URL (a plain line that is one of the profile's link texts);
 *   - a malformed arXiv id (new-style ids have 5 digits after the dot from 2015 on);
 *   - abs and pdf ids that disagree (versions aside);
 *   - a non-https URL;
 *   - a missing abs or pdf link (not reported when link texts without URLs already explain it).
 * A project page is optional.
 *
 * ok:
 *   **중요 자료**:
 *   [arXiv 페이지 보기](https://arxiv.org/abs/2510.11690)
 *   [PDF 보기](https://arxiv.org/pdf/2510.11690)
 * not ok:
 *   **중요 자료**:
 *   arXiv 페이지 보기                               ← the link text "arXiv 페이지 보기" has no URL
 *   [PDF 보기](https://arxiv.org/pdf/2510.11691)   ← the PDF link points at 2510.11691, the abstract link at 2510.11690
 *
 * Fixes: point a disagreeing PDF link at the abs id (safe); add the PDF link from the abs id or
 * the abs link from the PDF id (safe); use https (safe).
 */
import type { Nodes, Definition, Link, LinkReference, Text } from 'mdast';
import type { Rule, RuleContext } from './rule';
import type { Block } from '../digest';
import type { Span } from '../types';
import { toString } from 'mdast-util-to-string';
import { endOf, startOf } from '../parse';
import { lineBoundsAt } from '../text';

export interface ArxivRef { kind: 'abs' | 'pdf' | 'other'; id: string; valid: boolean }

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/;
const OLD_ID = /^[a-z][a-z.-]*(?:\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

/** Is this an arXiv identifier as arXiv issues them? 4 digits after the dot until 2014, 5 from 2015. */
export function validArxivId(id: string): boolean {
  const m = NEW_ID.exec(id);
  if (m) {
    const yymm = Number(m[1] + m[2]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return false;
    return m[3].length === (yymm >= 1501 ? 5 : 4);
  }
  return OLD_ID.test(id);
}

/** The arXiv reference in a URL: /abs/ID, /pdf/ID(.pdf); null for other hosts. */
export function arxivRef(url: string): ArxivRef | null {
  const m = /^(?:https?:)?\/\/(?:www\.|export\.)?arxiv\.org\/(abs|pdf)\/([^?#\s]*?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(url.trim());
  if (!m) return /^(?:https?:)?\/\/(?:www\.)?arxiv\.org\//i.test(url.trim()) ? { kind: 'other', id: '', valid: true } : null;
  const id = m[2];
  return { kind: m[1].toLowerCase() as 'abs' | 'pdf', id, valid: validArxivId(id) };
}

export const stripVersion = (id: string) => id.replace(/v\d+$/, '');

export interface FoundLink { url: string; span: Span; node: Link | LinkReference; ref: ArxivRef | null }

function definitions(root: Nodes): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  const stack: Nodes[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'definition') defs.set(n.identifier, n);
    else if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return defs;
}

/** Links (inline, autolinks and resolved references) and plain text nodes outside links, in a block. */
export function blockContent(block: Block, defs: Map<string, Definition>): { links: FoundLink[]; texts: Text[] } {
  const links: FoundLink[] = [], texts: Text[] = [];
  const roots: Nodes[] = [block.labelNode, ...block.nodes];
  for (const r of roots) {
    const stack: Nodes[] = [r];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'link') { links.push({ url: n.url, span: { start: startOf(n), end: endOf(n) }, node: n, ref: arxivRef(n.url) }); continue; }
      if (n.type === 'linkReference') {
        const d = defs.get(n.identifier);
        if (d) links.push({ url: d.url, span: { start: startOf(n), end: endOf(n) }, node: n, ref: arxivRef(d.url) });
        continue;
      }
      // The label itself (the bold) is not link text.
      if (n.type === 'strong' && r === block.labelNode && block.kind === 'bold' && n === (block.labelNode as { children: Nodes[] }).children[0]) continue;
      // Text on the label line (the subtitle, ": ") is not a lost link; the lines after it may be.
      if (n.type === 'text' && endOf(n) > block.labelSpan.end) texts.push(n);
      if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push((n.children as Nodes[])[i]);
    }
  }
  links.sort((a, b) => a.span.start - b.span.start);
  texts.sort((a, b) => startOf(a) - startOf(b));
  return { links, texts };
}

const normText = (s: string) => s.normalize('NFC').replace(/\s+/g, '').replace(/[:：>\-→]+$/, '').toLowerCase();

/** The source line around an offset, without list, quote and emphasis marks: what the reader sees on it. */
function visibleLine(text: string, at: number): string {
  const { start, end } = lineBoundsAt(text, at);
  return text.slice(start, end).replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s+/, '').replace(/[*_]/g, '');
}

/** The profile's link texts ("arXiv 페이지 보기", "PDF"), normalised for comparison. */
const linkTexts = (ctx: RuleContext) => new Set(ctx.profile.resources.linkTexts.map(normText));

/** Lines of plain text that are exactly a link text (the URL was lost), with their spans. */
function bareLinkTexts(ctx: RuleContext, texts: Text[], from: number): { span: Span; text: string }[] {
  const wanted = linkTexts(ctx);
  const out: { span: Span; text: string }[] = [];
  // "**Paper**: [제목](url)": a link text with a link on its line labels that link; it lost nothing.
  const alone = (at: number) => wanted.has(normText(visibleLine(ctx.text, at)));
  for (const t of texts) {
    const s = startOf(t), e = endOf(t);
    // Offsets inside the node are exact only when the source equals the value (no escapes).
    if (ctx.text.slice(s, e) !== t.value) {
      if (s >= from && wanted.has(normText(t.value)) && alone(s)) out.push({ span: { start: s, end: e }, text: t.value.trim() });
      continue;
    }
    const re = /[^\r\n]+/g;
    for (let m = re.exec(t.value); m; m = re.exec(t.value)) {
      const line = m[0];
      if (s + m.index < from || !wanted.has(normText(line)) || !alone(s + m.index)) continue;
      const lead = line.length - line.trimStart().length;
      out.push({ span: { start: s + m.index + lead, end: s + m.index + line.trimEnd().length }, text: line.trim() });
    }
  }
  return out;
}

/** The destination's span inside an inline link's source, when it can be located exactly. */
function destinationSpan(ctx: RuleContext, l: FoundLink, needle: string): Span | null {
  if (l.node.type !== 'link') return null;
  const raw = ctx.text.slice(l.span.start, l.span.end);
  const open = raw.lastIndexOf('](');
  const from = open >= 0 ? open + 2 : raw.startsWith('<') ? 1 : 0;
  const at = raw.indexOf(needle, from);
  if (at < 0 || raw.indexOf(needle, at + 1) >= 0) return null;
  return { start: l.span.start + at, end: l.span.start + at + needle.length };
}

/** A new line can go next to this link without leaving its paragraph: not in a heading label or a table row. */
function breakable(ctx: RuleContext, block: Block, l: FoundLink): boolean {
  if (block.kind === 'heading' && l.span.start < block.labelSpan.end) return false;
  const lineStart = lineBoundsAt(ctx.text, l.span.start).start;
  return !/^\s*\|/.test(ctx.text.slice(lineStart, l.span.start));
}

function linkText(ctx: RuleContext, kind: 'abs' | 'pdf'): string {
  const texts = ctx.profile.resources.linkTexts;
  const hit = kind === 'pdf' ? texts.find(t => /pdf/i.test(t)) : texts.find(t => /arxiv/i.test(t));
  return hit ?? (kind === 'pdf' ? 'PDF' : 'arXiv');
}

function checkBlock(ctx: RuleContext, block: Block, defs: Map<string, Definition>): void {
  const { links, texts } = blockContent(block, defs);
  const bare = bareLinkTexts(ctx, texts, block.labelSpan.end);
  for (const b of bare) ctx.report({ span: b.span, messageId: 'no-url', data: { text: b.text } });

  for (const l of links) {
    if (/^http:\/\//i.test(l.url)) {
      const at = destinationSpan(ctx, l, l.url.slice(0, 7));
      ctx.report({ span: l.span, messageId: 'insecure', data: { url: l.url }, fixes: at ? [{ messageId: 'fix-https', edits: [{ start: at.start, end: at.end, text: 'https://' }] }] : [] });
    }
    if (l.ref && l.ref.kind !== 'other' && !l.ref.valid) {
      // An empty id (the skeleton's https://arxiv.org/abs/) says so, rather than quoting "(empty)".
      ctx.report({ span: l.span, messageId: l.ref.id ? 'malformed' : 'no-id', data: { id: l.ref.id, url: l.url } });
    }
  }

  const abs = links.find(l => l.ref?.kind === 'abs');
  const pdf = links.find(l => l.ref?.kind === 'pdf');
  // A block citing several papers (a review's references) has no one paper to pair links for.
  if (new Set(links.filter(l => l.ref?.kind === 'abs' && l.ref.valid).map(l => stripVersion(l.ref!.id))).size > 1) return;
  // Only a link presented as the PDF ("PDF 보기") is this paper's PDF; "[Attention Is All You Need](…pdf…)" cites another.
  const pdfText = pdf ? toString(pdf.node) : '';
  const asPdf = pdf && (/pdf/i.test(pdfText) || linkTexts(ctx).has(normText(pdfText)));
  if (asPdf && abs?.ref?.valid && pdf?.ref?.valid && stripVersion(abs.ref.id) !== stripVersion(pdf.ref.id)) {
    const at = destinationSpan(ctx, pdf, pdf.ref.id);
    ctx.report({
      span: pdf.span, messageId: 'mismatch', data: { found: pdf.ref.id, expected: abs.ref.id },
      fixes: at ? [{ messageId: 'fix-pdf', data: { id: abs.ref.id }, edits: [{ start: at.start, end: at.end, text: abs.ref.id }] }] : [],
      related: [{ span: abs.span, messageId: 'related-abs' }],
    });
  }
  if (bare.length) return; // the lost URLs are the finding; "missing" would say it twice
  const { requireAbs, requirePdf } = ctx.profile.resources;
  if (requireAbs && !abs) {
    const id = pdf?.ref?.valid ? pdf.ref.id : null;
    ctx.report({
      span: block.labelSpan, messageId: 'missing-abs', data: { block: block.spec.label },
      fixes: id && pdf && breakable(ctx, block, pdf) ? [{ messageId: 'fix-add-abs', data: { id }, edits: [{ start: pdf.span.start, end: pdf.span.start, text: `[${linkText(ctx, 'abs')}](https://arxiv.org/abs/${id})${ctx.eol}` }] }] : [],
    });
  }
  if (requirePdf && !pdf) {
    const id = abs?.ref?.valid ? abs.ref.id : null;
    ctx.report({
      span: block.labelSpan, messageId: 'missing-pdf', data: { block: block.spec.label },
      fixes: id && abs && breakable(ctx, block, abs) ? [{ messageId: 'fix-add-pdf', data: { id }, edits: [{ start: abs.span.end, end: abs.span.end, text: `${ctx.eol}[${linkText(ctx, 'pdf')}](https://arxiv.org/pdf/${id})` }] }] : [],
    });
  }
}

export const resourcesLinks: Rule = {
  id: 'resources-links',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'The resources block links to the arXiv abstract and PDF; each link is well formed.', ko: '자료 블록에 arXiv 초록 링크와 PDF 링크가 있고, 각 링크가 올바라야 합니다.' },
  check(ctx) {
    let defs: Map<string, Definition> | null = null;
    const defined = () => (defs ??= definitions(ctx.digest.root));
    // A paper entry is one part (see RuleContext.part), unless the document defines link references
    // (`[x]: url`): a reference in the entry may resolve to a definition anywhere.
    const whole = ctx.text.includes(']:') && defined().size > 0;
    for (const paper of ctx.digest.papers) {
      const check = () => {
        for (const block of paper.blocks) if (block.spec.resources) checkBlock(ctx, block, defined());
      };
      if (whole) check(); else ctx.part(paper.span, check);
    }
  },
};
