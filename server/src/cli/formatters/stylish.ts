import { t } from '../io';
import type { FileReport, FormatOptions } from './report';

const colors = { error: 31, warning: 33, information: 36, hint: 90 } as const;

/** `file:line:col  severity  message  rule`, 1-based (columns in UTF-16 units), then a summary line. */
export function formatStylish(files: (Pick<FileReport, 'path' | 'diagnostics'> & Partial<Pick<FileReport, 'findings'>>)[], opts: Pick<FormatOptions, 'color' | 'locale'>): string {
  const paint = (code: number, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const lines: string[] = [];
  let errors = 0, warnings = 0, others = 0, fixable = 0;
  for (const f of files) {
    // --fix applies safe fixes only; without findings (older callers) any fix counts.
    f.diagnostics.forEach((d, i) => {
      const finding = f.findings?.[i];
      if (finding ? finding.fixes.some(x => x.safe) : d.fixable) fixable++;
      if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else others++;
      const loc = `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${loc}  ${paint(colors[d.severity], d.severity)}  ${d.message}  ${paint(90, d.rule)}`);
    });
  }
  const total = errors + warnings + others;
  if (!total) return t(opts.locale, 'no-problems') + '\n';
  lines.push('');
  lines.push(paint(total && errors ? 31 : 33, t(opts.locale, 'summary', { total, errors, warnings, others })));
  if (fixable) lines.push(t(opts.locale, 'fixable', { count: fixable }));
  return lines.join('\n') + '\n';
}
