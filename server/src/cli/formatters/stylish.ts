import type { Locale } from '../../engine';
import type { FileReport } from './json';

const colors = { error: 31, warning: 33, information: 36, hint: 90 } as const;

/** `file:line:col  severity  message  rule`, 1-based, a summary line at the end. */
export function formatStylish(files: FileReport[], opts: { color: boolean; locale: Locale }): string {
  const paint = (code: number, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const lines: string[] = [];
  let errors = 0, warnings = 0, others = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else others++;
      const loc = `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${loc}  ${paint(colors[d.severity], d.severity)}  ${d.message}  ${paint(90, d.rule)}`);
    }
  }
  const total = errors + warnings + others;
  if (!total) return opts.locale === 'ko' ? '문제 없음\n' : 'No problems found\n';
  lines.push('');
  lines.push(opts.locale === 'ko'
    ? `문제 ${total}개 (오류 ${errors}, 경고 ${warnings}, 기타 ${others})`
    : `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} other)`);
  return lines.join('\n') + '\n';
}
