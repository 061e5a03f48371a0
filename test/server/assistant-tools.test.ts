// The assistant tools of the real server over stdio (what VS Code's language model tools call):
// the shared tools on an open document, with fixes and the TOC returned as edits, never written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { AssistantToolRequest, type AssistantToolAnswer, type AssistantToolParams } from '../../shared/protocol';

describe('assistant tools over stdio (for VS Code language model tools)', function () {
  this.timeout(60_000);
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  let ws: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-lm-'));
    fs.writeFileSync(path.join(ws, 'w.digest.md'), seed);
    client = new TestClient();
    await client.initialize(ws, { settings: { locale: 'en' } });
    uri = `file://${ws}/w.digest.md`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, seed);
    await pending;
  });
  after(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, client.stderr);
  });

  const ask = (p: AssistantToolParams) => client.conn.sendRequest(AssistantToolRequest, p) as Promise<AssistantToolAnswer>;
  const ok = (a: AssistantToolAnswer) => { assert.ok(a.ok, JSON.stringify(a)); return a as Extract<AssistantToolAnswer, { ok: true }>; };

  it('check: the document\'s findings, as the diagnostics count them', async () => {
    const a = ok(await ask({ tool: 'check', uri, input: { maxFindings: 3 } }));
    assert.strictEqual(a.result.file, 'w.digest.md');
    assert.strictEqual((a.result.findings as unknown[]).length, 3);
    const counts = a.result.counts as Record<string, number>;
    const published = client.diagnostics.get(uri)!.at(-1)!.diagnostics;
    assert.strictEqual(counts.warning, published.filter(d => d.severity === 2).length);
  });

  it('lookup: the document\'s glossary, by English, Korean or abbreviation', async () => {
    const a = ok(await ask({ tool: 'lookup', uri, input: { term: '파인튜닝' } }));
    const [first] = a.result.terms as { ko: string; match: string }[];
    assert.deepStrictEqual([first.ko, first.match], ['미세 조정', 'avoided']);
  });

  it('fix: one whole-document edit whose result has no safe fix left; nothing is written to disk', async () => {
    const a = ok(await ask({ tool: 'fix', uri, input: {} }));
    assert.strictEqual(a.edits?.length, 1);
    assert.strictEqual(a.version, 1, 'the version the edit is for (the client refuses it for a newer one)');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, seed), a.edits!);
    assert.notStrictEqual(fixed, seed);
    assert.ok((a.result.fixed as number) > 0);
    assert.strictEqual((a.result.remaining as { autoFixable: number }).autoFixable, 0);
    assert.strictEqual(fs.readFileSync(path.join(ws, 'w.digest.md'), 'utf8'), seed);
    const dry = ok(await ask({ tool: 'fix', uri, input: { dryRun: true } }));
    assert.strictEqual(dry.edits, undefined);
    assert.strictEqual(dry.result.applied, false);
  });

  it('toc: the table from the headings as an edit of the TOC lines only', async () => {
    const broken = seed.replace(/^(\d+\.\s*)LLM 발전 및 기술 보고서/m, '$1옛 제목');
    const pending = client.nextDiagnostics(uri);
    await client.change(uri, 2, broken);
    await client.save(uri);
    await pending;
    const a = ok(await ask({ tool: 'toc', uri, input: {} }));
    assert.strictEqual(a.edits?.length, 1);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 2, broken), a.edits!);
    assert.match(after, /^\d+\.\s*LLM 발전 및 기술 보고서/m);
    assert.strictEqual(after.length - broken.length, 'LLM 발전 및 기술 보고서'.length - '옛 제목'.length);
  });

  it('bad input, an unknown tool and a document that is not open: an answer with the reason, not a failed request', async () => {
    const bad = await ask({ tool: 'lookup', uri, input: { term: '' } });
    assert.ok(!bad.ok && /term/.test(bad.error), JSON.stringify(bad));
    const extra = await ask({ tool: 'check', uri, input: { path: 'x.md' } });
    assert.ok(!extra.ok && /additional properties/.test(extra.error), JSON.stringify(extra));
    const unknown = await ask({ tool: 'nope' as never, uri, input: {} });
    assert.ok(!unknown.ok && /Unknown tool/.test(unknown.error));
    const inherited = await ask({ tool: 'toString' as never, uri, input: {} });
    assert.ok(!inherited.ok && /Unknown tool/.test(inherited.error), 'an inherited property is no tool');
    const closed = await ask({ tool: 'check', uri: `file://${ws}/other.digest.md`, input: {} });
    assert.ok(!closed.ok && /No digest is open/.test(closed.error), JSON.stringify(closed));
  });
});
