import type { JsonDiagnostic } from '../../engine';

export interface FileReport { path: string; diagnostics: JsonDiagnostic[] }

/** The public JSON shape (version 1): one document on stdout. Keep it stable. */
export function formatJson(files: FileReport[]): string {
  return JSON.stringify({ version: 1, files }) + '\n';
}
