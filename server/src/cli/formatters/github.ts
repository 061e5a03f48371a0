import type { Severity } from '../../engine';
import type { FileReport } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a workflow command's message (data): %, CR and LF. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value: also ':' and ','. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one per finding, shown as annotations on the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message` (1-based; columns in
 * UTF-16 units, like the other formats).
 */
export function formatGithub(files: Pick<FileReport, 'path' | 'diagnostics'>[]): string {
  let out = '';
  for (const f of files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      const props = [
        `file=${escapeProperty(f.path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`,
        `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(d.rule)}`,
      ].join(',');
      out += `::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}\n`;
    }
  }
  return out;
}
