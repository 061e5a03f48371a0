import * as assert from 'assert';
import {
  CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type CreateFile, type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { FindMarkdownRequest, ReadFilesRequest, type ReadFileAnswer } from '../../shared/protocol';
import { TestClient } from '../support/lsp-client';

// The server reading files through its client, as the web build does and as the desktop server
// does in a virtual workspace (--client-files): the real server over stdio, a workspace that is
// only in this test's memory under memfs:/ (no such files on disk), answered as the extension's
// client answers (client/src/workspace-files.ts).
describe('files read through the client (web build, virtual workspaces)', function () {
  this.timeout(30000);
  let client: TestClient;
  let files: Map<string, string>;
  let stamps: Map<string, number>;
  const asked: string[][] = [];
  const doc = 'memfs:/ws/notes/a.digest.md';
  const text = [
    '우리 용어(our term)를 씁니다. 유세프 호스니(Youssef Hosni)가 썼습니다.',
    '',
  ].join('\n');
  const write = (uri: string, body: string) => { files.set(uri, body); stamps.set(uri, (stamps.get(uri) ?? 0) + 1); };

  beforeEach(async () => {
    files = new Map();
    stamps = new Map();
    asked.length = 0;
    write('memfs:/ws/.paperdigestrc.json', '{ "glossaries": ["terms.json"] }\n');
    write('memfs:/ws/terms.json', '{ "terms": [ { "ko": "우리 용어", "en": "our term" } ] }\n');
    client = new TestClient(['--stdio', '--client-files']);
    client.conn.onRequest(ReadFilesRequest, ({ uris }) => {
      asked.push(uris);
      return uris.map((uri): ReadFileAnswer => (files.has(uri) ? { uri, stamp: `${stamps.get(uri)}`, text: files.get(uri)! } : { uri, error: 'missing' }));
    });
    client.conn.onRequest(FindMarkdownRequest, ({ folder }) => [...files.keys()].filter(u => u.startsWith(folder + '/') && u.endsWith('.md')));
    await client.initialize('', { settings: { locale: 'en' }, folderUris: ['memfs:/ws'] });
  });
  afterEach(async () => {
    const code = await client.stop();
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  async function openDoc(): Promise<import('vscode-languageserver-protocol').Diagnostic[]> {
    const pending = client.nextDiagnostics(doc);
    await client.open(doc, text);
    return (await pending).diagnostics;
  }
  const unknownPairs = (d: { code?: unknown; message: string }[]) => d.filter(x => x.code === 'term-unknown-pair').map(x => x.message.includes('our term') ? 'our term' : x.message.includes('Youssef Hosni') ? 'Youssef Hosni' : x.message);

  it('reads the configuration and the glossary it names from the client, by URI', async () => {
    const d = await openDoc();
    assert.deepStrictEqual(unknownPairs(d), ['Youssef Hosni'], 'our term comes from memfs:/ws/terms.json');
    const all = asked.flat();
    assert.ok(all.includes('memfs:/ws/.paperdigestrc.json') && all.includes('memfs:/ws/terms.json'), all.join(' '));
    assert.ok(all.every(u => u.startsWith('memfs:/')), `only the workspace's scheme is asked for: ${all.join(' ')}`);
    // Each file once: what is known is not asked again for the next check.
    assert.strictEqual(new Set(all).size, all.length);
  });

  it('re-checks when a watched glossary changes, and reports a broken configuration in that file', async () => {
    await openDoc();
    write('memfs:/ws/terms.json', '{ "terms": [] }\n');
    let pending = client.nextDiagnostics(doc);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 'memfs:/ws/terms.json', type: FileChangeType.Changed }] });
    assert.deepStrictEqual(unknownPairs((await pending).diagnostics).sort(), ['Youssef Hosni', 'our term']);

    write('memfs:/ws/.paperdigestrc.json', '{ "glossaries": ["terms.json"], "nonsense": 1 }\n');
    const config = client.nextDiagnostics('memfs:/ws/.paperdigestrc.json');
    pending = client.nextDiagnostics(doc);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 'memfs:/ws/.paperdigestrc.json', type: FileChangeType.Changed }] });
    const problems = (await config).diagnostics;
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].code, 'config');
    assert.match(problems[0].message, /nonsense/);
    await pending;
  });

  it('compares terms across the workspace: the files listed and read by the client', async () => {
    const digest = (ko: string) => `# 주간 다이제스트\n\n이 논문은 ${ko}(fine-tuning)으로 성능을 높입니다.\n`;
    write('memfs:/ws/a.digest.md', digest('미세 조정'));
    write('memfs:/ws/b.digest.md', digest('미세 조정'));
    write('memfs:/ws/c.digest.md', digest('파인 튜닝'));
    const closed = client.nextDiagnostics('memfs:/ws/c.digest.md');
    client.settings = { locale: 'en', workspaceTerms: true };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const d = (await closed).diagnostics;
    assert.deepStrictEqual(d.map(x => x.code), ['term-inconsistent']);
    assert.deepStrictEqual(d[0].relatedInformation!.map(r => r.location.uri).sort(), ['memfs:/ws/a.digest.md', 'memfs:/ws/b.digest.md']);
  });

  it('adds a term to the workspace glossary at a URI of the workspace, created since it is not there', async () => {
    const d = await openDoc();
    const youssef = d.find(x => x.code === 'term-unknown-pair' && x.message.includes('Youssef Hosni'))!;
    const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: doc }, range: youssef.range, context: { diagnostics: [youssef] } }) as CodeAction[];
    const add = actions.find(a => a.title.startsWith('Add'))!;
    assert.ok(add, actions.map(a => a.title).join(' | '));
    const [create, edit] = add.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepStrictEqual([create.kind, create.uri], ['create', 'memfs:/ws/.paper-digest/glossary.json']);
    assert.strictEqual(edit.textDocument.uri, 'memfs:/ws/.paper-digest/glossary.json');
    assert.match(edit.edits.map(e => e.newText).join(''), /Youssef Hosni/);
  });
});
