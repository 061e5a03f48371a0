import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { LineIndex, message, type Finding, type Locale, type OffsetEdit } from '../engine';
import { suppressionEdit } from '../engine/suppress';
import { fixAllEdits } from '../engine/fix-all';
import { FIX_ALL_KIND, SelectTextCommand } from '../../../shared/protocol';
import type { Analysis, ServerContext } from './context';
import { toDiagnostic } from './lsp-convert';
import { glossaryActions } from './glossary-actions';

// The fix-all set is computed by the engine (the CLI's --fix uses the same); re-exported for callers here.

export function toTextEdits(index: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  return edits.map(e => ({ range: index.range(e), newText: e.text }));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(params => {
    const a = ctx.analysisOf(params.textDocument.uri);
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
          // Only for clients that implement it: other LSP clients would be handed a command they cannot run.
          ...(fix.select && ctx.clientCommands().includes(SelectTextCommand)
            ? { command: { title: fix.select, command: SelectTextCommand, arguments: [a.uri, lineIndex.range(fix.edits[0]).start.line, fix.select] } }
            : {}),
        }));
        actions.push(...glossaryActions(ctx, a, f, diagnostic));
      }
      actions.push(...suppressionActions(a, findings.filter(f => f.span.end >= start && f.span.start <= end), ctx.locale(a.uri)));
    }
    if (wantsFixAll) {
      const edits = fixAllEdits(findings);
      if (edits.length) actions.push({ title: ctx.locale(a.uri) === 'ko' ? '고칠 수 있는 문제 모두 고치기 (paper-digest)' : 'Fix all auto-fixable problems (paper-digest)', kind: FIX_ALL_KIND, edit: { changes: { [a.uri]: toTextEdits(lineIndex, edits) } } });
    }
    return actions;
  });
}

/**
 * "Disable RULE for this line / for this file": the suppression comments, written by the
 * engine (suppress.ts), once per rule and line; never preferred, never part of fix-all.
 */
function suppressionActions(a: Analysis, findings: Finding[], locale: Locale): CodeAction[] {
  const { lineIndex, digest } = a.outcome.result;
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const scope of ['line', 'file'] as const) {
    for (const f of findings) {
      const key = scope === 'line' ? `${f.rule}@${lineIndex.positionAt(f.span.start).line}` : f.rule;
      if (seen.has(`${scope}:${key}`)) continue;
      seen.add(`${scope}:${key}`);
      const edit = suppressionEdit(a.text, digest.root, f, scope);
      if (!edit) continue;
      const silenced = findings.filter(g => g.rule === f.rule && (scope === 'file' || lineIndex.positionAt(g.span.start).line === lineIndex.positionAt(f.span.start).line));
      out.push({
        title: message(locale, scope === 'line' ? 'suppress/fix-line' : 'suppress/fix-file', { rule: f.rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: silenced.map(g => toDiagnostic(g, lineIndex)),
        edit: { changes: { [a.uri]: toTextEdits(lineIndex, [edit]) } },
      });
    }
  }
  return out;
}

export type { Diagnostic };
