/**
 * e2e runner: run the extension's integration suite inside a real VS Code (code-server 4.100.3 =
 * VS Code 1.100.3 with the Node extension host), driven by Chromium through playwright-core.
 *
 *   tsx test/e2e/runner/code-server.ts [EXTENSION_DIR]        (what `npm run test:e2e` calls)
 *
 * Steps: check for Chromium → install code-server + playwright-core on demand into
 * .vscode-test/code-server-4.100.3/ (a cache, never a dependency of the project) → copy the test
 * workspace into a temp dir → start code-server on a free 127.0.0.1 port in its own process group
 * → open the workbench in headless Chromium with the standard extension-test URL payload
 * (extensionDevelopmentPath + extensionTestsPath) → forward the extension host's console
 * (window.codeAutomationLog) → exit with the code given to window.codeAutomationExit.
 * Cleanup (normal end, failure, timeout, SIGINT/SIGTERM/SIGHUP) kills everything that was started
 * and removes everything but the cache and test-output/.
 *
 * Environment (all optional; see test/e2e/README.md):
 *   PAPER_DIGEST_CHROMIUM      Chromium binary (default /usr/bin/chromium; CHROMIUM_PATH still read as a fallback)
 *   PAPER_DIGEST_E2E_REQUIRED  "1": a missing Chromium is a failure (exit 1), not a skip (exit 0)
 *   E2E_EXTENSION_PATH         extension under test (default: repo root; argv[2] wins)
 *   E2E_TESTS                  compiled suite module exporting run() (default out/test/e2e/suite/index.js)
 *   E2E_WORKSPACE              folder copied and opened as the workspace (default test/e2e/workspace)
 *   E2E_USER_SETTINGS          JSON(C) user settings file (default test/e2e/user-settings.json if present)
 *   E2E_TIMEOUT_MS             hard limit for the whole run, install included (default 600000)
 *   E2E_FOLDER_URI             the folder to open instead of the workspace copy (a virtual one: memfs:/ws)
 *   E2E_OUTPUT_NAME            folder of test-output/ for the artefacts (default e2e)
 * Set by this runner for the extension host (inherited through code-server):
 *   E2E_SCREENSHOT_DIR         screenshot request folder (protocol below)
 *   E2E_OUTPUT_DIR             test-output/e2e, for any artefacts the suite wants to keep
 *
 * Screenshot protocol (the suite runs in the extension host, a Node process on the code-server
 * side, so it cannot call the page function `paperDigestScreenshot(name)` directly):
 *   1. the suite creates an empty file  $E2E_SCREENSHOT_DIR/<name>.screenshot-request
 *      (<name>: letters, digits, '.', '_', '-'; other characters become '_');
 *   2. this runner polls the folder (every 200 ms), saves test-output/e2e/<name>.png, then writes
 *      <name>.screenshot-failed (containing the error text) if that failed, and finally deletes
 *      the request file;
 *   3. the suite waits until the request file is gone, then checks for <name>.screenshot-failed.
 * Exit codes: the suite's own code (0 all passed, 1 failures), 2 timeout, 3 harness error,
 * 130/143/129 interrupted by a signal; a missing Chromium gives 0 (skip) or 1 (required).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import * as util from 'node:util';
import { killStragglers as killRunProcesses, readUserSettings as readSettingsFile, reportExit } from './shared';

const CS_VERSION = '4.100.3'; // newest code-server whose engines.node accepts Node 20
const PW_VERSION = '1.65.1'; // playwright-core version the reference recipe was tested with
// @vscode/ripgrep (a code-server dependency) downloads rg from GitHub in postinstall unless this
// tarball is already in $TMPDIR; we pack the system /usr/bin/rg (Debian package ripgrep) there.
const RG_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RG_TARBALLS: Record<string, string> = {
  x64: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
  arm64: 'ripgrep-v13.0.0-10-aarch64-unknown-linux-musl.tar.gz',
};
/** workbench chatter in the forwarded log that says nothing about the tests */
const NOISE = /^(Ignoring fetching additional builtin extensions from gallery|Updating additional builtin extensions cache|ChatSessionStore: )/;
const APT_HINT = 'apt-get install chromium libkrb5-dev ripgrep fonts-nanum';

// ---------------------------------------------------------------------------------------------
// paths

