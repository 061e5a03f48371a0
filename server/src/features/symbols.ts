import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { message, type LineIndex, type Locale, type Span } from '../engine';
import type { Block, Paper, Section } from '../engine/digest';
import type { Analysis, Feature } from './context';

export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: true },
  register: ctx => ctx.connection.onDocumentSymbol(params => {
    const a = ctx.analysisOf(params.textDocument.uri);
    return a ? documentSymbols(a, ctx.locale(params.textDocument.uri)) : [];
  }),
};

/** The outline view and breadcrumbs of a digest: TOC, sections → papers → blocks; a provider over the analysis. */
export function documentSymbols(a: Analysis, locale: Locale): DocumentSymbol[] {
  const { digest, lineIndex } = a.outcome.result;
  const sym = (name: string, kind: SymbolKind, range: Span, selection: Span, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol =>
    ({ name: name.trim() || '…', kind, range: lineIndex.range(range), selectionRange: lineIndex.range(selection), children, detail });

  const block = (b: Block) => sym(b.labelText.replace(/^#+\s*/, '').replace(/\*\*/g, '').replace(/[:：]\s*$/, ''), SymbolKind.Field, b.span, b.labelSpan);
  const paper = (p: Paper): DocumentSymbol | DocumentSymbol[] => {
    const blocks = p.blocks.map(block);
    if (!p.heading) return blocks;
    const missing = digest.profile.blocks.filter(s => s.required && !p.blocks.some(b => b.spec.id === s.id)).map(s => s.label);
    const detail = missing.length ? message(locale, 'preview/symbol-missing', { blocks: missing.join(', ') }) : undefined;
    return sym(p.heading.text, SymbolKind.Class, cover(p.span, p.heading.span), p.heading.contentSpan, blocks, detail);
  };
  const section = (s: Section) => sym(s.heading.text, SymbolKind.Namespace, cover(s.span, s.heading.span), s.heading.contentSpan, s.papers.flatMap(paper));

  const out: DocumentSymbol[] = [];
  if (digest.toc) {
    const span = digest.toc.list ? { start: digest.toc.labelSpan.start, end: digest.toc.list.span.end } : digest.toc.labelSpan;
    out.push(sym(message(locale, 'preview/symbol-toc'), SymbolKind.Package, span, digest.toc.labelSpan));
  }
  const items: { at: number; symbols: DocumentSymbol | DocumentSymbol[] }[] = [
    ...digest.sections.map(s => ({ at: s.span.start, symbols: section(s) })),
    ...digest.papers.filter(p => !p.section).map(p => ({ at: p.span.start, symbols: paper(p) })),
  ];
  items.sort((x, y) => x.at - y.at);
  for (const i of items) out.push(...([] as DocumentSymbol[]).concat(i.symbols));
  return out;
}

/** A span that contains the heading even when the entry's text is empty. */
function cover(span: Span, heading: Span): Span {
  return { start: Math.min(span.start, heading.start), end: Math.max(span.end, heading.end) };
}

/** Lines of a span, for folding: first and last line. */
export function lineRange(index: LineIndex, span: Span): { startLine: number; endLine: number } {
  return { startLine: index.positionAt(span.start).line, endLine: index.positionAt(span.end).line };
}
