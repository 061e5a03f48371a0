import type { CliIO } from './io';
import { fitColumns } from './columns';

/** Runs shorter than this show no progress unless asked (--progress). */
export const PROGRESS_THRESHOLD = 20;

export interface Progress { tick(file: string): void; done(): void }

/**
 * Progress on stderr, never stdout (which may carry JSON or SARIF). On a terminal one line is
 * redrawn in place; with --progress and no terminal, a plain line every 10% of the run.
 */
export function createProgress(io: CliIO, total: number, forced: boolean): Progress {
  const tty = !!io.stderrIsTTY;
  if (!(forced || (tty && total >= PROGRESS_THRESHOLD))) return { tick() {}, done() {} };
  let n = 0, lastPct = -1;
  return {
    tick(file) {
      n++;
      if (tty) {
        const line = `[${n}/${total}] ${file}`;
        io.stderr(`\r\u001b[2K${fitColumns(line, 100)}`);
      } else {
        const pct = Math.floor((n * 10) / total) * 10;
        if (pct !== lastPct || n === total) { lastPct = pct; io.stderr(`[${n}/${total}] ${pct}%\n`); }
      }
    },
    done() { if (tty && n) io.stderr('\r\u001b[2K'); },
  };
}