/** repo root = three levels above this file (test/e2e/runner/code-server.ts) */
const REPO_ROOT = path.resolve(path.dirname(path.resolve(process.argv[1] ?? '.')), '..', '..', '..');
const VSCODE_TEST = path.join(REPO_ROOT, '.vscode-test');
const CACHE_DIR = path.join(VSCODE_TEST, `code-server-${CS_VERSION}`);
const TMP_ROOT = path.join(VSCODE_TEST, 'tmp');
const RUN_DIR = path.join(VSCODE_TEST, `run-${process.pid}`);
const OUT_DIR = path.join(REPO_ROOT, 'test-output', process.env.E2E_OUTPUT_NAME || 'e2e');
const INSTALL_MARKER = path.join(CACHE_DIR, '.paper-digest-e2e-installed.json');

const env = process.env;
const CHROMIUM = env.PAPER_DIGEST_CHROMIUM || env.CHROMIUM_PATH || '/usr/bin/chromium';
const EXTENSION_DIR = path.resolve(process.argv[2] || env.E2E_EXTENSION_PATH || REPO_ROOT);
const TESTS_MODULE = path.resolve(env.E2E_TESTS || path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'));
const WORKSPACE_SRC = path.resolve(env.E2E_WORKSPACE || path.join(REPO_ROOT, 'test', 'e2e', 'workspace'));
const USER_SETTINGS_FILE = env.E2E_USER_SETTINGS
  ? path.resolve(env.E2E_USER_SETTINGS)
  : path.join(REPO_ROOT, 'test', 'e2e', 'user-settings.json');
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS || 600_000);

// ---------------------------------------------------------------------------------------------
// the bits of playwright-core we use (it is loaded from the cache folder, not the project)

interface PwConsoleMessage { type(): string; text(): string }
interface PwPage {
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  on(event: 'pageerror', fn: (e: Error) => void): unknown;
  on(event: 'console', fn: (m: PwConsoleMessage) => void): unknown;
  on(event: 'crash' | 'close', fn: () => void): unknown;
  goto(url: string, opts?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  screenshot(opts: { path: string; timeout?: number }): Promise<unknown>;
}
interface PwContext { pages(): PwPage[]; newPage(): Promise<PwPage>; close(): Promise<void> }
interface PwChromium { launchPersistentContext(dir: string, opts: Record<string, unknown>): Promise<PwContext> }

// ---------------------------------------------------------------------------------------------
// state shared with the cleanup

const T0 = Date.now();
const times: { install?: number; installCached?: boolean; server?: number; tests?: number } = {};
const state: {
  npm?: ChildProcess;
  codeServer?: ChildProcess;
  context?: PwContext;
  page?: PwPage;
  wsTmp?: string;
  installTmp?: string;
  poller?: NodeJS.Timeout;
  timer?: NodeJS.Timeout;
  consoleLog?: fs.WriteStream;
} = {};
let shuttingDown: Promise<never> | undefined;
const SUMMARY = /^\d+ passed, \d+ failed/;
/** whether the suite printed its "N passed, N failed" line (if not, and the run failed, we print one) */
let sawSummary = false;

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const elapsed = () => `[${((Date.now() - T0) / 1000).toFixed(1)}s]`;
const log = (...args: unknown[]) => console.log(elapsed(), 'e2e:', ...args);
const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

class HarnessError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
    p.then(v => { clearTimeout(t); resolve(v); }, e => { clearTimeout(t); reject(e); });
  });
}

// ---------------------------------------------------------------------------------------------
// install (cache)

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    state.npm = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => { state.npm = undefined; resolve(code ?? (signal ? 128 : 1)); });
  });
}

function cacheIsUsable(): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(INSTALL_MARKER, 'utf8')) as Record<string, string>;
    if (marker.codeServer !== CS_VERSION || marker.playwrightCore !== PW_VERSION) return false;
    if (marker.nodeAbi !== process.versions.modules) return false; // native addons (node-pty, …)
    createRequire(path.join(CACHE_DIR, 'package.json')).resolve('playwright-core');
    const home = fs.mkdtempSync(path.join(TMP_ROOT, 'version-'));
    try {
      const r = spawnSync(path.join(CACHE_DIR, 'node_modules', '.bin', 'code-server'), ['--version'], {
        env: { ...cleanEnv(), HOME: home, TMPDIR: home }, encoding: 'utf8', timeout: 60_000,
      });
      return r.status === 0 && new RegExp(`^${CS_VERSION.replace(/\./g, '\\.')} `, 'm').test(r.stdout);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  } catch {
    return false;
  }
}

