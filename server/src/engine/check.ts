import type { Root } from 'mdast';
import { parseMarkdown } from './parse';
import { buildDigest, type Digest } from './digest';
import type { Profile } from './profiles';
import { LineIndex, detectEol } from './text';
import { message } from './messages';
import { rules as allRules } from './rules';
import type { Rule, Report } from './rules/rule';
import type { Finding, Locale, RuleLevel, RuleSetting, Severity } from './types';
import { isSuppressed, suppressionRegions } from './suppress';
import { FixGuard } from './fix-guard';
import { runSteps } from './steps';
import { serial, type PartMemo } from './part-memo';

export type { RuleSetting } from './types';

export interface CheckOptions {
  profile: Profile;
  locale?: Locale;
  /** Rule levels and options; unlisted rules use the profile's, then the rule's default. */
  rules?: Record<string, RuleSetting>;
  /** Extras for rules (the glossary and glossary settings), passed through untouched. */
  env?: Record<string, unknown>;
  /** Called when a rule throws; the rule's findings are dropped for this run. */
  onRuleError?: (rule: string, error: unknown) => void;
  /** An already parsed tree for this exact text (the incremental path supplies one). */
  root?: Root;
  /** The document's memo of rule results per part, kept from its previous check (see part-memo.ts). */
  memo?: PartMemo;
}

export interface CheckResult {
  digest: Digest;
  findings: Finding[];
  lineIndex: LineIndex;
  /** Rules that threw, with their error messages. */
  failures: { rule: string; error: string }[];
}

export function ruleLevel(rule: Rule, opts: Pick<CheckOptions, 'rules' | 'profile'>): { level: RuleLevel; options: Record<string, unknown> } {
  const s = opts.rules?.[rule.id] ?? opts.profile.rules[rule.id];
  if (Array.isArray(s)) return { level: s[0], options: s[1] ?? {} };
  return { level: s ?? rule.defaultSeverity, options: {} };
}

/** Parses and checks a document: text in, plain findings out. */
export function checkText(text: string, opts: CheckOptions): CheckResult {
  return runSteps(checkTextSteps(text, opts));
}

/** checkText as steps: the parse, then each rule (see steps.ts). */
export function* checkTextSteps(text: string, opts: CheckOptions): Generator<void, CheckResult> {
  const root = opts.root ?? parseMarkdown(text);
  yield;
  const digest = buildDigest(root, text, opts.profile);
  yield;
  return yield* checkDigestSteps(digest, opts);
}

export function checkDigest(digest: Digest, opts: CheckOptions): CheckResult {
  return runSteps(checkDigestSteps(digest, opts));
}

