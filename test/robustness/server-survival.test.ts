import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InitializeRequest, InitializedNotification, CodeActionRequest, ExecuteCommandRequest, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { ServerCommands } from '../../shared/protocol';

// The language server over stdio: it survives being killed (a new one re-publishes), never writes
// files on its own, reports bad configuration in the configuration file and keeps checking, and
// reads no configured paths outside the workspace configuration's folder when untrusted.
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

/** initialize with extra initializationOptions (the test client's own initialize sends settings only). */
async function start(ws: string, init: Record<string, unknown> = {}): Promise<{ client: TestClient; logs: string[] }> {
  const client = new TestClient();
  const logs: string[] = [];
  client.conn.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
  const rootUri = 'file://' + ws;
  await client.conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri, locale: 'en', workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: { workspace: { configuration: true, applyEdit: true } },
    initializationOptions: { settings: {}, ...init },
  });
  await client.conn.sendNotification(InitializedNotification.type, {});
  return { client, logs };
}

/** Diagnostics published for `uri` once they satisfy `ok` (or the last seen, after `ms`). */
async function diagnosticsFor(client: TestClient, uri: string, ok: (p: PublishDiagnosticsParams) => boolean, ms = 20_000): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = (client.diagnostics.get(uri) ?? []).find(ok);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(client.diagnostics.get(uri)?.map(p => p.diagnostics.map(d => d.message)))}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else { const s = fs.statSync(p); out.set(path.relative(dir, p), `${s.mtimeMs}:${s.size}:${fs.readFileSync(p, 'utf8')}`); }
    }
  };
  walk(dir);
  return out;
}

