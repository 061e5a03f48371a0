import * as fs from 'fs';
import type { JsonDiagnostic, Locale, Severity } from '../../engine';
import { t } from '../io';
import type { FileReport, FormatOptions } from './report';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
const ORDER: Command[] = ['error', 'warning', 'notice'];
/** GitHub shows at most 10 annotations of each kind per step (and 50 per job); the rest are dropped silently. */
export const ANNOTATIONS_PER_KIND = 10;

/** Escapes a workflow command's message (data): %, CR and LF. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value: also ':' and ','. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

interface Item { path: string; d: JsonDiagnostic; command: Command }

/**
 * GitHub Actions workflow commands, shown as annotations on the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message` (1-based; columns in
 * UTF-16 units, like the other formats). Errors first, then warnings, then notices, at most 10 of
 * each (GitHub's limit per step); a plain line says how many were left out. With
 * GITHUB_STEP_SUMMARY set, every finding is also appended to that file as a Markdown table.
 */
export function formatGithub(files: Pick<FileReport, 'path' | 'diagnostics'>[], opts?: Partial<FormatOptions>): string {
  const locale: Locale = opts?.locale ?? 'en';
  const items: Item[] = files.flatMap(f => f.diagnostics.map(d => ({ path: f.path, d, command: COMMAND[d.severity] })));
  let out = '';
  const shown: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const total: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const command of ORDER) {
    for (const { path, d } of items.filter(i => i.command === command)) {
      total[command]++;
      if (shown[command] >= ANNOTATIONS_PER_KIND) continue;
      shown[command]++;
      const { start, end } = d.range;
      const props = [
        `file=${escapeProperty(path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`,
        `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(d.rule)}`,
      ].join(',');
      out += `::${command} ${props}::${escapeData(d.message)}\n`;
    }
  }
  const cut = ORDER.some(c => total[c] > shown[c]);
  const summaryFile = opts?.env?.GITHUB_STEP_SUMMARY;
  if (cut) {
    out += t(locale, 'github-cut', {
      limit: ANNOTATIONS_PER_KIND,
      errors: `${shown.error}/${total.error}`, warnings: `${shown.warning}/${total.warning}`, notices: `${shown.notice}/${total.notice}`,
      where: summaryFile ? t(locale, 'github-cut-summary') : t(locale, 'github-cut-no-summary'),
    }) + '\n';
  }
  if (summaryFile) {
    try { fs.appendFileSync(summaryFile, stepSummary(items, total, cut, locale)); } catch (e) {
      out += t(locale, 'cannot-write', { file: summaryFile, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }) + '\n';
    }
  }
  return out;
}

/** A Markdown table cell: one line, pipes and backslashes escaped, no HTML. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

/** The job summary: counts, then every finding in the annotations' order (errors, warnings, notices). */
export function stepSummary(items: Item[], total: Record<Command, number>, cut: boolean, locale: Locale): string {
  let md = `### paper-digest\n\n`;
  if (!items.length) return md + t(locale, 'no-problems') + '\n\n';
  md += t(locale, 'summary', { total: items.length, errors: total.error, warnings: total.warning, others: total.notice }) + '\n\n';
  if (cut) md += t(locale, 'github-summary-cut', { limit: ANNOTATIONS_PER_KIND }) + '\n\n';
  md += `| ${t(locale, 'github-summary-columns').split('|').map(s => s.trim()).join(' | ')} |\n|---|---|---|---|\n`;
  for (const command of ORDER) {
    for (const { path, d } of items.filter(i => i.command === command)) {
      md += `| ${d.severity} | \`${cell(path).replace(/`/g, "'")}:${d.range.start.line + 1}:${d.range.start.character + 1}\` | ${cell(d.message)} | \`${cell(d.rule)}\` |\n`;
    }
  }
  return md + '\n';
}
