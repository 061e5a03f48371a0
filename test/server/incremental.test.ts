import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { ConfigResolver, LineIndex, lintText } from '../../server/src/engine';
import { nodeFileReader } from '../../server/src/engine/node-files';

// onType checking goes through the incremental parser: after a burst of small edits the
// diagnostics of the last version are exactly those of a full check of that text.
describe('language server: onType checking with the incremental parser', function () {
  this.timeout(60000);
  let ws: string;
  let client: TestClient;
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-inc-'));
    client = new TestClient();
    await client.initialize(ws, { settings: { run: 'onType', onTypeDelay: 0, locale: 'en' } });
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  async function diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const p = await client.nextDiagnostics(uri, 30000);
      if (p.version === version) return p;
    }
  }

  it('publishes for the last version the same diagnostics as a full check', async () => {
    const uri = `file://${ws}/weekly.digest.md`;
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    await opened;

    // Ranged edits, as an editor sends them: break a section number, open and close a fence,
    // type Korean in the middle, add a heading. Sent without waiting, so stale work is dropped.
    let text = seed;
    const lines = () => text.split('\n');
    const edits: { line: number; character: number; del: number; insert: string }[] = [];
    const sec2 = lines().findIndex(l => l.startsWith('### 2.'));
    edits.push({ line: sec2, character: 4, del: 1, insert: '5' });
    const mid = Math.floor(lines().length / 2);
    edits.push({ line: mid, character: 0, del: 0, insert: '```\n# 코드 속 주석\n' });
    edits.push({ line: mid + 2, character: 0, del: 0, insert: '```\n' });
    edits.push({ line: mid + 3, character: 0, del: 0, insert: '#### 9.9. 새 논문(New Paper)\n' });
    edits.push({ line: 3, character: 2, del: 0, insert: '한국어' });
    let version = 1;
    for (const e of edits) {
      const ls = lines();
      const start = ls.slice(0, e.line).reduce((n, l) => n + l.length + 1, 0) + e.character;
      text = text.slice(0, start) + e.insert + text.slice(start + e.del);
      version++;
      await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + e.del } }, text: e.insert }],
      });
    }
    const got = await diagnosticsFor(uri, version);

    const expected = lintText(text, path.join(ws, 'weekly.digest.md'), { resolver: new ConfigResolver(nodeFileReader(fs)), locale: 'en', overrides: { baseDir: ws } });
    const index = new LineIndex(text);
    const want = expected.result.findings.map(f => ({ code: f.rule, range: index.range(f.span), message: f.message }));
    assert.ok(want.some(d => d.code === 'section-numbering'), 'the edited section number is reported');
    assert.deepStrictEqual(got.diagnostics.map(d => ({ code: d.code, range: d.range, message: d.message })), want);
  });
});
