import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';

const digest = (ko: string) => `# 주간 다이제스트\n\n이 논문은 ${ko}(fine-tuning)으로 성능을 높입니다.\n`;
/** The workspace check's diagnostics among a file's: term-inconsistent pointing into other files. */
const wsTerms = (list: Diagnostic[], self: string) => list.filter(d => d.code === 'term-inconsistent' && d.relatedInformation?.some(r => r.location.uri !== self));

// The opt-in workspace diagnostic (paperDigest.workspaceTerms) over stdio: three digests on disk,
// fine-tuning rendered 미세 조정 in two of them and 파인 튜닝 in the third.
describe('language server: workspace term consistency', function () {
  this.timeout(60000);
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => `file://${ws}/${name}`;

  beforeEach(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-wsterms-'));
    fs.writeFileSync(path.join(ws, 'a.digest.md'), digest('미세 조정'));
    fs.writeFileSync(path.join(ws, 'b.digest.md'), digest('미세 조정'));
    fs.writeFileSync(path.join(ws, 'c.digest.md'), digest('파인 튜닝'));
    // Ignored and skipped places are not read: these would make 파인 튜닝 the majority.
    fs.mkdirSync(path.join(ws, 'node_modules', 'x'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'old'));
    fs.writeFileSync(path.join(ws, '.gitignore'), 'old/\n');
    for (const [dir, n] of [['node_modules/x', 1], ['node_modules/x', 2], ['old', 1], ['old', 2]] as const) {
      fs.writeFileSync(path.join(ws, dir, `${n}.digest.md`), digest('파인 튜닝'));
    }
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  it('on: the file with the odd rendering gets term-inconsistent with related information in the other files', async () => {
    client = new TestClient();
    const closed = client.nextDiagnostics(uri('c.digest.md'));
    await client.initialize(ws, { settings: { workspaceTerms: true, locale: 'en' } });
    // c.digest.md is not open: the diagnostic is published for it from disk.
    const p = await closed;
    assert.strictEqual(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.strictEqual(d.code, 'term-inconsistent');
    assert.strictEqual(d.source, 'paper-digest');
    assert.deepStrictEqual(d.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 11 } });
    assert.strictEqual(d.message, '"fine-tuning" is rendered "파인 튜닝" here but "미세 조정" elsewhere in the workspace (2 uses); use one rendering');
    assert.deepStrictEqual(d.relatedInformation!.map(r => [r.location.uri, r.location.range.start]).sort(), [
      [uri('a.digest.md'), { line: 2, character: 6 }],
      [uri('b.digest.md'), { line: 2, character: 6 }],
    ]);
    assert.match(d.relatedInformation![0].message, /"미세 조정" for "fine-tuning"/);
    // The majority files get nothing from the workspace check.
    assert.ok(!client.diagnostics.has(uri('a.digest.md')));

    // Opened, the file's own diagnostics and the workspace one are published together.
    const opened = client.nextDiagnostics(uri('c.digest.md'));
    await client.open(uri('c.digest.md'), digest('파인 튜닝'));
    assert.strictEqual(wsTerms((await opened).diagnostics, uri('c.digest.md')).length, 1);

    // Saved with the majority rendering: the workspace diagnostic goes away (after the debounced recompute).
    fs.writeFileSync(path.join(ws, 'c.digest.md'), digest('미세 조정'));
    await client.change(uri('c.digest.md'), 2, digest('미세 조정'));
    let after = client.nextDiagnostics(uri('c.digest.md'));
    await client.save(uri('c.digest.md'));
    let last = await after;
    while (wsTerms(last.diagnostics, uri('c.digest.md')).length) { after = client.nextDiagnostics(uri('c.digest.md')); last = await after; }
    assert.deepStrictEqual(last.diagnostics.filter(d => d.code === 'term-inconsistent'), []);
  });

  it('on: a digest changed on disk (a watched-file event) is compared again', async () => {
    client = new TestClient();
    const first = client.nextDiagnostics(uri('c.digest.md'));
    await client.initialize(ws, { settings: { workspaceTerms: true, locale: 'ko' } });
    assert.match((await first).diagnostics[0].message, /"fine-tuning"을 여기서는 "파인 튜닝"으로, 작업 영역의 다른 곳에서는 "미세 조정"으로 옮겼습니다/);
    // Now a and b differ from c: 파인 튜닝 ×2 (b, c) against 미세 조정 ×1 (a).
    fs.writeFileSync(path.join(ws, 'b.digest.md'), digest('파인 튜닝'));
    const cleared = client.nextDiagnostics(uri('c.digest.md'));
    const flagged = client.nextDiagnostics(uri('a.digest.md'));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('b.digest.md'), type: FileChangeType.Changed }] });
    assert.deepStrictEqual((await cleared).diagnostics, []);
    const a = (await flagged).diagnostics;
    assert.strictEqual(a.length, 1);
    assert.match(a[0].message, /여기서는 "미세 조정"으로, 작업 영역의 다른 곳에서는 "파인 튜닝"으로 옮겼습니다/);
  });

  it('off (the default): no workspace diagnostics; switched on they come, switched off they go', async () => {
    client = new TestClient();
    await client.initialize(ws, {});
    // An open digest is checked as usual, without the workspace comparison.
    const opened = client.nextDiagnostics(uri('c.digest.md'));
    await client.open(uri('c.digest.md'), digest('파인 튜닝'));
    const own = (await opened).diagnostics;
    assert.deepStrictEqual(wsTerms(own, uri('c.digest.md')), []);
    const saved = client.nextDiagnostics(uri('c.digest.md'));
    await client.save(uri('c.digest.md'));
    assert.deepStrictEqual((await saved).diagnostics, own);
    // Longer than the debounce: a workspace pass, had one started, would have published for the closed files.
    await new Promise(r => setTimeout(r, 1500));
    assert.deepStrictEqual([...client.diagnostics.keys()], [uri('c.digest.md')]);

    client.settings = { workspaceTerms: true };
    let next = client.nextDiagnostics(uri('c.digest.md'));
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    let p = await next;
    while (!wsTerms(p.diagnostics, uri('c.digest.md')).length) { next = client.nextDiagnostics(uri('c.digest.md')); p = await next; }
    assert.strictEqual(wsTerms(p.diagnostics, uri('c.digest.md')).length, 1);

    client.settings = {};
    next = client.nextDiagnostics(uri('c.digest.md'));
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    p = await next;
    while (wsTerms(p.diagnostics, uri('c.digest.md')).length) { next = client.nextDiagnostics(uri('c.digest.md')); p = await next; }
    assert.deepStrictEqual(p.diagnostics, own);
  });
});