async function installTools(): Promise<void> {
  const t = Date.now();
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  if (cacheIsUsable()) {
    times.install = Date.now() - t;
    times.installCached = true;
    log(`code-server ${CS_VERSION} + playwright-core ${PW_VERSION}: cached in ${path.relative(REPO_ROOT, CACHE_DIR)}`);
    return;
  }
  log(`installing code-server@${CS_VERSION} + playwright-core@${PW_VERSION} into ${CACHE_DIR} (about 2 min, once)`);
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), JSON.stringify({
    name: 'paper-digest-e2e-tools',
    private: true,
    description: 'Cache of the e2e harness tools (test/e2e/runner/code-server.ts); not part of the project.',
    dependencies: { 'code-server': CS_VERSION, 'playwright-core': PW_VERSION },
  }, null, 2) + '\n');

  state.installTmp = fs.mkdtempSync(path.join(TMP_ROOT, 'install-'));
  const rgTarball = RG_TARBALLS[process.arch];
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find(p => fs.existsSync(p));
  if (rgTarball && rg) {
    const cache = path.join(state.installTmp, RG_CACHE_DIR);
    const stage = path.join(state.installTmp, 'rg-stage');
    fs.mkdirSync(cache, { recursive: true });
    fs.mkdirSync(stage);
    fs.copyFileSync(rg, path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    const tar = spawnSync('tar', ['czf', path.join(cache, rgTarball), '-C', stage, 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) throw new HarnessError('could not pack /usr/bin/rg for @vscode/ripgrep');
  } else {
    log(`warning: no system ripgrep (${APT_HINT}); @vscode/ripgrep will try to download rg from GitHub`);
  }

  const code = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: CACHE_DIR,
    env: {
      ...cleanEnv(),
      TMPDIR: state.installTmp,
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    },
  });
  fs.rmSync(state.installTmp, { recursive: true, force: true });
  state.installTmp = undefined;
  if (code !== 0) {
    throw new HarnessError(`npm install of code-server@${CS_VERSION} failed (exit ${code}). ` +
      `Native addons need build tools and headers: ${APT_HINT} (plus make, g++, python3).`);
  }
  fs.writeFileSync(INSTALL_MARKER, JSON.stringify({
    codeServer: CS_VERSION, playwrightCore: PW_VERSION, nodeAbi: process.versions.modules, node: process.version,
  }) + '\n');
  if (!cacheIsUsable()) throw new HarnessError(`installed code-server does not answer --version (${CACHE_DIR})`);
  times.install = Date.now() - t;
  log(`installed in ${secs(times.install)}`);
}

// ---------------------------------------------------------------------------------------------
// code-server

/** process.env minus variables that would make code-server/VS Code act as a client of another
 *  instance (e.g. when this runs in a VS Code terminal). */