describe('robustness: the language server', function () {
  this.timeout(90_000);
  let ws: string;
  const clients: TestClient[] = [];
  beforeEach(() => { ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-robust-')); });
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.proc.exitCode === null && !c.proc.killed) await c.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('killed, a restarted server re-publishes the same diagnostics for the re-opened documents', async () => {
    const uri = `file://${ws}/w.digest.md`;
    const first = await start(ws);
    clients.push(first.client);
    await first.client.open(uri, seed);
    const before = await diagnosticsFor(first.client, uri, p => p.diagnostics.length > 0);
    const died = new Promise(r => first.client.proc.once('exit', r));
    first.client.proc.kill('SIGKILL');
    await died;
    // What the VS Code client does on close: start a new server and re-open every open document.
    const second = await start(ws);
    clients.push(second.client);
    await second.client.open(uri, seed);
    const after = await diagnosticsFor(second.client, uri, p => p.diagnostics.length > 0);
    const key = (p: PublishDiagnosticsParams) => p.diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepStrictEqual(key(after), key(before));
  });

  it('writes no file on its own through opens, edits, saves, code actions, commands and closes', async () => {
    fs.writeFileSync(path.join(ws, '.paperdigestrc.json'), '{ "rules": { "promo-content": "off" } }\n');
    fs.mkdirSync(path.join(ws, '.paper-digest'));
    fs.writeFileSync(path.join(ws, '.paper-digest', 'glossary.json'), '{ "terms": [] }\n');
    fs.mkdirSync(path.join(ws, 'digests'));
    const files = ['digests/a.md', 'b.digest.md', 'README.md'];
    for (const f of files) fs.writeFileSync(path.join(ws, f), seed.replace('## 2.', '## 5.'));
    const before = snapshot(ws);
    const { client } = await start(ws, { settings: { run: 'onType', onTypeDelay: 0 } });
    clients.push(client);
    for (const [i, f] of files.entries()) {
      const uri = `file://${ws}/${f}`;
      await client.open(uri, fs.readFileSync(path.join(ws, f), 'utf8'));
      await client.change(uri, 2, seed + `\n\n추가 ${i}\n`);
      await client.save(uri);
      await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } }, context: { diagnostics: [] } });
      await client.conn.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.renumber, arguments: [uri] });
      await client.conn.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.updateToc, arguments: [uri] });
      await client.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${ws}/.paperdigestrc.json`, type: 2 }] });
    assert.ok(client.appliedEdits.length >= 1, 'commands ask the client to apply edits (undoable), they do not write');
    assert.strictEqual(await client.stop(), 0);
    assert.deepStrictEqual(snapshot(ws), before);
  });

  for (const [name, config, where] of [
    ['invalid JSON', '{\n  "rules": {,\n}\n', /^Invalid JSON/],
    ['a schema-invalid value', '{\n  "rules": { "toc-mismatch": "loud" }\n}\n', /toc-mismatch/],
    ['a missing profile file', '{\n  "profile": "./profiles/missing.profile.json"\n}\n', /Profile file not found/],
  ] as const) {
    it(`a configuration file with ${name}: a located diagnostic there, a log message, checking goes on`, async () => {
      const cfg = path.join(ws, '.paperdigestrc.json');
      fs.writeFileSync(cfg, config);
      const { client, logs } = await start(ws);
      clients.push(client);
      const uri = `file://${ws}/w.digest.md`;
      await client.open(uri, seed);
      const doc = await diagnosticsFor(client, uri, p => p.diagnostics.length > 0);
      assert.ok(doc.diagnostics.some(d => d.code === 'block-missing'), 'the digest is still checked (built-in configuration)');
      const inConfig = await diagnosticsFor(client, `file://${cfg}`, p => p.diagnostics.length > 0);
      const d = inConfig.diagnostics[0];
      assert.match(d.message, where);
      assert.ok(d.range.start.line >= 1, `located at the offending value, not the top of the file: ${JSON.stringify(d.range)}`);
      assert.ok(logs.some(l => l.includes(cfg)), `logged: ${logs.join('\n')}`);
    });
  }

  it('keeps the last good configuration when the file turns invalid', async () => {
    const cfg = path.join(ws, '.paperdigestrc.json');
    fs.writeFileSync(cfg, '{ "rules": { "block-missing": "off" } }\n');
    const { client } = await start(ws);
    clients.push(client);
    const uri = `file://${ws}/w.digest.md`;
    await client.open(uri, seed);
    const good = await diagnosticsFor(client, uri, p => p.diagnostics.length > 0);
    assert.ok(!good.diagnostics.some(d => d.code === 'block-missing'));
    fs.writeFileSync(cfg, '{ "rules": { "block-missing": "off" }\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${cfg}`, type: 2 }] });
    await diagnosticsFor(client, `file://${cfg}`, p => p.diagnostics.length > 0);
    const again = client.diagnostics.get(uri)!.at(-1)!;
    assert.ok(again.diagnostics.length > 0 && !again.diagnostics.some(d => d.code === 'block-missing'), 'still the last good rule levels');
  });

  it('untrusted: reads no profile outside the configuration file\'s folder, and says so there', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'x.profile.json'), JSON.stringify({ id: 'outside', extends: 'weekly-digest-ko', rules: { 'block-missing': 'off' } }));
      const cfg = path.join(ws, '.paperdigestrc.json');
      fs.writeFileSync(cfg, `{\n  "profile": ${JSON.stringify(path.join(outside, 'x.profile.json'))}\n}\n`);
      const uri = `file://${ws}/w.digest.md`;
      const untrusted = await start(ws, { trusted: false });
      clients.push(untrusted.client);
      await untrusted.client.open(uri, seed);
      const d = await diagnosticsFor(untrusted.client, uri, p => p.diagnostics.length > 0);
      assert.ok(d.diagnostics.some(x => x.code === 'block-missing'), 'the outside profile was not used');
      const c = await diagnosticsFor(untrusted.client, `file://${cfg}`, p => p.diagnostics.length > 0);
      assert.match(c.diagnostics[0].message, /untrusted/);
      assert.strictEqual(c.diagnostics[0].range.start.line, 1);
      await untrusted.client.stop();

      const trusted = await start(ws, { trusted: true });
      clients.push(trusted.client);
      await trusted.client.open(uri, seed);
      const t = await diagnosticsFor(trusted.client, uri, p => p.diagnostics.length > 0);
      assert.ok(!t.diagnostics.some(x => x.code === 'block-missing'), 'trusted: the configured profile applies');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
