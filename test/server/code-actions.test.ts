import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { FIX_ALL_KIND, SelectTextCommand, ServerCommands } from '../../shared/protocol';

// Quick fixes, source.fixAll.paperDigest and the renumber / update-TOC commands of the real
// server over stdio: apply what the server proposes, save, and read the new diagnostics.
describe('code actions and commands over stdio', function () {
  this.timeout(60000);
  let ws: string;
  let client: TestClient;
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-ca-'));
    client = new TestClient();
    const init = await client.initialize(ws, { settings: { run: 'onSave', locale: 'en' } });
    const kinds = (init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes(FIX_ALL_KIND));
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes(ServerCommands.renumber));
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  let n = 0;
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file://${ws}/d${++n}.digest.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, text);
    return { uri, diagnostics: (await pending).diagnostics };
  }
  /** Sends the new text and saves (onSave mode), returning the diagnostics of the new version. */
  async function replace(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    await client.change(uri, version, text);
    const pending = client.nextDiagnostics(uri);
    await client.save(uri);
    return (await pending).diagnostics;
  }
  function apply(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
    const edits = edit?.changes?.[uri] as TextEdit[] | undefined;
    assert.ok(edits && edits.length, 'the action carries edits for this document');
    return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
  }
  const count = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code).length;

  it('a quick fix for a finding removes that finding, and only it', async () => {
    const { uri, diagnostics } = await open(seed);
    const cjk = diagnostics.find(d => d.code === 'cjk-emphasis' && d.range.start.line === 27)!;
    assert.ok(cjk, 'cjk-emphasis on line 28');
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: cjk.range, context: { diagnostics: [cjk], only: ['quickfix'] },
    })) as CodeAction[];
    const move = actions.find(a => a.title === 'Move "가" inside the emphasis');
    assert.ok(move, `actions: ${actions.map(a => a.title).join(' | ')}`);
    assert.strictEqual(move!.isPreferred, true);
    const fixed = apply(seed, move!.edit, uri);
    assert.ok(fixed.includes('**표현 오토인코더(Representation Autoencoder, RAE)가**'));
    const after = await replace(uri, 2, fixed);
    assert.ok(!after.some(d => d.code === 'cjk-emphasis' && d.range.start.line === 27));
    assert.strictEqual(count(after, 'cjk-emphasis'), count(diagnostics, 'cjk-emphasis') - 1);
    assert.strictEqual(count(after, 'block-missing'), count(diagnostics, 'block-missing'));
  });

  it('offers the promo deletion as a quick fix, never as the preferred one', async () => {
    const { uri, diagnostics } = await open(seed);
    const promo = diagnostics.find(d => d.code === 'promo-content')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: promo.range, context: { diagnostics: [promo], only: ['quickfix'] },
    })) as CodeAction[];
    const del = actions.find(a => a.title === 'Delete this promotional block')!;
    assert.ok(del && !del.isPreferred);
    assert.ok(apply(seed, del.edit, uri).startsWith('최근 몇 년간'));
  });

  it('"Disable … for this line" silences exactly that finding; "… for this file" that rule; neither is in fix-all', async () => {
    const { uri, diagnostics } = await open(seed);
    const cjk = diagnostics.find(d => d.code === 'cjk-emphasis' && d.range.start.line === 27)!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: cjk.range, context: { diagnostics: [cjk], only: ['quickfix'] },
    })) as CodeAction[];
    const line = actions.find(a => a.title === 'Disable cjk-emphasis for this line')!;
    const file = actions.find(a => a.title === 'Disable cjk-emphasis for this file')!;
    assert.ok(line && file, actions.map(a => a.title).join(' | '));
    assert.ok(!line.isPreferred && !file.isPreferred);
    const after = await replace(uri, 2, apply(seed, line.edit, uri));
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.message}`;
    assert.deepStrictEqual(after.map(key), diagnostics.filter(d => !(d.code === 'cjk-emphasis' && d.range.start.line === 27)).map(key));
    const whole = await replace(uri, 3, apply(seed, file.edit, uri));
    assert.strictEqual(count(whole, 'cjk-emphasis'), 0);
    assert.strictEqual(whole.length, diagnostics.length - count(diagnostics, 'cjk-emphasis'));
    // Fix-all never writes suppression comments.
    const all = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] },
    })) as CodeAction[];
    assert.ok(all.every(a => !JSON.stringify(a.edit).includes('digest-disable')));
  });

  it('Korean titles for the suppression fixes in a Korean setup', async () => {
    client.settings = { run: 'onSave', locale: 'ko' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const { uri, diagnostics } = await open(seed);
    const promo = diagnostics.find(d => d.code === 'promo-content')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: promo.range, context: { diagnostics: [promo], only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(actions.some(a => a.title === '이 줄에서 promo-content 끄기'), actions.map(a => a.title).join(' | '));
    assert.ok(actions.some(a => a.title === '이 파일에서 promo-content 끄기'));
  });

  it('source.fixAll.paperDigest applies every safe fix in one edit; unsafe ones stay', async () => {
    const { uri, diagnostics } = await open(seed);
    assert.ok(count(diagnostics, 'cjk-emphasis') > 0 && count(diagnostics, 'block-missing') > 0);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] },
    })) as CodeAction[];
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(actions[0].kind, FIX_ALL_KIND);
    const fixed = apply(seed, actions[0].edit, uri);
    const after = await replace(uri, 2, fixed);
    assert.strictEqual(count(after, 'cjk-emphasis'), 0);
    assert.strictEqual(count(after, 'block-missing'), count(diagnostics, 'block-missing'), 'inserting block skeletons is never automatic');
    assert.strictEqual(count(after, 'promo-content'), 3, 'deleting text is never automatic');
  });

  it('executeCommand renumber sends workspace/applyEdit with the renumbering', async () => {
    const damaged = seed.replace('### 2. 멀티모달', '### 5. 멀티모달').replace('#### 2.1. 언어', '#### 5.1. 언어').replace('#### 2.2. 멀티모달', '#### 5.4. 멀티모달');
    const { uri, diagnostics } = await open(damaged);
    assert.ok(count(diagnostics, 'section-numbering') > 0);
    const r = await client.conn.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.renumber, arguments: [uri] }) as { applied: boolean; changes: number };
    assert.strictEqual(r.applied, true);
    assert.strictEqual(client.appliedEdits.length, 1);
    const fixed = apply(damaged, client.appliedEdits[0].edit, uri);
    assert.strictEqual(fixed, seed);
    const after = await replace(uri, 2, fixed);
    assert.strictEqual(count(after, 'section-numbering') + count(after, 'paper-numbering'), 0);
  });

  it('executeCommand updateToc rewrites the table of contents from the sections', async () => {
    const damaged = seed.replace('\n2. 멀티모달 LLM과 비전 언어 모델\n', '\n2. 비전 언어 모델\n');
    const { uri, diagnostics } = await open(damaged);
    assert.strictEqual(count(diagnostics, 'toc-mismatch'), 1);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.updateToc, arguments: [uri] });
    assert.strictEqual(client.appliedEdits.length, 1);
    assert.strictEqual(apply(damaged, client.appliedEdits[0].edit, uri), seed);
  });

  it('a skeleton fix selects its first placeholder, for clients that implement the command only', async () => {
    const { uri, diagnostics } = await open(seed);
    const missing = diagnostics.find(d => d.code === 'block-missing')!;
    const ask = async () => (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: missing.range, context: { diagnostics: [missing], only: ['quickfix'] },
    })) as CodeAction[];
    const plain = (await ask()).filter(a => a.diagnostics?.[0]?.code === 'block-missing' && !a.title.startsWith('Disable '));
    assert.ok(plain.length && plain.every(a => !a.command), 'no client command for a client that did not ask');
    await client.stop();
    client = new TestClient();
    await client.initialize(ws, { settings: { run: 'onSave', locale: 'en' }, clientCommands: [SelectTextCommand] });
    const again = await open(seed);
    const m2 = again.diagnostics.find(d => d.code === 'block-missing')!;
    const actions = ((await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: again.uri }, range: m2.range, context: { diagnostics: [m2], only: ['quickfix'] },
    })) as CodeAction[]).filter(a => a.diagnostics?.[0]?.code === 'block-missing' && !a.title.startsWith('Disable '));
    assert.ok(actions.length);
    for (const a of actions) {
      assert.strictEqual(a.command?.command, SelectTextCommand);
      const [u, line, text] = a.command!.arguments as [string, number, string];
      assert.strictEqual(u, again.uri);
      const fixed = apply(seed, a.edit, again.uri).split('\n');
      assert.ok(fixed.slice(line).some(l => l.includes(text)), `placeholder ${text} at or after line ${line}`);
      assert.strictEqual(text, '(작성 필요)');
    }
  });
});