function cleanEnv(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('CODE_SERVER_')) continue;
    e[k] = v;
  }
  return e;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function tailOf(file: string, lines = 40): string {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

async function startCodeServer(port: number, settings: Record<string, unknown>): Promise<void> {
  const d = (n: string) => path.join(RUN_DIR, n);
  for (const n of ['home', 'tmp', 'user-data/User', 'extensions', 'screenshot-requests']) fs.mkdirSync(d(n), { recursive: true });
  fs.writeFileSync(d('user-data/User/settings.json'), JSON.stringify(settings, null, 2) + '\n');
  const out = fs.openSync(d('code-server.log'), 'a');
  const t = Date.now();
  const child = spawn(path.join(CACHE_DIR, 'node_modules', '.bin', 'code-server'), [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', d('user-data'), '--extensions-dir', d('extensions'),
  ], {
    cwd: d('home'),
    env: {
      ...cleanEnv(),
      HOME: d('home'),
      TMPDIR: d('tmp'),
      EXTENSIONS_GALLERY: '{}', // no marketplace look-ups
      E2E_SCREENSHOT_DIR: d('screenshot-requests'),
      E2E_OUTPUT_DIR: OUT_DIR,
    },
    detached: true, // own process group: the file watcher, extension host and language server die with it
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  state.codeServer = child;
  const exited = new Promise<string>(resolve => child.on('exit', (c, s) => resolve(`exit code ${c ?? s}`)));
  child.on('error', e => log('code-server spawn error:', e.message));
  log(`code-server ${CS_VERSION} pid ${child.pid} on http://127.0.0.1:${port}`);

  const deadline = Date.now() + 120_000;
  let gone: string | undefined;
  void exited.then(r => (gone = r));
  while (Date.now() < deadline) {
    if (gone) throw new HarnessError(`code-server stopped before it was ready (${gone}):\n${tailOf(d('code-server.log'))}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        times.server = Date.now() - t;
        log(`code-server ready after ${secs(times.server)}`);
        void exited.then(r => {
          if (!shuttingDown) void shutdown(3, `code-server stopped during the run (${r}):\n${tailOf(d('code-server.log'))}`);
        });
        return;
      }
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new HarnessError(`code-server did not answer /healthz within 120 s:\n${tailOf(d('code-server.log'))}`);
}

// ---------------------------------------------------------------------------------------------
// browser + tests

function safeName(name: unknown): string {
  const s = String(name ?? '').replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return s.slice(0, 100) || 'screenshot';
}

async function screenshot(name: string): Promise<string> {
  if (!state.page) throw new Error('no page');
  const file = path.join(OUT_DIR, `${safeName(name)}.png`);
  await state.page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

function startScreenshotPoller(): void {
  const dir = path.join(RUN_DIR, 'screenshot-requests');
  const suffix = '.screenshot-request';
  let busy = false;
  state.poller = setInterval(() => {
    if (busy || shuttingDown) return;
    busy = true;
    void (async () => {
      for (const f of fs.readdirSync(dir).filter(n => n.endsWith(suffix)).sort()) {
        const name = f.slice(0, -suffix.length);
        fs.rmSync(path.join(dir, `${name}.screenshot-failed`), { force: true }); // stale, from an earlier request
        try {
          const file = await screenshot(name);
          log(`screenshot ${path.relative(REPO_ROOT, file)} (requested by the suite)`);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          log(`screenshot ${name} failed: ${msg}`);
          fs.writeFileSync(path.join(dir, `${name}.screenshot-failed`), msg + '\n');
        }
        fs.rmSync(path.join(dir, f), { force: true });
      }
    })().catch(e => log('screenshot poller:', e)).finally(() => { busy = false; });
  }, 200);
}

async function runTests(port: number, workspace: string): Promise<number> {
  const { chromium } = createRequire(path.join(CACHE_DIR, 'package.json'))('playwright-core') as { chromium: PwChromium };
  const base = `http://127.0.0.1:${port}`;
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(EXTENSION_DIR)], ['extensionTestsPath', remote(TESTS_MODULE)]];
  // E2E_FOLDER_URI: a folder that is not on this disk (a virtual workspace such as memfs:/ws).
  const folder = env.E2E_FOLDER_URI || workspace;
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const t = Date.now();
  const profile = path.join(RUN_DIR, 'chromium-profile');
  state.context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 850 },
    env: { ...cleanEnv(), HOME: path.join(RUN_DIR, 'home'), TMPDIR: path.join(RUN_DIR, 'tmp') },
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // our cleanup does it
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = state.context.pages()[0] ?? await state.context.newPage();
  state.page = page;

  let finish!: (r: { code: number; how: string }) => void;
  const done = new Promise<{ code: number; how: string }>(r => (finish = r));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const msg = util.format(...(Array.isArray(args) ? args : [args]));
    if (NOISE.test(msg)) return;
    // the suite's closing "N passed, N failed" line is printed bare, for CI log readers
    const summary = SUMMARY.test(msg);
    if (summary) sawSummary = true;
    console.log(summary ? msg : `[${type}] ${msg}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) =>
    finish({ code: Number(code) || 0, how: 'codeAutomationExit' }));
  await page.exposeFunction('paperDigestScreenshot', (name: string) => screenshot(name));
  state.consoleLog = fs.createWriteStream(path.join(OUT_DIR, 'browser-console.log'));
  state.consoleLog.on('error', () => { /* a log file must never break the run */ });
  page.on('console', m => state.consoleLog?.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', e => console.log('[pageerror]', e.message));
  page.on('crash', () => finish({ code: 3, how: 'the workbench page crashed' }));
  startScreenshotPoller();

  log('opening', url);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const res = await done;
  times.tests = Date.now() - t;
  log(`extension tests finished: exit code ${res.code} (${res.how})`);
  return res.code;
}

// ---------------------------------------------------------------------------------------------
// cleanup

async function killGroup(child: ChildProcess | undefined, what: string): Promise<void> {
  const pid = child?.pid;
  if (!pid) return;
  const alive = () => { try { process.kill(-pid, 0); return true; } catch { return false; } };
  if (!alive()) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 50 && alive(); i++) await sleep(100);
  if (alive()) {
    log(`${what} (process group ${pid}) ignored SIGTERM; SIGKILL`);
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    for (let i = 0; i < 20 && alive(); i++) await sleep(100);
  }
}

function copyLogs(): void {
  try {
    if (fs.existsSync(path.join(RUN_DIR, 'code-server.log'))) {
      fs.copyFileSync(path.join(RUN_DIR, 'code-server.log'), path.join(OUT_DIR, 'code-server.log'));
    }
    const logs = path.join(RUN_DIR, 'user-data', 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(OUT_DIR, 'vscode-logs'), { recursive: true });
  } catch (e) { log('could not copy logs:', e instanceof Error ? e.message : e); }
}

function shutdown(code: number, reason?: string): Promise<never> {
  shuttingDown ??= (async (): Promise<never> => {
    if (reason) console.log(reason);
    if (state.timer) clearTimeout(state.timer);
    // a second signal while cleaning up: give up on the niceties
    const hard = setTimeout(() => { killRunProcesses(RUN_DIR); process.exit(code); }, 60_000);
    hard.unref();
    if (state.poller) clearInterval(state.poller);
    if (state.page) {
      await screenshot('workbench')
        .then(f => log(`screenshot ${path.relative(REPO_ROOT, f)}`))
        .catch(e => log('final screenshot failed:', e instanceof Error ? e.message : e));
    }
    if (state.context) await withTimeout(state.context.close(), 10_000, 'closing Chromium').catch(e => log(e.message));
    await killGroup(state.npm, 'npm install');
    await killGroup(state.codeServer, 'code-server');
    const stragglers = killRunProcesses(RUN_DIR);
    if (stragglers) log(`killed ${stragglers} leftover process(es)`);
    state.consoleLog?.end();
    state.consoleLog = undefined;
    copyLogs();
    for (const dir of [RUN_DIR, state.wsTmp, state.installTmp]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
    try { fs.rmdirSync(TMP_ROOT); } catch { /* not empty (another run) or absent */ }
    const install = times.install === undefined ? '-' : `${secs(times.install)}${times.installCached ? ' (cached)' : ''}`;
    log(`timings: install ${install}, server ready ${times.server === undefined ? '-' : secs(times.server)}, ` +
      `tests ${times.tests === undefined ? '-' : secs(times.tests)}, total ${secs(Date.now() - T0)}`);
    reportExit(code, sawSummary, log);
    process.exit(code);
  })();
  return shuttingDown;
}

// ---------------------------------------------------------------------------------------------
// main

async function main(): Promise<number> {
  if (!fs.existsSync(CHROMIUM)) {
    const required = env.PAPER_DIGEST_E2E_REQUIRED === '1';
    console.log(`\n*** SKIPPED: e2e tests need Chromium: ${APT_HINT} ***` +
      `\n*** (looked for ${CHROMIUM}; set PAPER_DIGEST_CHROMIUM to use another binary) ***` +
      (required ? '\n*** PAPER_DIGEST_E2E_REQUIRED=1: a skipped e2e run is a failure ***' : '') + '\n');
    process.exit(required ? 1 : 0);
  }
  if (!Number.isFinite(TIMEOUT_MS) || TIMEOUT_MS <= 0) throw new HarnessError(`E2E_TIMEOUT_MS must be a positive number`);
  state.timer = setTimeout(() => void shutdown(2, `e2e: timed out after ${Math.round(TIMEOUT_MS / 1000)} s`), TIMEOUT_MS);

  if (!fs.existsSync(path.join(EXTENSION_DIR, 'package.json'))) {
    throw new HarnessError(`extension folder ${EXTENSION_DIR} has no package.json`);
  }
  if (!fs.existsSync(TESTS_MODULE)) {
    throw new HarnessError(`test suite ${TESTS_MODULE} not found; compile the e2e suite first (or set E2E_TESTS)`);
  }
  if (!fs.statSync(WORKSPACE_SRC, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`workspace folder ${WORKSPACE_SRC} not found (set E2E_WORKSPACE)`);
  }
  const settings = readSettingsFile(USER_SETTINGS_FILE, !!env.E2E_USER_SETTINGS, m => new HarnessError(m)); // fail fast on a broken settings file, before any install
  log(`extension ${EXTENSION_DIR}`);
  log(`suite     ${TESTS_MODULE}`);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });

  await installTools();

  fs.mkdirSync(TMP_ROOT, { recursive: true });
  state.wsTmp = fs.mkdtempSync(path.join(TMP_ROOT, 'ws-'));
  const workspace = path.join(state.wsTmp, path.basename(WORKSPACE_SRC));
  fs.cpSync(WORKSPACE_SRC, workspace, { recursive: true });
  log(`workspace ${WORKSPACE_SRC} copied to ${workspace}`);

  const port = await freePort();
  await startCodeServer(port, settings);
  return runTests(port, workspace);
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(sig, () => void shutdown(code, `e2e: interrupted by ${sig}, cleaning up`));
}
process.on('unhandledRejection', e => void shutdown(3, `e2e: harness error: ${e instanceof Error ? e.stack : String(e)}`));

main().then(
  code => shutdown(code),
  (e: unknown) => shutdown(3, e instanceof HarnessError ? `e2e: ${e.message}` : `e2e: harness error: ${e instanceof Error ? e.stack : String(e)}`),
);
