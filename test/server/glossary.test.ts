import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, HoverRequest, DidChangeWatchedFilesNotification, FileChangeType,
  type CodeAction, type CompletionItem, type CompletionList, type Location, type MarkupContent, type CreateFile, type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';

// Glossary features of the real server over stdio: diagnostics, hover, definition, completion,
// the "add to workspace glossary" quick fix, glossary file problems and live reloading.
describe('glossary features over stdio', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  const glossaryFile = () => path.join(ws, '.paper-digest', 'glossary.json');
  const uri = () => `file://${ws}/w.digest.md`;
  const doc = [
    '후속 학습(fine-tuning)을 했습니다.',
    '',
    '우리 용어(our term)를 씁니다. 유세프 호스니(Youssef Hosni)가 썼습니다.',
    '',
    '잠재',
    '',
  ].join('\n');

  async function open(text = doc) {
    const pending = client.nextDiagnostics(uri());
    await client.open(uri(), text);
    return (await pending).diagnostics;
  }

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-gl-'));
    fs.mkdirSync(path.join(ws, '.paper-digest'));
    fs.writeFileSync(glossaryFile(), '{\n  "terms": [\n    { "ko": "우리 용어", "en": "our term", "note": "팀이 정한 말" }\n  ]\n}\n');
    client = new TestClient();
    const init = await client.initialize(ws, { settings: { locale: 'en' } });
    assert.strictEqual(init.capabilities.hoverProvider, true);
    assert.strictEqual(init.capabilities.definitionProvider, true);
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  it('reports term-mismatch with the built-in glossary and knows the workspace glossary', async () => {
    const d = await open();
    const mismatch = d.filter(x => x.code === 'term-mismatch');
    assert.deepStrictEqual(mismatch.map(x => [x.range.start, x.range.end]), [[{ line: 0, character: 0 }, { line: 0, character: 5 }]]);
    assert.ok(!d.some(x => x.code === 'term-unknown-pair' && x.range.start.line === 2 && x.range.start.character === 0), 'our term is in the workspace glossary');
    assert.ok(d.some(x => x.code === 'term-unknown-pair' && x.message.includes('Youssef Hosni')));
  });

  it('hovers a term with its entry and glossary file, and goes to its definition', async () => {
    await open();
    const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 2, character: 2 } });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*우리 용어\*\* ↔ \*our term\*/);
    assert.match(value, /팀이 정한 말/);
    assert.ok(value.includes(glossaryFile()), value);
    const defs = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri() }, position: { line: 2, character: 2 } })) as Location[];
    assert.strictEqual(defs.length, 1);
    assert.strictEqual(defs[0].uri, `file://${glossaryFile()}`);
    assert.deepStrictEqual(defs[0].range.start, { line: 2, character: 4 });
    const builtin = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 0, character: 12 } });
    assert.match((builtin!.contents as MarkupContent).value, /fine-tuning/);
    assert.match((builtin!.contents as MarkupContent).value, /built-in glossary/);
    assert.strictEqual(await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri() }, position: { line: 0, character: 12 } }), null);
  });

  it('completes a glossary term with its English at first use, and without it afterwards', async () => {
    await open();
    const at = async (line: number, character: number) => {
      const r = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: uri() }, position: { line, character } })) as CompletionList | null;
      return (r?.items ?? []) as CompletionItem[];
    };
    const first = (await at(4, 2)).find(i => i.label === '잠재 공간');
    assert.ok(first, 'offers 잠재 공간');
    assert.strictEqual((first!.textEdit as { newText: string }).newText, '잠재 공간(latent space)');
    assert.deepStrictEqual((first!.textEdit as { range: unknown }).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } });
    await client.change(uri(), 2, doc.replace('잠재\n', '잠재 공간(latent space)을 씁니다.\n\n잠재\n'));
    const again = (await at(6, 2)).find(i => i.label === '잠재 공간');
    assert.strictEqual((again!.textEdit as { newText: string }).newText, '잠재 공간');
    await client.change(uri(), 3, doc.replace('잠재\n', 'latent sp\n'));
    const english = (await at(4, 9)).find(i => i.label === '잠재 공간');
    assert.ok(english, 'typing English offers the Korean term');
    assert.strictEqual(english!.filterText, 'latent space');
    assert.strictEqual((english!.textEdit as { newText: string }).newText, '잠재 공간(latent space)');
  });

  it('offers "add to the workspace glossary" as a WorkspaceEdit that keeps the file formatting', async () => {
    const d = await open();
    const unknown = d.find(x => x.code === 'term-unknown-pair')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
    const add = actions.find(a => /workspace glossary/.test(a.title))!;
    assert.ok(add, actions.map(a => a.title).join(', '));
    const changes = add.edit!.documentChanges!;
    assert.strictEqual(changes.length, 1, 'the file exists: no CreateFile');
    const edit = changes[0] as TextDocumentEdit;
    assert.strictEqual(edit.textDocument.uri, `file://${glossaryFile()}`);
    assert.deepStrictEqual(edit.edits.map(e => e.newText), [',\n    {"ko": "유세프 호스니", "en": "Youssef Hosni"}']);

    fs.rmSync(glossaryFile());
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${glossaryFile()}`, type: FileChangeType.Deleted }] });
    const d2 = await client.nextDiagnostics(uri());
    const unknown2 = d2.diagnostics.find(x => x.code === 'term-unknown-pair')!;
    const actions2 = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range: unknown2.range, context: { diagnostics: [unknown2] } })) as CodeAction[];
    const created = actions2.find(a => /workspace glossary/.test(a.title))!.edit!.documentChanges!;
    assert.strictEqual((created[0] as CreateFile).kind, 'create');
    assert.strictEqual((created[0] as CreateFile).uri, `file://${glossaryFile()}`);
    assert.match((created[1] as TextDocumentEdit).edits[0].newText, /"ko": "우리 용어"|"ko": "/);
  });

  it('publishes a malformed glossary in its file, keeps the last good one, and re-checks on change', async () => {
    await open();
    const pendingGlossary = client.nextDiagnostics(`file://${glossaryFile()}`);
    const pendingDoc = client.nextDiagnostics(uri());
    fs.writeFileSync(glossaryFile(), '{\n  "terms": [\n    { "ko": "우리 용어", "en": 7 }\n  ]\n}\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${glossaryFile()}`, type: FileChangeType.Changed }] });
    const g = await pendingGlossary;
    assert.strictEqual(g.diagnostics.length, 1);
    assert.deepStrictEqual(g.diagnostics[0].range.start, { line: 2, character: 27 });
    const docDiags = (await pendingDoc).diagnostics;
    assert.ok(!docDiags.some(x => x.code === 'term-unknown-pair' && x.message.includes('our term')), 'last good glossary still in use');

    const cleared = client.nextDiagnostics(`file://${glossaryFile()}`);
    const rechecked = client.nextDiagnostics(uri());
    fs.writeFileSync(glossaryFile(), '{ "terms": [ { "ko": "후속 학습", "en": "fine-tuning" } ] }\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${glossaryFile()}`, type: FileChangeType.Changed }] });
    assert.deepStrictEqual((await cleared).diagnostics, []);
    const after = (await rechecked).diagnostics;
    assert.ok(!after.some(x => x.code === 'term-mismatch'), 'the new glossary maps fine-tuning to 후속 학습');
    assert.ok(after.some(x => x.code === 'term-unknown-pair' && x.message.includes('our term')));
  });

  it('a configured glossary that is deleted is reported at its "glossaries" entry, and its terms are no longer used', async () => {
    const cfg = path.join(ws, '.paperdigestrc.json');
    const mine = path.join(ws, 'terms.json');
    fs.rmSync(glossaryFile());
    fs.writeFileSync(mine, '{ "terms": [ { "ko": "우리 용어", "en": "our term" } ] }\n');
    fs.writeFileSync(cfg, '{\n  "glossaries": ["./terms.json"]\n}\n');
    const first = await open();
    assert.ok(!first.some(x => x.code === 'term-unknown-pair' && x.message.includes('our term')), 'the configured glossary is used');

    const atConfig = client.nextDiagnostics(`file://${cfg}`);
    const rechecked = client.nextDiagnostics(uri());
    fs.rmSync(mine);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${mine}`, type: FileChangeType.Deleted }] });
    const c = (await atConfig).diagnostics;
    assert.strictEqual(c.length, 1, JSON.stringify(c));
    assert.deepStrictEqual(c[0].range.start, { line: 1, character: 17 });
    assert.match(c[0].message, /Glossary file not found: "\.\/terms\.json"/);
    assert.ok((await rechecked).diagnostics.some(x => x.code === 'term-unknown-pair' && x.message.includes('our term')), 'its terms are gone');

    const cleared = client.nextDiagnostics(`file://${cfg}`);
    fs.writeFileSync(mine, '{ "terms": [ { "ko": "우리 용어", "en": "our term" } ] }\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${mine}`, type: FileChangeType.Created }] });
    assert.deepStrictEqual((await cleared).diagnostics, []);
  });
});
