import * as path from 'path';
import * as fs from 'fs';
import {
  ConfigResolver, message, lintText, resolveFile, toJsonDiagnostic, formatProblem, ruleById,
  DEFAULT_DIGEST_GLOBS, SEVERITIES, type FileProblems, type Finding, type LintOutcome, type LineIndex, type Locale, type RuleLevel, type RuleSetting,
} from '../../engine';
import { nodeFileReader } from '../../engine/node-files';
import { parseCommandArgs } from '../args';
import { cliLocale, t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, flagLocale, type CliIO } from '../io';
import { collectTargets, isDigestTarget, type Target } from '../targets';
import { readSource, keepLineEndings, writeAtomic, type SourceText } from '../files';
import { fixAll } from '../../engine/fix-all';
import { createProgress } from '../progress';
import { formatStylish } from '../formatters/stylish';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatGithub } from '../formatters/github';
import { unifiedDiff } from '../formatters/diff';
import type { FileReport, Formatter } from '../formatters/report';

export const LINT_USAGE = `Usage: paper-digest lint [options] FILE|FOLDER|GLOB...

Checks digests. Files named on the command line are always checked; folders and globs yield the
Markdown files that are digests (config "files" globs, default ${DEFAULT_DIGEST_GLOBS.join(', ')},
or front matter "paper-digest: true" / "profile: ID"), skipping what .gitignore and
.paperdigestignore exclude. Exit 0: no errors; 1: errors (or more warnings than --max-warnings);
2: usage or configuration error.

Options:
  --format stylish|json|sarif|github   output format (default: stylish)
  --sarif-root DIR           sarif: artifact URIs relative to DIR (default: the working folder)
  --fix                      apply all safe fixes, rewrite the files, report what remains
  --fix-dry-run              print the fixes as a unified diff; change nothing
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only
  --rule RULE=LEVEL          set a rule's level (off, hint, information, warning, error); repeatable
  --profile ID|PATH          profile id (weekly-digest-ko, …) or profile JSON file
  --config PATH              use this configuration file instead of looking for .paperdigestrc.json
  --glossary PATH            an extra glossary file (stacked after configured ones); repeatable
  --locale ko|en             message language (default: PAPER_DIGEST_LOCALE, the config's, the profile's)
  --digests-only             filter named files like folder contents (digest detection, ignore files): for hooks
  --all-markdown             treat every Markdown file found as a digest
  --progress                 show progress on stderr even when it is not a terminal
  -h, --help                 show this help
`;

const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub,
};
const LEVELS: RuleLevel[] = ['off', ...SEVERITIES];

/** `--rule a=warning --rule b=off` → { a: 'warning', b: 'off' }, checking ids and levels. */
export function parseRuleFlags(specs: string[], locale: Locale): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)[=:](\w+)$/.exec(spec.trim());
    if (!m) throw new UsageError(t(locale, 'bad-rule-flag', { value: spec }));
    if (!ruleById.has(m[1])) throw new UsageError(t(locale, 'unknown-rule', { rule: m[1] }));
    if (!LEVELS.includes(m[2] as RuleLevel)) throw new UsageError(t(locale, 'bad-level', { value: m[2], levels: LEVELS.join(', ') }));
    out[m[1]] = m[2] as RuleLevel;
  }
  return out;
}

/** What is kept of a checked file until the report: findings and positions, not the parsed tree (memory on big runs). */
interface Linted { target: Target; findings: Finding[]; lineIndex: LineIndex; locale: Locale }
const keep = (target: Target, o: LintOutcome): Linted => ({ target, findings: o.result.findings, lineIndex: o.result.lineIndex, locale: o.locale });

