import type { Finding, JsonDiagnostic, LineIndex, Locale } from '../../engine';

/** One linted file, as every formatter receives it; `findings` line up with `diagnostics`. */
export interface FileReport {
  /** Forward-slash path as printed (relative to the working folder, or as named). */
  path: string;
  diagnostics: JsonDiagnostic[];
  findings: Finding[];
  lineIndex: LineIndex;
}

export interface FormatOptions {
  color: boolean; locale: Locale; cwd: string; version: string;
  /** SARIF: the folder artifact URIs are relative to (%SRCROOT%); default `cwd` (lint --sarif-root). */
  sarifRoot?: string;
  /** The process environment (github: GITHUB_STEP_SUMMARY). */
  env?: NodeJS.ProcessEnv;
  /** How many findings --quiet left out (stylish says so). */
  hidden?: number;
}

export type Formatter = (files: FileReport[], opts: FormatOptions) => string;
