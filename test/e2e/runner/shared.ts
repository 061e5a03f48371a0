// What both e2e runners (code-server and desktop test-electron) share: user settings and cleanup.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Harness defaults; the user settings file overrides them. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // the temp workspace lives inside this repo (.vscode-test/tmp): keep the git extension away from it
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * The defaults merged with the user settings file (JSON with comments). A missing file is fine
 * unless it was named explicitly; a broken one throws `fail(message)`, before any install.
 */
export function readUserSettings(file: string, explicit: boolean, fail: (message: string) => Error): Record<string, unknown> {
  const settings = { ...DEFAULT_SETTINGS };
  if (!fs.existsSync(file)) {
    if (explicit) throw fail(`E2E_USER_SETTINGS: no such file ${file}`);
    return settings;
  }
  const errors: ParseError[] = [];
  const parsed: unknown = parseJsonc(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  if (errors.length || !parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const why = errors.map(e => `${printParseErrorCode(e.error)} at offset ${e.offset}`).join(', ') || 'not an object';
    throw fail(`user settings ${file}: ${why}`);
  }
  return Object.assign(settings, parsed);
}

/** Kills what VS Code left behind: every process whose command line or environment names the run folder (Linux /proc). */
export function killStragglers(runDir: string): number {
  let n = 0;
  let pids: string[];
  try { pids = fs.readdirSync('/proc').filter(p => /^\d+$/.test(p)); } catch { return 0; }
  for (const p of pids) {
    const pid = Number(p);
    if (pid === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
      const envs = fs.readFileSync(`/proc/${p}/environ`, 'utf8');
      if (cmd.includes(runDir + path.sep) || envs.includes(`=${runDir}${path.sep}`) || envs.includes(`=${runDir}\0`)) { process.kill(pid, 'SIGKILL'); n++; }
    } catch { /* gone or not ours */ }
  }
  return n;
}

/** The run's last lines: a failure before the suite printed its summary still counts as one failed test for CI. */
export function reportExit(code: number, sawSummary: boolean, log: (...args: unknown[]) => void): void {
  if (code !== 0 && !sawSummary) {
    log('the suite printed no "N passed, N failed" line; counting this e2e run as one failure');
    console.log('0 passed, 1 failed');
  }
  log(`exit ${code}`);
}
