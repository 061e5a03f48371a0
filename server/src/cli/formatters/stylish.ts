import { t } from '../io';
import type { FileReport, FormatOptions } from './report';
import { excerpt } from './excerpt';
import { printable } from '../columns';

const colors = { error: 31, warning: 33, information: 36, hint: 90 } as const;

const SEVERITY_KO = { error: '오류', warning: '경고', information: '정보', hint: '힌트' } as const;

/**
 * `file:line:col  severity  message  rule`, 1-based (columns in UTF-16 units), each followed by
 * its source line with the span underlined (excerpt.ts), then a summary line.
 */
export function formatStylish(files: (Pick<FileReport, 'path' | 'diagnostics'> & Partial<Pick<FileReport, 'findings' | 'lineIndex'>>)[], opts: Pick<FormatOptions, 'color' | 'locale'> & { hidden?: number }): string {
  const paint = (code: number, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const lines: string[] = [];
  let errors = 0, warnings = 0, others = 0, fixable = 0;
  for (const f of files) {
    // --fix applies safe fixes only; without findings (older callers) any fix counts.
    f.diagnostics.forEach((d, i) => {
      const finding = f.findings?.[i];
      if (finding ? finding.fixes.some(x => x.safe) : d.fixable) fixable++;
      if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else others++;
      const loc = `${printable(f.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const word = opts.locale === 'ko' ? SEVERITY_KO[d.severity] : d.severity;
      lines.push(`${loc}  ${paint(colors[d.severity], word)}  ${printable(d.message)}  ${paint(90, d.rule)}`);
      if (finding && f.lineIndex) lines.push(...excerpt(f.lineIndex, finding.span, x => paint(colors[d.severity], x)));
    });
  }
  const total = errors + warnings + others;
  const hidden = opts.hidden ? t(opts.locale, 'quiet-hidden', { count: opts.hidden }) + '\n' : '';
  if (!total) return t(opts.locale, 'no-problems') + '\n' + hidden;
  lines.push('');
  lines.push(paint(total && errors ? 31 : 33, t(opts.locale, 'summary', { total, errors, warnings, others })));
  if (fixable) lines.push(t(opts.locale, 'fixable', { count: fixable }));
  return lines.join('\n') + '\n' + hidden;
}
