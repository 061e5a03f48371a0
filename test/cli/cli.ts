import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, ROOT } from '../support/paths';

export const BIN = path.join(ROOT, 'bin', 'paper-digest');
export const CLI_FIXTURES = path.join(FIXTURES, 'cli');
export const DIGESTS = path.join(CLI_FIXTURES, 'digests');

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the real bin/paper-digest (built by `npm run build`) in `cwd`, English messages, no colour. */
export function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PAPER_DIGEST_LOCALE: 'en', NO_COLOR: '1', ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (path → text); removed by the returned cleanup. */
export function tempProject(files: Record<string, string> = {}): { dir: string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-cli-')));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const digest = (name: string): string => fs.readFileSync(path.join(DIGESTS, name), 'utf8');

/** One CLI JSON document (the public shape). */
export interface JsonReport {
  version: number;
  files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixable: boolean }[] }[];
}

/**
 * Starts `command … lsp --stdio` in `cwd`, sends initialize, and resolves with what the server wrote
 * once the result with its capabilities arrived (rejects after 20 s or if the server exits). Kills it.
 */
export async function initializeOverStdio(command: string, args: string[], cwd: string): Promise<string> {
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return await new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`no initialize result; got: ${buf}`)), 20_000);
      child.stdout.on('data', d => { buf += d; if (/"id":1/.test(buf) && /"capabilities"/.test(buf)) { clearTimeout(timer); resolve(buf); } });
      child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${buf}`)); });
    });
  } finally {
    child.kill();
  }
}
