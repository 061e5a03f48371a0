/**
 * e2e runner for desktop VS Code (Electron) via @vscode/test-electron:
 *
 *   tsx test/e2e/runner/desktop.ts [EXTENSION_DIR]       (what `npm run test:e2e:desktop` calls)
 *
 * Runs the same compiled suite as test/e2e/runner/code-server.ts, in a desktop VS Code that
 * @vscode/test-electron downloads into .vscode-test/ (needs internet: update.code.visualstudio.com).
 * Machines without internet (like the project's build box) cannot download it: this runner then
 * stops with a clear message and exit 1; use `npm run test:e2e` (code-server + Chromium) there.
 * On Linux without a display, run it under `xvfb-run -a`.
 *
 * Environment (all optional; see test/e2e/README.md):
 *   E2E_EXTENSION_PATH, E2E_TESTS, E2E_WORKSPACE, E2E_USER_SETTINGS, E2E_TIMEOUT_MS — as for code-server.ts
 *   E2E_VSCODE_VERSION     VS Code to download (default 1.100.3, the VS Code inside code-server 4.100.3;
 *                          "stable", "insiders" or any release number)
 *   E2E_VSCODE_EXECUTABLE  use this VS Code binary instead of downloading one
 * Set for the extension host: E2E_OUTPUT_DIR (test-output/e2e). E2E_SCREENSHOT_DIR is NOT set:
 * the desktop runner has no screenshot support, so suites must skip screenshot requests then.
 * Exit codes: the suite's code (0 all passed, 1 failures), 1 also when VS Code cannot be
 * downloaded, 2 timeout, 3 harness error, 130/143/129 interrupted.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { killStragglers as killRunProcesses, readUserSettings as readSettingsFile, reportExit } from './shared';

const REPO_ROOT = path.resolve(path.dirname(path.resolve(process.argv[1] ?? '.')), '..', '..', '..');
const VSCODE_TEST = path.join(REPO_ROOT, '.vscode-test'); // @vscode/test-electron's download cache too
const TMP_ROOT = path.join(VSCODE_TEST, 'tmp');
const RUN_DIR = path.join(VSCODE_TEST, `desktop-run-${process.pid}`);
const OUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');

const env = process.env;
const EXTENSION_DIR = path.resolve(process.argv[2] || env.E2E_EXTENSION_PATH || REPO_ROOT);
const TESTS_MODULE = path.resolve(env.E2E_TESTS || path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'));
const WORKSPACE_SRC = path.resolve(env.E2E_WORKSPACE || path.join(REPO_ROOT, 'test', 'e2e', 'workspace'));
const USER_SETTINGS_FILE = env.E2E_USER_SETTINGS
  ? path.resolve(env.E2E_USER_SETTINGS)
  : path.join(REPO_ROOT, 'test', 'e2e', 'user-settings.json');
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS || 600_000);
const VERSION = env.E2E_VSCODE_VERSION || '1.100.3';
const EXECUTABLE = env.E2E_VSCODE_EXECUTABLE;
const TEST_ELECTRON = '@vscode/test-electron';
const TEST_ELECTRON_HINT = 'npm install --save-dev @vscode/test-electron@^2.5.2   (3.x needs Node 22)';

/** the bits of @vscode/test-electron (2.x) we use; loaded at run time so that the project
 *  typechecks whether or not it is installed */
interface TestElectron {
  downloadAndUnzipVSCode(options: { version?: string; cachePath?: string; timeout?: number }): Promise<string>;
  runTests(options: {
    vscodeExecutablePath: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs?: string[];
    extensionTestsEnv?: Record<string, string | undefined>;
  }): Promise<number>;
}