function* checkDigestSteps(digest: Digest, opts: CheckOptions): Generator<void, CheckResult> {
  const text = digest.text;
  const locale = opts.locale ?? opts.profile.locale;
  const lineIndex = new LineIndex(text);
  const eol = detectEol(text);
  const findings: Finding[] = [];
  const failures: CheckResult['failures'] = [];
  const guard = new FixGuard(text, digest.root);
  // A rule's fixes are worked out when first read, after the rule ran: a failure then is added to
  // this check's failures and reported once per rule, however many findings it touches.
  const failedFixes = new Set<string>();
  const fixFailed = (rule: string, error: unknown) => {
    if (failedFixes.has(rule)) return;
    failedFixes.add(rule);
    failures.push({ rule, error: (error as Error)?.message ?? String(error) });
    opts.onRuleError?.(rule, error);
  };
  const memo = opts.memo;
  const lastInk = text.trimEnd().length - 1;
  memo?.begin();
  const env = opts.env ?? {};
  for (const rule of allRules) {
    const { level, options } = ruleLevel(rule, opts);
    if (level === 'off') continue;
    const found: Finding[] = [];
    // Inside a part, reports are collected for the memo; they become findings once the part is done.
    let inPart: Report[] | null = null;
    const report = (r: Report) => inPart ? inPart.push(r) : found.push(toFinding(rule, level, r, locale, text.length, guard, fixFailed));
    const settings = `${rule.id}\u0000${serial(opts.profile)}\u0000${serial(env.glossary as object | undefined)}\u0000${locale}\u0000${eol}\u0000${JSON.stringify(options)}\u0000${JSON.stringify(env.glossarySettings ?? null)}\u0000`;
    const part = (span: { start: number; end: number }, check: () => void) => {
      if (!memo || inPart) { check(); return; }
      // A part's checks may look just outside it: the character before, the two after, and whether
      // only blank text follows (a block inserted at the end needs no line break after it).
      const edges = `${span.start === 0 ? '^' : text[span.start - 1]}\u0000${text.slice(span.end, span.end + 2)}${span.end > lastInk ? '$' : ''}\u0000`;
      const reports = memo.reports(settings, edges, digest.root, text, span, () => {
        const collected: Report[] = (inPart = []);
        try { check(); } finally { inPart = null; }
        return collected;
      });
      for (const r of reports) report(r);
    };
    try {
      rule.check({ digest, text, profile: opts.profile, locale, eol, options, env, report, part, memo });
      for (const f of found) findings.push(f);
    } catch (error) {
      failures.push({ rule: rule.id, error: (error as Error)?.message ?? String(error) });
      opts.onRuleError?.(rule.id, error);
    }
    yield;
  }
  const regions = suppressionRegions(digest.root, lineIndex);
  const kept = findings.filter(f => !isSuppressed(f, regions, lineIndex));
  // Rule ids are lowercase ASCII: code-unit order is their collation order, without ICU's cost.
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { digest, findings: kept, lineIndex, failures };
}

function clampSpan(s: { start: number; end: number }, len: number) {
  const start = Math.max(0, Math.min(s.start, len));
  return { start, end: Math.max(start, Math.min(s.end, len)) };
}

function toFinding(rule: Rule, severity: Severity, r: Report, locale: Locale, len: number, guard: FixGuard, onError: (rule: string, error: unknown) => void): Finding {
  const id = (m: string) => `${rule.id}/${m}`;
  // The fixes are worked out when first asked for (a code action, fix-all, the CLI's output), not
  // for every finding of every check: publishing diagnostics after an edit needs none of them.
  // An accessor in the literal: an own, enumerable property like the others, without the cost of
  // defining it on the object afterwards.
  let fixes: Finding['fixes'] | undefined;
  return {
    rule: rule.id,
    severity,
    message: message(locale, id(r.messageId), r.data),
    span: clampSpan(r.span, len),
    get fixes(): Finding['fixes'] { return (fixes ??= guardedFixes(r, severity, rule, locale, guard, id, onError)); },
    set fixes(v: Finding['fixes']) { fixes = v; },
    related: (r.related ?? []).map(x => ({ span: clampSpan(x.span, len), message: message(locale, id(x.messageId), x.data) })),
    data: r.extra,
  };
}

function guardedFixes(r: Report, severity: Severity, rule: Rule, locale: Locale, guard: FixGuard, id: (m: string) => string, onError: (rule: string, error: unknown) => void): Finding['fixes'] {
  try {
    return guardFixes(r, severity, rule, locale, guard, id);
  } catch (error) {
    // Worked out later than the rule ran, so outside its try/catch: a failure loses the fixes, not the finding.
    onError(rule.id, error);
    return [];
  }
}

function guardFixes(r: Report, severity: Severity, rule: Rule, locale: Locale, guard: FixGuard, id: (m: string) => string): Finding['fixes'] {
  const fixes: Finding['fixes'] = [];
  for (const f of r.fixes ?? []) {
    // The guard drops fixes that would damage text and demotes those it cannot vouch for.
    // A hint is a suggestion about style: its fixes are never applied unasked (and not counted as --fix-able).
    const guarded = guard.guard(f.edits, (f.safe ?? true) && severity !== 'hint', rule.category === 'glossary');
    if (guarded) fixes.push({ title: message(locale, id(f.messageId), f.data), ...guarded, ...(f.select ? { select: f.select } : {}) });
  }
  return fixes;
}
