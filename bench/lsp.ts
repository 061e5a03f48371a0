import * as fs from 'fs';
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/support/lsp-client';
import { median } from './stats';

/**
 * The language server as an editor sees it: dist/server.js over stdio, settings run: onType,
 * onTypeDelay: 0 (maxDocumentKB: 4096 for the latency runs, so x100 is checked, not skipped as too large). Measures start-up (spawn → initialize result, a proxy for "activation to
 * server ready": the VS Code client adds only its own activation), the first check on open,
 * and didChange → publishDiagnostics after a one-character edit.
 */
export interface LspFigures {
  startupMs: number; openMs: number; changeMs: number; peakRssMb: number | null; findings: number;
  /**
   * The last publishDiagnostics message's diagnostics and size, and what encoding and decoding its
   * JSON costs (stringify, UTF-8 out and in, parse; no header, no conversion from findings), median ms:
   * a floor under changeMs.
   */
  payloadBytes: number; codecMs: number; payloadDiagnostics: number;
}

const WS = path.join(os.tmpdir(), 'paper-digest-bench');

export async function serverStartup(runs: number): Promise<number> {
  fs.mkdirSync(WS, { recursive: true });
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const c = new TestClient();
    await c.initialize(WS, { settings: { run: 'onType', onTypeDelay: 0 } });
    if (i > 0) times.push(performance.now() - t0);
    await c.stop();
  }
  return median(times);
}

/** Where a one-character edit goes: inside a prose line near the middle, not at a line start. */
export function middleEdit(text: string): number {
  let at = text.indexOf('\n', text.length >> 1) + 1;
  while (at > 0 && at < text.length && !/^[\uac00-\ud7a3]/.test(text.slice(at, at + 1))) at = text.indexOf('\n', at) + 1;
  return at > 0 ? at + 3 : text.length >> 1;
}

export async function serverLatency(name: string, text: string, runs: number): Promise<LspFigures> {
  fs.mkdirSync(WS, { recursive: true });
  const c = new TestClient();
  const t0 = performance.now();
  await c.initialize(WS, { settings: { run: 'onType', onTypeDelay: 0, maxDocumentKB: 4096 } });
  const startupMs = performance.now() - t0;
  const uri = `file://${WS}/${name}.digest.md`;
  let version = 1;
  const wait = (v: number): Promise<PublishDiagnosticsParams> => new Promise((resolve, reject) => {
    const again = (): void => {
      c.nextDiagnostics(uri, 120000).then(p => (p.version === undefined || p.version >= v ? resolve(p) : again()), reject);
    };
    again();
  });
  const o0 = performance.now();
  const opened = wait(1);
  await c.open(uri, text, 'markdown', 1);
  const first = await opened;
  const openMs = performance.now() - o0;

  const at = middleEdit(text);
  const lines = text.slice(0, at).split(/\r\n|\r|\n/);
  const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const times: number[] = [];
  let last = first;
  for (let i = -1; i < runs * 2; i++) {
    // Insert a character, then delete it again: every edit is a real one-character change.
    const insert = (i & 1) !== 0;
    const change = insert
      ? { range: { start: pos, end: pos }, text: 'ㄱ' }
      : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
    if (i === -1) { version++; const done = wait(version); await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'ㄱ' }] }); await done; continue; }
    version++;
    const done = wait(version);
    const s = performance.now();
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    last = await done;
    times.push(performance.now() - s);
  }
  let peakRssMb: number | null = null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${c.proc.pid}/status`, 'utf8'));
    if (m) peakRssMb = Number(m[1]) / 1024;
  } catch { /* not Linux */ }
  await c.stop();
  return { startupMs, openMs, changeMs: median(times), peakRssMb, findings: first.diagnostics.length, ...codec(last) };
}

/** What the server and the client spend on one publishDiagnostics message alone: JSON.stringify, UTF-8 out and in, JSON.parse. */
function codec(params: PublishDiagnosticsParams): { payloadBytes: number; codecMs: number; payloadDiagnostics: number } {
  const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    const buf = Buffer.from(JSON.stringify(msg), 'utf8');
    JSON.parse(buf.toString('utf8'));
    times.push(performance.now() - t0);
    bytes = buf.length;
  }
  return { payloadBytes: bytes, codecMs: median(times), payloadDiagnostics: params.diagnostics.length };
}

/** `node -e 0` start-up on this machine now: the floor under any server start-up. */
export function nodeBaseline(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    if (i > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Memory after a burst: the server's RSS when idle after opening the document, then 15 s after
 * 2,000 one-character edits sent as fast as the pipe takes them (onType, no debounce). Run with
 * the Node flags the VS Code client uses and without, to show what they change.
 */
export async function serverBurst(text: string, nodeOptions: string): Promise<{ idleMb: number; afterBurstMb: number }> {
  fs.mkdirSync(WS, { recursive: true });
  const c = new TestClient(['--stdio'], { NODE_OPTIONS: nodeOptions });
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${c.proc.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
  await c.initialize(WS, { settings: { run: 'onType', onTypeDelay: 0 } });
  const uri = `file://${WS}/burst.digest.md`;
  const opened = c.nextDiagnostics(uri, 60000);
  await c.open(uri, text, 'markdown', 1);
  await opened;
  await sleep(3000);
  const idleMb = rss();
  const at = middleEdit(text);
  const lines = text.slice(0, at).split(/\r\n|\r|\n/);
  const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
  for (let v = 2; v <= 2001; v++) {
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: pos }, text: 'ㄱ' }] });
    if (v % 50 === 0) await sleep(20);
  }
  await sleep(15000);
  const afterBurstMb = rss();
  await c.stop();
  return { idleMb, afterBurstMb };
}
