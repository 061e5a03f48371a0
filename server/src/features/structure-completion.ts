import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver/node';
import { message } from '../engine';
import type { Digest } from '../engine/digest';
import type { BlockSpec } from '../engine/profiles';
import { completionProviders, type CompletionRequest, type CompletionProvider } from './completion-hub';
import type { ServerContext } from './context';

/**
 * Context-aware structure completion: after `### ` the next section number (with its title
 * from the TOC when there is one), after `#### ` the next paper number N.M. of the enclosing
 * section, after `**` at the start of a paragraph the blocks this paper still lacks, in
 * profile order.
 */
export const structureCompletion: CompletionProvider = (req, ctx) => {
  const heading = /^(#{1,6})[ \t]+([\d.]*)$/.exec(req.linePrefix);
  const bold = /^[ \t]{0,3}\*\*([^*]*)$/.exec(req.linePrefix);
  if (!heading && !bold) return null;
  const a = req.analysis();
  if (!a) return null;
  const digest = a.outcome.result.digest;
  const lineStart = req.offset - req.linePrefix.length;
  const locale = a.outcome.locale;
  if (heading) {
    const depth = heading[1].length;
    const replace = rangeOf(req, heading[2].length, 0);
    if (depth === digest.profile.sections?.depth) return sectionItems(digest, lineStart, replace, locale);
    if (depth === digest.profile.papers?.depth) return paperItems(digest, lineStart, replace, locale);
    return null;
  }
  // Only where a block label can be: a paragraph's first line.
  const prevLine = req.document.getText({ start: { line: Math.max(0, req.params.position.line - 1), character: 0 }, end: { line: req.params.position.line, character: 0 } });
  if (req.params.position.line > 0 && !/^\s*$|^\s{0,3}(#{1,6}\s|[-*_]{3,}\s*$)/.test(prevLine)) return null;
  const closing = /^\*\*/.test(req.lineSuffix) ? 2 : 0;
  return blockItems(digest, lineStart, rangeOf(req, bold![1].length, closing), locale);
};

function rangeOf(req: CompletionRequest, back: number, forward: number): Range {
  const p = req.params.position;
  return { start: { line: p.line, character: p.character - back }, end: { line: p.line, character: p.character + forward } };
}

function sectionItems(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en'): CompletionItem[] {
  const before = digest.sections.filter(s => s.heading.span.start < lineStart);
  const prev = before[before.length - 1];
  const n = prev?.heading.number ? prev.heading.number[0] + 1 : before.length + 1;
  const items: CompletionItem[] = [{
    label: `${n}. `, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-section'),
    textEdit: { range, newText: `${n}. ` }, sortText: '0', preselect: true,
  }];
  const toc = digest.toc?.list?.items.find(i => i.number?.[0] === n) ?? digest.toc?.list?.items[n - 1];
  if (toc?.title) items.push({
    label: `${n}. ${toc.title}`, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-section-toc', { number: n }),
    textEdit: { range, newText: `${n}. ${toc.title}` }, sortText: '1',
  });
  return items;
}

function paperItems(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en'): CompletionItem[] | null {
  const sections = digest.sections.filter(s => s.heading.span.start < lineStart);
  const section = sections[sections.length - 1];
  if (!section) return null;
  const n = section.heading.number?.[0] ?? sections.length;
  const before = section.papers.filter(p => p.heading && p.heading.span.start < lineStart);
  const prev = before[before.length - 1]?.heading?.number;
  const m = prev && prev.length === 2 ? prev[1] + 1 : before.length + 1;
  return [{
    label: `${n}.${m}. `, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-paper', { section: n }),
    textEdit: { range, newText: `${n}.${m}. ` }, sortText: '0', preselect: true,
  }];
}

function blockItems(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en'): CompletionItem[] | null {
  const papers = digest.papers.filter(p => !p.heading || p.heading.span.start < lineStart);
  const paper = papers[papers.length - 1];
  if (!paper) return null;
  // A label already on this line is the one being edited: it does not count as present.
  const present = new Set(paper.blocks.filter(b => b.labelSpan.start !== lineStart).map(b => b.spec.id));
  const specs = digest.profile.blocks;
  return specs.filter(s => !present.has(s.id)).map(spec => ({
    label: spec.label,
    kind: CompletionItemKind.Snippet,
    detail: message(locale, 'preview/completion-block', { position: specs.indexOf(spec) + 1, total: specs.length }),
    filterText: spec.label,
    sortText: String(specs.indexOf(spec)).padStart(2, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: blockSnippet(spec, digest.profile.locale === 'ko' ? '부제목' : 'subtitle') },
  }));
}

const escape = (s: string) => s.replace(/[\\$}]/g, m => '\\' + m);

/** The text after the opening `**`: the profile skeleton, with one arXiv-id tab stop mirrored into both links. */
export function blockSnippet(spec: BlockSpec, subtitle = 'subtitle'): string {
  if (spec.skeleton) {
    const body = escape(spec.skeleton.replace(/^\*\*/, ''));
    return body.replace(/(arxiv\.org\/(?:abs|pdf)\/)(?=\))/g, '$1${1:arXiv-id}') + '$0';
  }
  return `${escape(spec.label)}\${1:: \${2:${escape(subtitle)}}}**\n\n$0`;
}

export function registerStructureCompletion(_ctx: ServerContext): void {
  if (!completionProviders.includes(structureCompletion)) completionProviders.push(structureCompletion);
}
