import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CompletionRequest, DocumentSymbolRequest, type CompletionItem, type CompletionList, type DocumentSymbol, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/paths';
import { PreviewRequest, type PreviewContent } from '../../shared/protocol';
import { builtinProfile, checkText } from '../../server/src/engine';
import { expandSnippet } from '../preview/snippet-expander';

// The wiring of outline, completion and the preview request in the real server over stdio; the
// features' own cases are tested in process (providers.test.ts).
describe('editor features over stdio (symbols, folding, completion, preview)', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const seedLines = seed.split(/\r?\n/);
  const lineOf = (prefix: string) => seedLines.findIndex(l => l.startsWith(prefix));

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-ed-'));
    client = new TestClient();
    const init = await client.initialize(ws, { settings: { run: 'onSave', locale: 'en' } });
    assert.strictEqual(init.capabilities.documentSymbolProvider, true);
    assert.strictEqual(init.capabilities.foldingRangeProvider, true);
    assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes(' '));
    assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes('#'));
  });
  after(async () => {
    const code = await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    assert.strictEqual(code, 0, `server exit code, stderr: ${client.stderr}`);
  });

  let n = 0;
  async function open(text: string, name = `d${++n}.digest.md`): Promise<string> {
    const uri = `file://${ws}/${name}`;
    const pending = client.nextDiagnostics(uri);
    await client.open(uri, text);
    await pending;
    return uri;
  }
  const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

  it('gives document symbols: TOC, sections → papers → blocks, with ranges on the headings', async () => {
    const uri = await open(seed);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0].name, 'Table of contents');
    const sections = symbols.slice(1);
    assert.deepStrictEqual(sections.map(s => s.name), ['1. LLM 발전 및 기술 보고서', '2. 멀티모달 LLM과 비전 언어 모델', '3. LLM 추론 및 성능 향상 기법', '4. 후속 학습 및 정렬']);
    assert.strictEqual(sections[0].selectionRange.start.line, lineOf('### 1. '));
    const papers = sections[0].children!;
    assert.deepStrictEqual(papers.map(p => p.name.slice(0, 4)), ['1.1.', '1.2.', '1.3.']);
    assert.strictEqual(papers[0].range.start.line, lineOf('#### 1.1.'));
    assert.deepStrictEqual(papers[0].children!.map(b => b.name.split(':')[0]), ['핵심 아이디어', '주요 방법론', '가장 중요한 발견', '중요 자료']);
    assert.strictEqual(papers[0].children![0].selectionRange.start.line, lineOf('**핵심 아이디어: 압축된'));
    assert.strictEqual(papers[0].detail, undefined, '1.1 has every block');
    assert.match(papers[1].detail ?? '', /주요 방법론, 가장 중요한 발견, 중요 자료/);
    // every child lies inside its parent (VS Code drops symbols that do not)
    for (const s of sections) for (const p of s.children!) {
      assert.ok(p.range.start.line >= s.range.start.line && p.range.end.line <= s.range.end.line, p.name);
    }
  });

  it('`#` at the start of a line (a trigger character) offers the next section, the next paper number and the whole entry', async () => {
    const at = lineOf('### 2. ');
    const text = [...seedLines.slice(0, at), '##', '', ...seedLines.slice(at)].join('\n');
    const uri = await open(text);
    const ask = (line: number, character: number, context?: { triggerKind: 1 | 2; triggerCharacter?: string }) =>
      client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character }, context })
        .then(r => (r === null ? [] : Array.isArray(r) ? r : (r as CompletionList).items));
    const items = await ask(at, 2, { triggerKind: 2, triggerCharacter: '#' });
    assert.deepStrictEqual(items.map(i => newText(i).split('\n')[0]), ['### 2. ', '### 2. 멀티모달 LLM과 비전 언어 모델', '#### 1.4. ', '#### 1.4. ${1:논문 제목}(${2:English Title})']);
    // each replaces the typed `##` from the line start, and is found by what was typed
    assert.ok(items.every(i => (i.textEdit as TextEdit).range.start.character === 0 && (i.filterText ?? '').startsWith('##')));
    const entry = items[3];
    assert.strictEqual(entry.insertTextFormat, 2);
    const body = expandSnippet(newText(entry)).text;
    const r = checkText(body.replace(/^/, '### 1. 섹션\n\n'), { profile: builtinProfile('weekly-digest-ko')!, locale: 'en' });
    assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), ['key-idea', 'methodology', 'findings', 'resources']);
    // its stand-ins are reported until replaced, like the snippet's
    assert.ok(r.findings.filter(f => f.rule === 'placeholder-text').length >= 2, r.findings.map(f => f.rule).join());
    // Ctrl+Space on an empty line offers the same; a `#` inside a line or in code offers nothing
    assert.ok((await ask(at + 1, 0, { triggerKind: 1 })).some(i => newText(i).startsWith('#### 1.4. ${1:')));
    assert.deepStrictEqual(await ask(at + 1, 0, { triggerKind: 2, triggerCharacter: ' ' }), []);
    const code = [...seedLines.slice(0, at), '```', '#', '```', '', ...seedLines.slice(at)].join('\n');
    const codeUri = await open(code);
    const inCode = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: codeUri }, position: { line: at + 1, character: 1 }, context: { triggerKind: 2, triggerCharacter: '#' } });
    assert.ok(inCode === null || (Array.isArray(inCode) ? inCode : (inCode as CompletionList).items).length === 0);
    const mid = [...seedLines.slice(0, at), 'C#', '', ...seedLines.slice(at)].join('\n');
    const midUri = await open(mid);
    const inLine = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: midUri }, position: { line: at, character: 2 }, context: { triggerKind: 2, triggerCharacter: '#' } });
    assert.ok(inLine === null || (Array.isArray(inLine) ? inLine : (inLine as CompletionList).items).length === 0);
  });

  it('answers the preview request with sanitised HTML and the outline of the same version', async () => {
    const text = seed + '\n\n<script>globalThis.pwned = 1</script>\n';
    const uri = await open(text);
    const p = (await client.conn.sendRequest(PreviewRequest, { uri })) as PreviewContent;
    assert.strictEqual(p.isDigest, true);
    assert.strictEqual(p.version, 1);
    assert.ok(!/<script/i.test(p.html));
    assert.match(p.html, /<h3 data-line="17">1\. LLM 발전 및 기술 보고서<\/h3>/);
    assert.strictEqual(p.outline.sections.length, 4);
    const p12 = p.outline.sections[0].papers[1];
    assert.deepStrictEqual(p12.blocks.map(b => b.state), ['ok', 'missing', 'missing', 'missing']);
    assert.ok(p12.findings.some(f => f.rule === 'block-missing' && f.line === lineOf('#### 1.2.')));
    await client.change(uri, 2, text.replace('### 1. LLM 발전', '### 1. LLM 진보'));
    const p2 = (await client.conn.sendRequest(PreviewRequest, { uri })) as PreviewContent;
    assert.strictEqual(p2.version, 2);
    assert.match(p2.html, /1\. LLM 진보 및 기술 보고서/);
  });
});
