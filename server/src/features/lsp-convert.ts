import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { RULE_DOCS_BASE, type Finding, type LineIndex, type OffsetEdit } from '../engine';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { Analysis, ServerHooks } from './context';

const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export function toDiagnostic(f: Finding, index: LineIndex, uri?: string): Diagnostic {
  const d: Diagnostic = {
    range: index.range(f.span),
    severity: severity[f.severity],
    code: f.rule,
    codeDescription: { href: `${RULE_DOCS_BASE}${f.rule}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.rule === 'term-repeated-pair') d.tags = [DiagnosticTag.Unnecessary];
  if (uri && f.related.length) d.relatedInformation = f.related.map(r => ({ location: { uri, range: index.range(r.span) }, message: r.message }));
  return d;
}

export function analysisDiagnostics(a: Analysis): Diagnostic[] {
  const { findings, lineIndex } = a.outcome.result;
  return findings.map(f => toDiagnostic(f, lineIndex, a.uri));
}

/** What is published for a checked document: its own findings, then the workspace features' (the status bar counts the same). */
export function documentDiagnostics(a: Analysis, hooks: ServerHooks): Diagnostic[] {
  return [...analysisDiagnostics(a), ...hooks.extraDiagnostics.flatMap(h => h(a.uri))];
}

export function toTextEdits(index: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  return edits.map(e => ({ range: index.range(e), newText: e.text }));
}