export function lintCommand(argv: string[], io: CliIO, version: string): number {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', default: 'stylish' },
    'sarif-root': { type: 'string' },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    profile: { type: 'string' },
    config: { type: 'string' },
    glossary: { type: 'string', multiple: true },
    locale: { type: 'string' },
    'digests-only': { type: 'boolean' },
    'all-markdown': { type: 'boolean' },
    progress: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout(LINT_USAGE); return EXIT_OK; }
  const locale = flagLocale(values.locale, io.env);
  // Findings speak --locale or PAPER_DIGEST_LOCALE when given, else their profile's language
  // (a Korean digest gets Korean messages on an English system); LANG only for the CLI's own words.
  const asked: Locale | undefined = values.locale !== undefined || io.env.PAPER_DIGEST_LOCALE ? cliLocale(values.locale, io.env) : undefined;
  const format = values.format!;
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(t(locale, 'unknown-format', { format, formats: Object.keys(FORMATTERS).join(', ') }));
  if (values.fix && values['fix-dry-run']) throw new UsageError(t(locale, 'fix-conflict'));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(t(locale, 'bad-max-warnings', { value: values['max-warnings'] }));
    maxWarnings = Number(values['max-warnings']);
  }
  if (!positionals.length) throw new UsageError(t(locale, 'no-files'), true);
  const ruleOverrides = parseRuleFlags(values.rule ?? [], locale);

  const targets = collectTargets(positionals, { cwd: io.cwd, locale, applyIgnoresToFiles: values['digests-only'] });
  const resolver = new ConfigResolver(nodeFileReader(fs));
  const overrides = {
    profile: values.profile,
    configFile: values.config && path.resolve(io.cwd, values.config),
    baseDir: io.cwd,
    ...(Object.keys(ruleOverrides).length ? { rules: ruleOverrides } : {}),
    ...(values.glossary?.length ? { glossaries: values.glossary } : {}),
  };
  const progress = createProgress(io, targets.length, !!values.progress);
  const linted: Linted[] = [];
  const configProblems = new Map<string, FileProblems>();
  for (const target of targets) {
    progress.tick(target.display);
    let source: SourceText;
    try { source = readSource(target.abs); } catch (e) {
      progress.done();
      throw new UsageError(t(locale, 'cannot-read', { file: target.display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    // Configuration, profile and glossaries, resolved once for this file: every pass of --fix checks with them.
    const setup = resolveFile(target.abs, source.text, { resolver, overrides });
    const note = (problems: FileProblems[]) => { for (const p of problems) configProblems.set(`${p.file}\0${p.problems.map(x => x.message).join()}`, p); };
    // Configuration problems count for every file; a glossary's only for the digests checked with it.
    note(setup.config.problems);
    if (setup.config.problems.length) continue;
    if ((!target.explicit || values['digests-only']) && !values['all-markdown'] && !isDigestTarget(target, source.text, resolver, setup.config, io.cwd)) continue;
    note(setup.problems);
    if (setup.problems.length) continue;
    const lint = (text: string) => lintText(text, target.abs, {
      resolver, locale: asked, overrides, setup,
      onRuleError: (rule, err) => io.stderr(t(locale, 'rule-failed', { rule, file: target.display, error: (err as Error)?.stack ?? String(err) }) + '\n'),
    });
    const first = lint(source.text);
    if (!values.fix && !values['fix-dry-run']) {
      linted.push(keep(target, first));
      continue;
    }
    // A file that is not UTF-8 is checked (undecodable bytes read as U+FFFD) but never rewritten.
    if (values.fix && source.validUtf8 === false) throw new UsageError(t(locale, 'cannot-write', { file: target.display, reason: message(locale, 'file/fix-invalid-utf8', { file: target.display }) }));
    const r = fixAll(source.text, lint, o => o.result.findings, first);
    linted.push(keep(target, r.outcome));
    if (r.text === source.text) continue;
    const fixed = { text: keepLineEndings(source.text, r.text), bom: source.bom };
    if (values.fix) write(target, fixed, locale);
    else io.stdout(unifiedDiff(target.display, source.text, fixed.text));
    io.stderr(t(asked ?? r.outcome.locale, values.fix ? 'fixed' : 'would-fix', { file: target.display, count: r.fixed }) + '\n');
  }
  progress.done();
  if (configProblems.size) {
    for (const p of configProblems.values()) {
      for (const problem of p.problems) io.stderr(formatProblem(slash(path.relative(io.cwd, p.file) || p.file), p.text, problem) + '\n');
    }
    return EXIT_USAGE;
  }

  // Folders and patterns that held no digest: say so (as ESLint does), rather than "No problems found".
  // Hooks (--digests-only) pass every staged file, so nothing to check is normal there.
  if (!linted.length && !values['digests-only']) throw new UsageError(t(locale, 'no-digests'));
  // The report speaks the findings' language when every file speaks the same one.
  const spoken = new Set(linted.map(l => l.locale));
  const reportLocale = asked ?? (spoken.size === 1 ? [...spoken][0] : locale);
  const reports: FileReport[] = linted.map(({ target, findings, lineIndex }) => {
    const kept = values.quiet ? findings.filter(f => f.severity === 'error') : findings;
    return { path: target.display, findings: kept, lineIndex, diagnostics: kept.map(f => toJsonDiagnostic(f, lineIndex)) };
  });
  if (!values['fix-dry-run']) {
    io.stdout(formatter(reports, {
      color: io.isTTY && !io.env.NO_COLOR && format === 'stylish', locale: reportLocale, cwd: io.cwd,
      hidden: values.quiet ? linted.reduce((n, l) => n + l.findings.filter(f => f.severity !== 'error').length, 0) : 0, version, sarifRoot: values['sarif-root'], env: io.env,
    }));
  }
  const all = reports.flatMap(r => r.diagnostics);
  const errors = all.filter(d => d.severity === 'error').length;
  const warnings = all.filter(d => d.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(t(reportLocale, 'max-warnings', { count: warnings, max: maxWarnings }) + '\n');
    return EXIT_FINDINGS;
  }
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

function write(target: Target, source: SourceText, locale: Locale): void {
  try { writeAtomic(target.abs, source); } catch (e) {
    throw new UsageError(t(locale, 'cannot-write', { file: target.display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}
