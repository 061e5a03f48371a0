/** Plain data shared by the engine, the language server and the CLI. No editor types here. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type RuleLevel = Severity | 'off';
/** Per-rule configuration: a level, or a level and options. */
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span { start: number; end: number }

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface OffsetEdit { start: number; end: number; text: string }

/** A fix a rule proposes; `safe` fixes are applied by "fix all" and the CLI's --fix. */
export interface Fix {
  title: string; edits: OffsetEdit[]; safe: boolean;
  /** Text the editor selects after applying the fix (a skeleton's first placeholder), searched from the first edit. */
  select?: string;
}

export interface RelatedInfo { span: Span; message: string }

/** What a rule reports, before severity and ranges are resolved. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  related: RelatedInfo[];
  /** Free data for editor features (e.g. a glossary entry id). */
  data?: Record<string, unknown>;
}

export type Locale = 'ko' | 'en';
