import { CodeActionKind, type CancellationToken, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, type Finding, type Locale } from '../engine';
import { suppressionEdit } from '../engine/suppress';
import { fixAllEdits } from '../engine/fix-all';
import { FIX_ALL_KIND, SelectTextCommand } from '../../../shared/protocol';
import type { Analysis, Feature } from './context';
import { toDiagnostic, toTextEdits } from './lsp-convert';
import { glossaryActions } from './glossary-actions';
import type { ServerFiles } from '../platform';

/** What code actions need besides the analysis: the document's language, the client, and open documents. */
export interface CodeActionEnv {
  locale: Locale;
  /** Client-side commands the client implements (a fix's "select" runs only there). */
  clientCommands: string[];
  /** An open document by uri (the workspace glossary's unsaved text wins over the disk's). */
  openDocument(uri: string): TextDocument | undefined;
  /** How the workspace glossary is named and read. */
  files: ServerFiles;
}

/**
 * The code actions for a range: each finding's fixes and suppressions, "add to the workspace
 * glossary", and fix-all (computed by the engine, as the CLI's --fix). A provider over the analysis.
 */
export function codeActions(a: Analysis, range: Range, only: string[] | undefined, env: CodeActionEnv, token?: CancellationToken): CodeAction[] {
  const actions: CodeAction[] = [];
  const { findings, lineIndex } = a.outcome.result;
  const wantsFixAll = !only || only.some(k => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  const wantsQuickFix = !only || only.some(k => CodeActionKind.QuickFix.startsWith(k));
  if (wantsQuickFix) {
    const start = lineIndex.offsetAt(range.start), end = lineIndex.offsetAt(range.end);
    for (const f of findings) {
      if (token?.isCancellationRequested) return [];
      if (f.span.end < start || f.span.start > end) continue;
      const diagnostic = toDiagnostic(f, lineIndex);
      f.fixes.forEach((fix, i) => actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fix.safe,
        edit: { changes: { [a.uri]: toTextEdits(lineIndex, fix.edits) } },
        // Only for clients that implement it: other LSP clients would be handed a command they cannot run.
        ...(fix.select && env.clientCommands.includes(SelectTextCommand)
          ? { command: { title: fix.select, command: SelectTextCommand, arguments: [a.uri, lineIndex.range(fix.edits[0]).start.line, fix.select] } }
          : {}),
      }));
      actions.push(...glossaryActions(env.openDocument, env.files, a, f, diagnostic));
    }
    actions.push(...suppressionActions(a, findings.filter(f => f.span.end >= start && f.span.start <= end), env.locale));
  }
  if (wantsFixAll) {
    const edits = fixAllEdits(findings);
    if (edits.length) actions.push({ title: message(env.locale, 'code-action/fix-all'), kind: FIX_ALL_KIND, edit: { changes: { [a.uri]: toTextEdits(lineIndex, edits) } } });
  }
  return actions;
}

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } },
  register(ctx) {
    ctx.connection.onCodeAction((params, token) => {
      const a = ctx.analysisOf(params.textDocument.uri);
      if (!a) return [];
      const env: CodeActionEnv = { locale: ctx.locale(a.uri), clientCommands: ctx.clientCommands(), openDocument: uri => ctx.documents.get(uri), files: ctx.platform.files };
      return codeActions(a, params.range, params.context.only, env, token);
    });
  },
};

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

