import type { Digest } from '../digest';
import type { Profile } from '../profiles';
import type { Locale, OffsetEdit, Severity, Span } from '../types';
import type { PartMemo } from '../part-memo';

export interface ReportFix {
  /** Message id of the fix title (under the rule's id), e.g. "fix". */
  messageId: string;
  data?: Record<string, unknown>;
  edits: OffsetEdit[];
  /** Safe fixes are applied by "fix all" and `--fix`; unsafe ones only when chosen by hand. */
  safe?: boolean;
  /** Text to select in the editor after the fix is applied (the first placeholder of a skeleton). */
  select?: string;
}

export interface Report {
  span: Span;
  /** Message id under the rule's id: "unexpected" means "<rule-id>/unexpected". */
  messageId: string;
  data?: Record<string, unknown>;
  fixes?: ReportFix[];
  related?: { span: Span; messageId: string; data?: Record<string, unknown> }[];
  extra?: Record<string, unknown>;
}

export interface RuleContext {
  digest: Digest;
  text: string;
  profile: Profile;
  locale: Locale;
  /** The document's dominant line break, for fixes that insert lines. */
  eol: string;
  /** Rule options from configuration (the second element of `["warning", {…}]`). */
  options: Record<string, unknown>;
  /** Engine-wide extras (the glossary, settings) keyed by name; rules read what they need. */
  env: Record<string, unknown>;
  report(r: Report): void;
  /**
   * Runs `check` for one part of the document (a paper entry, the blocks under a heading) whose findings
   * depend only on the text in `span` (with the character before it, the two after it, and whether
   * only blank text follows) and on the check's settings (profile, options, locale, line break,
   * glossary); its reports go through `report` as usual. After an edit elsewhere the part's
   * reports are reused, moved to where the part now is, instead of worked out again.
   */
  part(span: Span, check: () => void): void;
  /** The document's memo, kept from its previous check, for analyses shared by rules (the glossary's). */
  memo?: PartMemo;
}

/**
 * A rule: one file under rules/, named after its id. The doc comment on each rule says what it
 * checks, why, and gives an ok and a not-ok example; docs/rules/<id>.md is its help page.
 */
export interface Rule {
  id: string;
  category: 'structure' | 'glossary';
  defaultSeverity: Severity;
  fixable: boolean;
  /** One-line descriptions, shown in docs, SARIF and hovers. */
  description: { en: string; ko: string };
  check(ctx: RuleContext): void;
}
