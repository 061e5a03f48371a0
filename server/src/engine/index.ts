/** The engine's public surface, used by the CLI, the language server and tests. */
import { checkTextSteps, type CheckOptions, type CheckResult } from './check';
import { ConfigResolver, type ConfigFile, type ResolvedConfig } from './config';
import { resolveFile, type FileSetup } from './resolve-file';
import { LineIndex } from './text';
import { runSteps } from './steps';
import type { Finding, Locale, Range, Severity } from './types';
import { forgetRunAnalyses, type GlossaryResolver, type ResolvedGlossary } from './glossary';
import { forgetMessages } from './messages';

export * from './types';
export { checkText, checkDigest, ruleLevel } from './check';
export type { CheckOptions, CheckResult, RuleSetting } from './check';
export { ConfigResolver, CONFIG_FILE, pathsOf } from './config';
export { posixPaths, uriPaths, type PathOps } from './paths';
export type { ResolvedConfig, FileReader, ConfigFile, FileProblems } from './config';
export { builtinProfile, BUILTIN_PROFILE_IDS, DEFAULT_PROFILE_ID, loadProfileText } from './profiles';
export type { Profile } from './profiles';
export { isDigestFile, frontMatterOptIn, DEFAULT_DIGEST_GLOBS } from './detect';
export { resolveFile } from './resolve-file';
export type { FileSetup, ResolveFileOptions } from './resolve-file';
export { LineIndex } from './text';
export { runSteps, runStepsAsync } from './steps';
export { applyEdits } from './fixes';
export { rules, ruleById } from './rules';
export type { Rule, RuleContext } from './rules/rule';
export { parseMarkdown } from './parse';
export { buildDigest } from './digest';
export { normaliseLocale, message } from './messages';
export { formatProblem } from './json-file';
export { glossaryResolverFor, GlossaryResolver, BUILTIN_GLOSSARY, WORKSPACE_GLOSSARY, addEntryEdits } from './glossary';
export type { ResolvedGlossary, CompiledGlossary, SourcedEntry } from './glossary';

/**
 * Empties what checks share across documents (each text run's glossary matches, finished
 * messages), so the next check costs what it costs in a fresh process: the benchmark's
 * "document seen for the first time". Nothing else needs it; the caches are bounded.
 */
export function forgetCaches(): void {
  forgetRunAnalyses();
  forgetMessages();
}

export const RULE_DOCS_BASE = 'https://github.com/paper-digest/paper-digest/blob/main/docs/rules/';

export interface LintOptions {
  resolver: ConfigResolver;
  overrides?: Partial<ConfigFile> & { configFile?: string; baseDir?: string };
  locale?: Locale;
  /** Extra engine env (the glossary), merged over what the config provides. */
  env?: Record<string, unknown>;
  onRuleError?: CheckOptions['onRuleError'];
  /** An already parsed tree of this exact text (the server's incremental parser supplies one). */
  root?: CheckOptions['root'];
  /** The document's memo of rule results per part (the server keeps one per open document). */
  memo?: CheckOptions['memo'];
  /** Glossary stacking and caching; by default one per ConfigResolver. */
  glossaries?: GlossaryResolver;
  /** What applies to the file, already resolved with these overrides (the CLI resolves it once per file). */
  setup?: FileSetup;
}

export interface LintOutcome {
  result: CheckResult; config: ResolvedConfig; glossary: ResolvedGlossary;
  /** The language the findings speak (see lintText): features of this document use it too. */
  locale: Locale;
}

/** Resolves the configuration for a file and checks its text. */
export function lintText(text: string, filePath: string, opts: LintOptions): LintOutcome {
  return runSteps(lintSteps(text, filePath, opts));
}

/** lintText as steps that yield between rules: the server runs them in slices (see steps.ts). */
export function* lintSteps(text: string, filePath: string, opts: LintOptions): Generator<void, LintOutcome> {
  const setup = opts.setup ?? resolveFile(filePath, text, opts);
  // The outcome's configuration lists every problem, glossary files' included, as they are reported alike.
  const config = { ...setup.config, problems: setup.problems };
  // The language: asked for (setting, flag), else the configuration's or the profile's (resolveFile).
  const locale = opts.locale ?? setup.locale;
  const result = yield* checkTextSteps(text, {
    profile: setup.profile,
    locale,
    rules: config.rules,
    env: { glossarySettings: config.glossary, glossary: setup.glossary.glossary, ...opts.env },
    onRuleError: opts.onRuleError,
    root: opts.root,
    memo: opts.memo,
  });
  return { result, config, glossary: setup.glossary, locale };
}

/** A finding in the public JSON shape (LSP-style 0-based ranges, UTF-16 characters). */
export interface JsonDiagnostic { rule: string; severity: Severity; message: string; range: Range; fixable: boolean }

export function toJsonDiagnostic(f: Finding, index: LineIndex): JsonDiagnostic {
  return { rule: f.rule, severity: f.severity, message: f.message, range: index.range(f.span), fixable: f.fixes.length > 0 };
}
