import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';
import { FIXTURES, ROOT } from '../support/paths';
import { spawnSync } from 'child_process';

// The real language server over stdio, driven by a plain LSP client (no VS Code).
describe('language server over stdio', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-ws-'));
    client = new TestClient();
    const init = await client.initialize(ws, { settings: { run: 'onSave' } });
    assert.strictEqual(init.serverInfo?.name, 'paper-digest');
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  it('publishes block-missing on open with rule codes, ranges and doc links', async () => {
    const uri = `file://${ws}/weekly.digest.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    const p = await pending;
    const missing = p.diagnostics.filter(d => d.code === 'block-missing');
    assert.deepStrictEqual(missing.map(d => d.range.start.line), [61, 75, 123, 137, 141, 151, 155]);
    assert.strictEqual(missing[0].range.end.line, 61);
    assert.strictEqual(missing[0].source, 'paper-digest');
    assert.match(missing[0].codeDescription!.href, /docs\/rules\/block-missing\.md$/);
  });

  it('settings are per workspace folder (resource scope): two folders, two rule levels, relative glossary paths from each folder', async () => {
    await client.stop();
    const a = path.join(ws, 'a'), b = path.join(ws, 'b');
    for (const d of [a, b]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(b, 'terms.json'), JSON.stringify({ terms: [{ ko: '후속 학습', en: 'fine-tuning' }] }));
    client = new TestClient();
    client.folderSettings = {
      [`file://${a}`]: { rules: { 'block-missing': 'error' } },
      [`file://${b}`]: { rules: { 'block-missing': 'off' }, glossaries: ['terms.json'] },
    };
    await client.initialize(ws, { folders: [a, b] });
    await client.configured; // the folders' settings, not the defaults, for the first check
    const open = async (uri: string, text: string) => { const p = client.nextDiagnostics(uri); await client.open(uri, text); return (await p).diagnostics; };
    const inA = await open(`file://${a}/week.digest.md`, seed);
    assert.ok(inA.filter(d => d.code === 'block-missing').length && inA.filter(d => d.code === 'block-missing').every(d => d.severity === 1), 'folder a: block-missing is an error');
    const text = seed.replace('#### 1.2.', '미세 조정 대신 후속 학습(fine-tuning)을 씁니다.\n\n#### 1.2.');
    const inB = await open(`file://${b}/week.digest.md`, text);
    assert.ok(!inB.some(d => d.code === 'block-missing'), 'folder b: block-missing is off');
    // Folder b's glossary (terms.json, relative to b) says 후속 학습 is fine-tuning: no mismatch there, as in folder a.
    const mismatch = (ds: typeof inB) => ds.some(d => d.code === 'term-mismatch' && /후속 학습/.test(d.message));
    assert.ok(!mismatch(inB), 'folder b reads its own glossary');
    assert.ok(mismatch(await open(`file://${a}/other.digest.md`, text)), 'folder a keeps the built-in glossary');
  });

  it('bad paperDigest settings are named once and their defaults used: no diagnostic gets an invalid severity', async () => {
    await client.stop();
    client = new TestClient();
    await client.initialize(ws, { settings: { run: 'always', rules: { 'block-missing': 'warn', 'no-such-rule': 'off', 'block-empty': 'error' } } });
    const uri = `file://${ws}/settings.digest.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    const { diagnostics } = await pending;
    assert.ok(diagnostics.length && diagnostics.every(d => d.severity && d.severity >= 1 && d.severity <= 4), 'every severity is an LSP severity');
    assert.ok(diagnostics.filter(d => d.code === 'block-missing').every(d => d.severity === 2), 'block-missing keeps its default level (warning)');
    assert.ok(diagnostics.some(d => d.code === 'block-empty') === false || diagnostics.filter(d => d.code === 'block-empty').every(d => d.severity === 1), 'a good entry beside a bad one still applies');
    const shown = client.shownMessages.map(m => m.message).join('\n');
    assert.match(shown, /paperDigest\.run has an invalid value "always"; using the default "onSave"/);
    assert.match(shown, /paperDigest\.rules has an invalid entry "block-missing": "warn"/);
    assert.match(shown, /"no-such-rule"/);
    assert.strictEqual(client.shownMessages.length, 1, 'shown once, not once per document or per settings pull');
  });

  it('in onSave mode publishes nothing on change until the document is saved', async () => {
    const uri = `file://${ws}/digests/w3.md`;
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    const first = await opened;
    const broken = seed.replace('### 2. 멀티모달 LLM과 비전 언어 모델', '### 5. 멀티모달 LLM과 비전 언어 모델');
    await client.change(uri, 2, broken);
    await new Promise(r => setTimeout(r, 700));
    assert.strictEqual(client.diagnostics.get(uri)!.length, 1, 'no publish after didChange in onSave mode');
    const saved = client.nextDiagnostics(uri);
    await client.save(uri);
    const after = await saved;
    assert.ok(!first.diagnostics.some(d => d.code === 'section-numbering'));
    const numbering = after.diagnostics.filter(d => d.code === 'section-numbering');
    assert.strictEqual(numbering.length, 1);
    assert.strictEqual(numbering[0].range.start.line, 81);
  });

  it('re-checks on a watched configuration change, not on an unrelated JSON file', async () => {
    const uri = `file://${ws}/w.digest.md`;
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    assert.ok((await opened).diagnostics.some(d => d.code === 'block-missing'));
    fs.writeFileSync(path.join(ws, 'package.json'), '{"name": "x"}\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${ws}/package.json`, type: 1 }] });
    await new Promise(r => setTimeout(r, 700));
    assert.strictEqual(client.diagnostics.get(uri)!.length, 1, 'package.json is not configuration: no re-check');
    fs.writeFileSync(path.join(ws, '.paperdigestrc.json'), '{"rules": {"block-missing": "off"}}\n');
    const rechecked = client.nextDiagnostics(uri);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${ws}/.paperdigestrc.json`, type: 1 }] });
    assert.ok(!(await rechecked).diagnostics.some(d => d.code === 'block-missing'), 'the new configuration turned block-missing off');
  });

  it('gives a Markdown file that is not a digest no diagnostics', async () => {
    const uri = `file://${ws}/README.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    assert.deepStrictEqual((await pending).diagnostics, []);
  });

  it('picks digest files as the CLI does: a .paperdigestrc.json\'s "files" first, relative to that file', async () => {
    fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.paperdigestrc.json'), '{ "files": ["notes/*.md"] }\n');
    fs.writeFileSync(path.join(ws, 'notes', 'week.md'), seed);
    fs.writeFileSync(path.join(ws, 'x.digest.md'), seed);
    const inNotes = `file://${ws}/notes/week.md`;
    const pending = client.nextDiagnostics(inNotes);
    await client.open(inNotes, seed);
    assert.ok((await pending).diagnostics.some(d => d.code === 'block-missing'), 'notes/week.md is a digest by the config');
    // The config's globs replace the defaults, as in the CLI: x.digest.md at the top is not one now.
    const outside = `file://${ws}/x.digest.md`;
    const none = client.nextDiagnostics(outside);
    await client.open(outside, seed);
    assert.deepStrictEqual((await none).diagnostics, []);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'paper-digest'), 'lint', '--format', 'json', '.'], { cwd: ws, encoding: 'utf8' });
    assert.ok(cli.stdout, cli.stderr);
    const report = JSON.parse(cli.stdout);
    const files = ((report.files ?? report) as { path?: string; file?: string; filePath?: string }[]).map(f => f.path ?? f.file ?? f.filePath);
    assert.deepStrictEqual(files, ['notes/week.md'], 'the CLI picks the same file');
  });

  it('treats a file with front matter `paper-digest: true` as a digest', async () => {
    const uri = `file://${ws}/notes.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, `---\npaper-digest: true\n---\n${seed}`);
    assert.ok((await pending).diagnostics.some(d => d.code === 'block-missing'));
  });

  it('the document status counts what the Problems panel lists: published errors, warnings and information, split', async () => {
    const uri = `file://${ws}/count.digest.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    const published = (await pending).diagnostics;
    const s = await client.conn.sendRequest<{ papers: number; overviews: number; findings: number; counts: { errors: number; warnings: number; infos: number; hints: number } }>('paperDigest/documentStatus', { uri });
    // Nine numbered entries: three review a paper, six survey a topic (named so, not counted as papers).
    assert.deepStrictEqual([s.papers, s.overviews], [3, 6]);
    const by = (sev: number) => published.filter(d => d.severity === sev).length;
    assert.deepStrictEqual(s.counts, { errors: by(1), warnings: by(2), infos: by(3), hints: by(4) });
    assert.strictEqual(s.findings, by(1) + by(2) + by(3));
    assert.ok(by(4) > 0 && s.findings < published.length, 'hints exist in the seed and are not counted');
  });

  it('speaks the profile\'s language by default, whatever the editor\'s; paperDigest.locale overrides it, live', async () => {
    await client.stop();
    client = new TestClient();
    await client.initialize(ws, { locale: 'en', settings: {} });
    const uri = `file://${ws}/w.digest.md`;
    let pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    const missing = (p: { diagnostics: { code?: unknown; message: string }[] }) => p.diagnostics.find(x => x.code === 'block-missing')!.message;
    assert.match(missing(await pending), /블록이 없습니다/, 'an English editor, the Korean default profile: Korean');
    // Switched to English in the settings: the open document is published again in English, without an edit.
    client.settings = { locale: 'en' };
    pending = client.nextDiagnostics(uri);
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.match(missing(await pending), /^Paper 1\.2 is missing/);
    // An English profile in a Korean editor speaks English.
    await client.stop();
    client = new TestClient();
    await client.initialize(ws, { locale: 'ko', settings: {} });
    const en = `file://${ws}/e.digest.md`;
    pending = client.nextDiagnostics(en);
    await client.open(en, '---\nprofile: weekly-digest-en\n---\nContents:\n\n1. LLMs\n\n### 1. LLMs\n\n#### 1.1. A paper\n\n**Key Idea**\n\nText.\n');
    const m = missing(await pending);
    assert.match(m, /Methodology/);
    assert.doesNotMatch(m, /블록/);
  });
});
