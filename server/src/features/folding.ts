import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis, Feature } from './context';
import { lineRange } from './symbols';

/** Folding for sections and paper entries (a paper folds inside its section): a provider over the analysis. */
export function foldingRanges(a: Analysis): FoldingRange[] {
  const { digest, lineIndex } = a.outcome.result;
  const ranges: FoldingRange[] = [];
  const spans = [...digest.sections.map(s => s.span), ...digest.papers.filter(p => p.heading).map(p => p.span)];
  for (const span of spans) {
    const r = lineRange(lineIndex, span);
    if (r.endLine > r.startLine) ranges.push(r);
  }
  return ranges.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

export const foldingFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register: ctx => ctx.connection.onFoldingRanges(params => {
    const a = ctx.analysisOf(params.textDocument.uri);
    return a ? foldingRanges(a) : [];
  }),
};
