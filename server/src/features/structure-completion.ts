import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import { message } from '../engine';
import type { Digest } from '../engine/digest';
import type { BlockSpec } from '../engine/profiles';
import type { CompletionRequest, CompletionProvider } from './completion-request';

/**
 * Context-aware structure completion: after `### ` the next section number (with its title
 * from the TOC when there is one), after `#### ` the next paper number N.M. of the enclosing
 * section, after `**` at the start of a paragraph the blocks this paper still lacks, in
 * profile order.
 */
export const structureCompletion: CompletionProvider = req => {
  const heading = /^(#{1,6})[ \t]+([\d.]*)$/.exec(req.linePrefix);
  const bold = /^[ \t]{0,3}\*\*([^*]*)$/.exec(req.linePrefix);
  // `#` typed at the start of a line (a trigger character, so this shows while typing even though
  // Markdown has quick suggestions off), or Ctrl+Space on an empty line: the next section or entry.
  const lineHead = /^#{0,6}$/.test(req.linePrefix) && (req.linePrefix !== '' || req.params.context?.triggerKind === CompletionTriggerKind.Invoked);
  if (!heading && !bold && !lineHead) return null;
  const a = req.analysis();
  if (!a) return null;
  const digest = a.outcome.result.digest;
  const lineStart = req.offset - req.linePrefix.length;
  const locale = a.outcome.locale;
  if (lineHead || heading) {
    if (insideCode(digest, lineStart)) return null;
    const typed = lineHead ? req.linePrefix.length : heading![1].length;
    const fromLineStart = rangeOf(req, req.linePrefix.length, 0);
    const items: CompletionItem[] = [];
    if (heading) {
      // `### ` / `#### ` typed: the number alone, after the marker.
      const replace = rangeOf(req, heading[2].length, 0);
      if (typed === digest.profile.sections?.depth) items.push(...sectionItems(digest, lineStart, replace, locale));
      if (typed === digest.profile.papers?.depth) items.push(...paperItems(digest, lineStart, replace, locale) ?? []);
    } else {
      const marker = (depth: number) => '#'.repeat(depth) + ' ';
      const sections = digest.profile.sections?.depth;
      if (sections && typed <= sections) items.push(...sectionItems(digest, lineStart, fromLineStart, locale, marker(sections)));
      const papers = digest.profile.papers?.depth;
      if (papers && typed <= papers) items.push(...paperItems(digest, lineStart, fromLineStart, locale, marker(papers)) ?? []);
    }
    const entry = entryItem(digest, lineStart, fromLineStart, locale, typed);
    if (entry) items.push(entry);
    return items;
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

/** The number the next section at this place takes. */
function nextSection(digest: Digest, lineStart: number): number {
  const before = digest.sections.filter(s => s.heading.span.start < lineStart);
  const prev = before[before.length - 1];
  return prev?.heading.number ? prev.heading.number[0] + 1 : before.length + 1;
}

/** The number N.M the next paper at this place takes, in the enclosing section; null before the first section. */
function nextPaper(digest: Digest, lineStart: number): { n: number; m: number } | null {
  const sections = digest.sections.filter(s => s.heading.span.start < lineStart);
  const section = sections[sections.length - 1];
  if (!section) return null;
  const n = section.heading.number?.[0] ?? sections.length;
  const before = section.papers.filter(p => p.heading && p.heading.span.start < lineStart);
  const prev = before[before.length - 1]?.heading?.number;
  return { n, m: prev && prev.length === 2 ? prev[1] + 1 : before.length + 1 };
}

/** `marker` is the heading's `### ` when the item writes the whole line start (typed `#` only), '' after the marker. */
function sectionItems(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en', marker = ''): CompletionItem[] {
  const n = nextSection(digest, lineStart);
  const items: CompletionItem[] = [{
    label: `${marker}${n}. `, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-section'),
    filterText: `${marker}${n}.`, textEdit: { range, newText: `${marker}${n}. ` }, sortText: '0', preselect: !marker,
  }];
  const toc = digest.toc?.list?.items.find(i => i.number?.[0] === n) ?? digest.toc?.list?.items[n - 1];
  if (toc?.title) items.push({
    label: `${marker}${n}. ${toc.title}`, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-section-toc', { number: n }),
    filterText: `${marker}${n}. ${toc.title}`, textEdit: { range, newText: `${marker}${n}. ${toc.title}` }, sortText: '1',
  });
  return items;
}

function paperItems(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en', marker = ''): CompletionItem[] | null {
  const next = nextPaper(digest, lineStart);
  if (!next) return null;
  const { n, m } = next;
  return [{
    label: `${marker}${n}.${m}. `, kind: CompletionItemKind.EnumMember, detail: message(locale, 'preview/completion-paper', { section: n }),
    filterText: `${marker}${n}.${m}.`, textEdit: { range, newText: `${marker}${n}.${m}. ` }, sortText: '0', preselect: !marker,
  }];
}

/** A whole paper entry, numbered for this place: heading, intro and the profile's blocks, as the "Paper entry" snippet. */
function entryItem(digest: Digest, lineStart: number, range: Range, locale: 'ko' | 'en', typed: number): CompletionItem | null {
  const depth = digest.profile.papers?.depth;
  const next = nextPaper(digest, lineStart);
  if (!depth || !next || typed > depth) return null;
  const number = `${next.n}.${next.m}.`;
  const marker = '#'.repeat(depth);
  return {
    label: `${marker} ${number} ${message(locale, 'preview/completion-entry-label')}`,
    kind: CompletionItemKind.Snippet,
    detail: message(locale, 'preview/completion-entry', { number: number.slice(0, -1), blocks: digest.profile.blocks.filter(b => b.required).length }),
    filterText: `${marker} ${number}`,
    sortText: '2',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: entrySnippet(digest, `${marker} ${number}`) },
  };
}

/** The entry's snippet text: the same stand-ins as snippets/paper-digest.code-snippets (placeholder-text reports them). */
export function entrySnippet(digest: Digest, heading: string): string {
  const ko = digest.profile.locale !== 'en';
  const [title, original, intro, subtitle, body] = ko
    ? ['논문 제목', 'English Title', '이 논문은 …을 제안합니다.', '부제목', '(작성 필요)']
    : ['Paper title', '', 'This paper proposes ….', 'subtitle', '(to be written)'];
  let k = 1;
  const stop = (text: string) => `\${${k++}:${escape(text)}}`;
  const lines = [`${heading} ${stop(title)}${original ? `(${stop(original)})` : ''}`, '', stop(intro), ''];
  for (const spec of digest.profile.blocks.filter(b => b.required)) {
    if (spec.resources && spec.skeleton) {
      const id = k++;
      lines.push(escape(spec.skeleton).replace(/(arxiv\.org\/(?:abs|pdf)\/)(?=\))/g, `$1\${${id}:arXiv-id}`), '');
    } else {
      lines.push(`**${escape(spec.label)}: ${stop(subtitle)}**`, '', stop(body), '');
    }
  }
  return lines.join('\n') + '$0';
}

/** Is the offset inside fenced or indented code, raw HTML or front matter (where a `#` is not a heading)? */
function insideCode(digest: Digest, offset: number): boolean {
  const stack = [...digest.root.children] as { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[];
  while (stack.length) {
    const n = stack.pop()!;
    const start = n.position?.start.offset ?? -1, end = n.position?.end.offset ?? -1;
    if (offset < start || offset > end) continue;
    if (n.type === 'code' || n.type === 'html' || n.type === 'yaml') return offset > start || n.type !== 'html';
    if (n.children) stack.push(...(n.children as typeof stack));
  }
  return false;
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
