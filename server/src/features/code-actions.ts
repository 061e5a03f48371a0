import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { LineIndex, type Finding, type OffsetEdit } from '../engine';
import { FIX_ALL_KIND } from '../protocol';
import type { Analysis, ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import { glossaryActions } from './glossary-actions';

export function toTextEdits(index: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  return edits.map(e => ({ range: index.range(e), newText: e.text }));
}

/** All safe fixes that do not overlap, in document order: the "fix all" set. */
export function fixAllEdits(findings: Finding[]): OffsetEdit[] {
  const chosen: OffsetEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const fix = f.fixes.find(x => x.safe);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // several findings often share one fix (renumber, TOC rewrite)
    const overlaps = fix.edits.some(e => taken.some(t => e.start < t.end && t.start < e.end || (e.start === e.end && e.start > t.start && e.start < t.end)));
    if (overlaps) continue;
    seen.add(key);
    chosen.push(...fix.edits);
    taken.push(...fix.edits.map(e => ({ start: e.start, end: e.end })));
  }
  return chosen;
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(params => {
    const a = ctx.analyze(params.textDocument.uri);
    if (!a) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const { findings, lineIndex } = a.outcome.result;
    const wantsFixAll = !only || only.some(k => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
    const wantsQuickFix = !only || only.some(k => CodeActionKind.QuickFix.startsWith(k));
    if (wantsQuickFix) {
      const start = lineIndex.offsetAt(params.range.start), end = lineIndex.offsetAt(params.range.end);
      for (const f of findings) {
        if (f.span.end < start || f.span.start > end) continue;
        const diagnostic = toDiagnostic(f, lineIndex);
        f.fixes.forEach((fix, i) => actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && fix.safe,
          edit: { changes: { [a.uri]: toTextEdits(lineIndex, fix.edits) } },
        }));
        actions.push(...glossaryActions(ctx, a, f, diagnostic));
      }
    }
    if (wantsFixAll) {
      const edits = fixAllEdits(findings);
      if (edits.length) actions.push({ title: ctx.locale() === 'ko' ? '고칠 수 있는 문제 모두 고치기 (paper-digest)' : 'Fix all auto-fixable problems (paper-digest)', kind: FIX_ALL_KIND, edit: { changes: { [a.uri]: toTextEdits(lineIndex, edits) } } });
    }
    return actions;
  });
}

export function analysisFixAll(a: Analysis): TextEdit[] {
  return toTextEdits(a.outcome.result.lineIndex, fixAllEdits(a.outcome.result.findings));
}
export type { Diagnostic };
