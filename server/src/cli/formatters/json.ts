import type { JsonDiagnostic } from '../../engine';
import type { FileReport } from './report';

/**
 * The public JSON shape (version 1): one document on stdout. Keep it stable:
 * {"version":1,"files":[{"path","diagnostics":[{"rule","severity","message","range","fixable"}]}]}
 * Ranges are 0-based lines and UTF-16 characters, as in LSP.
 */
export function formatJson(files: Pick<FileReport, 'path' | 'diagnostics'>[]): string {
  const shaped = files.map(f => ({ path: f.path, diagnostics: f.diagnostics.map(pick) }));
  return JSON.stringify({ version: 1, files: shaped }) + '\n';
}

// Only the documented keys, in the documented order, whatever else a diagnostic carries.
const pick = (d: JsonDiagnostic): JsonDiagnostic => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range, fixable: d.fixable });