const T0 = Date.now();
const times: { download?: number; tests?: number } = {};
let wsTmp: string | undefined;
let shuttingDown: Promise<never> | undefined;
/** whether the suite printed its "N passed, N failed" line (VS Code's output goes straight to our stdout) */
let sawSummary = false;
const stdoutWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (!sawSummary && /^\d+ passed, \d+ failed/m.test(String(chunk))) sawSummary = true;
  return (stdoutWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (...args: unknown[]) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s]`, 'e2e (desktop):', ...args);
class HarnessError extends Error {}

function shutdown(code: number, reason?: string): Promise<never> {
  shuttingDown ??= (async (): Promise<never> => {
    if (reason) console.log(reason);
    const n = killRunProcesses(RUN_DIR);
    if (n) log(`killed ${n} leftover process(es)`);
    for (const dir of [RUN_DIR, wsTmp]) if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    try { fs.rmdirSync(TMP_ROOT); } catch { /* not empty or absent */ }
    log(`timings: download ${times.download === undefined ? '-' : secs(times.download)}, ` +
      `tests ${times.tests === undefined ? '-' : secs(times.tests)}, total ${secs(Date.now() - T0)}`);
    reportExit(code, sawSummary, log);
    process.exit(code);
  })();
  return shuttingDown;
}

function loadTestElectron(): TestElectron {
  try {
    return createRequire(path.join(REPO_ROOT, 'package.json'))(TEST_ELECTRON) as TestElectron;
  } catch {
    throw new HarnessError(`${TEST_ELECTRON} is not installed. Add it: ${TEST_ELECTRON_HINT}`);
  }
}

async function main(): Promise<number> {
  if (!Number.isFinite(TIMEOUT_MS) || TIMEOUT_MS <= 0) throw new HarnessError('E2E_TIMEOUT_MS must be a positive number');
  setTimeout(() => void shutdown(2, `e2e: timed out after ${Math.round(TIMEOUT_MS / 1000)} s`), TIMEOUT_MS).unref();
  const te = loadTestElectron();
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'package.json'))) throw new HarnessError(`extension folder ${EXTENSION_DIR} has no package.json`);
  if (!fs.existsSync(TESTS_MODULE)) throw new HarnessError(`test suite ${TESTS_MODULE} not found; compile the e2e suite first (or set E2E_TESTS)`);
  if (!fs.statSync(WORKSPACE_SRC, { throwIfNoEntry: false })?.isDirectory()) throw new HarnessError(`workspace folder ${WORKSPACE_SRC} not found (set E2E_WORKSPACE)`);
  const settings = readSettingsFile(USER_SETTINGS_FILE, !!env.E2E_USER_SETTINGS, m => new HarnessError(m));
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    log('warning: no $DISPLAY; desktop VS Code needs one on Linux (run under `xvfb-run -a`)');
  }

  let executable = EXECUTABLE;
  if (!executable) {
    const t = Date.now();
    log(`downloading VS Code ${VERSION} into ${VSCODE_TEST} (skipped if already there)`);
    try {
      executable = await te.downloadAndUnzipVSCode({ version: VERSION, cachePath: VSCODE_TEST, timeout: 20_000 });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      console.log(`\n*** e2e (desktop): could not download VS Code ${VERSION}: ${why} ***` +
        '\n*** This runner needs internet access (update.code.visualstudio.com). Offline, use' +
        '\n*** `npm run test:e2e` (code-server + Chromium), or set E2E_VSCODE_EXECUTABLE to an installed VS Code. ***\n');
      return 1;
    }
    times.download = Date.now() - t;
  }

  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.mkdirSync(path.join(RUN_DIR, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(RUN_DIR, 'extensions'), { recursive: true });
  fs.writeFileSync(path.join(RUN_DIR, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  wsTmp = fs.mkdtempSync(path.join(TMP_ROOT, 'ws-'));
  const workspace = path.join(wsTmp, path.basename(WORKSPACE_SRC));
  fs.cpSync(WORKSPACE_SRC, workspace, { recursive: true });

  log(`VS Code ${executable}`);
  log(`extension ${EXTENSION_DIR}`);
  log(`suite     ${TESTS_MODULE}`);
  const t = Date.now();
  try {
    const code = await te.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: EXTENSION_DIR,
      extensionTestsPath: TESTS_MODULE,
      launchArgs: [
        workspace, '--disable-extensions',
        `--user-data-dir=${path.join(RUN_DIR, 'user-data')}`, `--extensions-dir=${path.join(RUN_DIR, 'extensions')}`,
      ],
      extensionTestsEnv: { E2E_OUTPUT_DIR: OUT_DIR, E2E_RUN_DIR: RUN_DIR, E2E_SCREENSHOT_DIR: undefined },
    });
    return code;
  } catch (e) {
    // TestRunFailedError carries VS Code's exit code
    const code = (e as { code?: unknown }).code;
    log(`test run failed: ${e instanceof Error ? e.message : String(e)}`);
    return typeof code === 'number' && code > 0 ? code : 1;
  } finally {
    times.tests = Date.now() - t;
  }
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(sig, () => void shutdown(code, `e2e (desktop): interrupted by ${sig}, cleaning up`));
}

main().then(
  code => shutdown(code),
  (e: unknown) => shutdown(3, e instanceof HarnessError ? `e2e (desktop): ${e.message}` : `e2e (desktop): harness error: ${e instanceof Error ? e.stack : String(e)}`),
);
