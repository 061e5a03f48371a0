// Editor features as providers over one analysis, in process: no editor, no spawned server, in
// milliseconds (vscode-markdown-languageservice's way). The stdio tests keep the wiring.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver, lintText } from '../../server/src/engine';
import type { FileReader } from '../../server/src/engine/config';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { hover } from '../../server/src/features/hover';
import { definition } from '../../server/src/features/definition';
import { codeActions, type CodeActionEnv } from '../../server/src/features/code-actions';
import { completions } from '../../server/src/features/completion';
import { completionRequest } from '../../server/src/features/completion-request';
import { analysisDiagnostics } from '../../server/src/features/lsp-convert';
import { FEATURES, featureCapabilities } from '../../server/src/features';
import type { Analysis } from '../../server/src/features/context';
import { CodeActionKind, type CompletionItem, type CreateFile, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, SelectTextCommand } from '../../shared/protocol';
import { FIXTURES } from '../support/paths';
import { nodePlatform } from '../../server/src/node-platform';

// No configuration or glossary files: the built-in profile and glossary, unless a test gives some.
const filesOf = (files: Record<string, string>): FileReader => ({ readFile: f => files[f], stamp: f => (f in files ? '1' : undefined) });
const noFiles = filesOf({});

function analysisOf(text: string, file = '/ws/weekly.digest.md', reader = noFiles): Analysis {
  const outcome = lintText(text, file, { resolver: new ConfigResolver(reader), locale: 'en' });
  return { uri: `file://${file}`, version: 1, filePath: file, text, outcome };
}
const env = (over: Partial<CodeActionEnv> = {}): CodeActionEnv => ({ locale: 'en', clientCommands: [], openDocument: () => undefined, files: nodePlatform().files, ...over });
function applyTo(a: Analysis, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[a.uri] as TextEdit[] | undefined;
  assert.ok(edits?.length, 'the action carries edits for this document');
  return TextDocument.applyEdits(TextDocument.create(a.uri, 'markdown', 1, a.text), edits);
}
/** The completion items at a line and character of a text (analysed as a digest). */
function completeAt(text: string, line: number, character: number, context?: { triggerKind: 1 | 2; triggerCharacter?: string }): CompletionItem[] {
  const a = analysisOf(text);
  const doc = TextDocument.create(a.uri, 'markdown', 1, text);
  return completions(completionRequest(doc, { textDocument: { uri: a.uri }, position: { line, character }, context }, () => a))?.items ?? [];
}
const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

describe('editor features as providers, in process', () => {
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const a = analysisOf(seed);
  const lineOf = (needle: string) => seed.split('\n').findIndex(l => l.startsWith(needle));

  it('folding: each section and paper folds from its heading, a paper inside its section', () => {
    const ranges = foldingRanges(a);
    const s1 = ranges.find(r => r.startLine === lineOf('### 1. '))!;
    const p11 = ranges.find(r => r.startLine === lineOf('#### 1.1. '))!;
    assert.ok(s1 && p11, JSON.stringify(ranges.slice(0, 4)));
    assert.ok(p11.endLine <= s1.endLine && p11.endLine < lineOf('#### 1.2. '), 'paper 1.1 ends before 1.2, inside section 1');
    assert.strictEqual(ranges.length, 4 + 9, 'four sections and nine entries');
  });

  it('symbols: TOC, sections → papers → blocks, with the missing blocks as detail', () => {
    const symbols = documentSymbols(a, 'en');
    assert.deepStrictEqual(symbols.map(s => s.name).slice(0, 2), ['Table of contents', '1. LLM 발전 및 기술 보고서']);
    const p12 = symbols[1].children![1];
    assert.match(p12.name, /^1\.2\. /);
    assert.match(p12.detail ?? '', /주요 방법론/);
    assert.deepStrictEqual(symbols[1].children![0].children!.map(b => b.name.split(':')[0]), ['핵심 아이디어', '주요 방법론', '가장 중요한 발견', '중요 자료']);
  });

  it('hover: a glossary term shows its entry; a plain word shows nothing', () => {
    const line = lineOf('#### 1.1. ');
    const at = seed.split('\n')[line].indexOf('확산 트랜스포머');
    const h = hover(a, { line, character: at + 1 }, 'en');
    assert.ok(h, 'a hover on 확산 트랜스포머');
    assert.match((h!.contents as { value: string }).value, /\*\*확산 트랜스포머\*\* ↔ \*Diffusion Transformers?\*/);
    assert.strictEqual(hover(a, { line: lineOf('#### 1.1. '), character: 1 }, 'en'), null);
  });

  it('diagnostics: severity, rule code with its doc link, related places, and "unnecessary" for a repeated pair', () => {
    const ds = analysisDiagnostics(a);
    assert.strictEqual(ds.length, a.outcome.result.findings.length);
    const missing = ds.find(d => d.code === 'block-missing')!;
    assert.strictEqual(missing.severity, 2);
    assert.strictEqual(missing.source, 'paper-digest');
    assert.match(missing.codeDescription!.href, /docs\/rules\/block-missing\.md$/);
    const withRelated = a.outcome.result.findings.find(f => f.related.length)!;
    assert.ok(withRelated, 'the seed has a finding with related places');
    const d = ds.find(x => x.code === withRelated.rule && x.range.start.line === a.outcome.result.lineIndex.positionAt(withRelated.span.start).line)!;
    assert.strictEqual(d.relatedInformation?.[0].location.uri, a.uri);
    const repeated = analysisDiagnostics(analysisOf('# 제목\n\n확산 트랜스포머(Diffusion Transformers)를 봅니다. 확산 트랜스포머(Diffusion Transformers)는 빠릅니다.\n'))
      .find(x => x.code === 'term-repeated-pair');
    assert.deepStrictEqual(repeated?.tags, [1], 'a repeated pair is shown faded');
  });

  it("code actions: a finding's fix (preferred when safe), suppressions, and fix-all; `only` narrows them", () => {
    const cjk = a.outcome.result.findings.find(f => f.rule === 'cjk-emphasis' && a.outcome.result.lineIndex.positionAt(f.span.start).line === 27)!;
    assert.ok(cjk, 'cjk-emphasis on line 28');
    const range = a.outcome.result.lineIndex.range(cjk.span);
    const actions = codeActions(a, range, [CodeActionKind.QuickFix], env());
    const move = actions.find(x => x.title === 'Move "가" inside the emphasis')!;
    assert.ok(move, actions.map(x => x.title).join(' | '));
    assert.strictEqual(move.isPreferred, true);
    assert.ok(applyTo(a, move.edit).includes('**표현 오토인코더(Representation Autoencoder, RAE)가**'));
    assert.ok(actions.some(x => x.title === 'Disable cjk-emphasis for this line') && actions.some(x => x.title === 'Disable cjk-emphasis for this file'));
    assert.ok(!actions.some(x => x.kind === FIX_ALL_KIND), 'quickfix only: no fix-all');
    const all = codeActions(a, range, [FIX_ALL_KIND], env());
    assert.deepStrictEqual(all.map(x => x.kind), [FIX_ALL_KIND]);
    assert.ok(!/\*\*[^*\n]+\*\*가/.test(applyTo(a, all[0].edit).split('\n')[27]), 'fix-all moves the particle too');
    assert.strictEqual(codeActions(a, range, [FIX_ALL_KIND], env({ locale: 'ko' }))[0].title, '고칠 수 있는 문제 모두 고치기 (paper-digest)');
  });

  it('code actions: a fix that selects text carries the command only for a client that implements it', () => {
    const withSelect = a.outcome.result.findings.find(f => f.fixes.some(x => x.select));
    assert.ok(withSelect, 'the seed has a fix that selects text');
    const range = a.outcome.result.lineIndex.range(withSelect!.span);
    const title = withSelect!.fixes.find(x => x.select)!.title;
    const plain = codeActions(a, range, undefined, env()).find(x => x.title === title)!;
    assert.strictEqual(plain.command, undefined);
    const vscode = codeActions(a, range, undefined, env({ clientCommands: [SelectTextCommand] })).find(x => x.title === title)!;
    assert.strictEqual(vscode.command?.command, SelectTextCommand);
  });

  it('code actions: "add to the workspace glossary" creates the file, or edits the open one keeping its text', () => {
    const text = '# 제목\n\n우리 용어(our term)를 씁니다.\n';
    const b = analysisOf(text, '/ws/w.digest.md');
    const unknown = b.outcome.result.findings.find(f => f.rule === 'term-unknown-pair')!;
    assert.ok(unknown, b.outcome.result.findings.map(f => f.rule).join());
    const range = b.outcome.result.lineIndex.range(unknown.span);
    const create = codeActions(b, range, undefined, env()).find(x => x.title.startsWith('Add'))!;
    const changes = create.edit!.documentChanges!;
    assert.strictEqual((changes[0] as CreateFile).kind, 'create');
    assert.strictEqual((changes[0] as CreateFile).uri, 'file:///ws/.paper-digest/glossary.json');
    const openText = '{\n  "terms": []\n}\n';
    const open = TextDocument.create('file:///ws/.paper-digest/glossary.json', 'json', 7, openText);
    // An open glossary only exists once found on disk: give the resolver one, and the editor a newer text.
    const c = analysisOf(text, '/ws/w.digest.md', filesOf({ '/ws/.paper-digest/glossary.json': '{ "terms": [] }' }));
    const edit = codeActions(c, range, undefined, env({ openDocument: u => (u === open.uri ? open : undefined) })).find(x => x.title.startsWith('Add'))!;
    const docEdit = edit.edit!.documentChanges![0] as TextDocumentEdit;
    assert.strictEqual(docEdit.textDocument.version, 7);
    const after = JSON.parse(TextDocument.applyEdits(open, docEdit.edits as TextEdit[]));
    assert.deepStrictEqual(after.terms, [{ ko: '우리 용어', en: 'our term' }]);
  });

  it('code actions: a cancelled request gives none', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } };
    assert.ok(codeActions(a, range, [CodeActionKind.QuickFix], env()).length > 10);
    assert.deepStrictEqual(codeActions(a, range, [CodeActionKind.QuickFix], env(), { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) }), []);
  });

  it("definition: a term from a writer's glossary goes to its entry; a built-in term goes nowhere", () => {
    const glossary = '{\n  "terms": [\n    { "ko": "우리 용어", "en": "our term" }\n  ]\n}\n';
    const text = '# 제목\n\n우리 용어(our term)를 씁니다. 확산 트랜스포머(Diffusion Transformers)도 씁니다.\n';
    const b = analysisOf(text, '/ws/w.digest.md', filesOf({ '/ws/.paper-digest/glossary.json': glossary }));
    const locs = definition(b, { line: 2, character: 1 });
    assert.deepStrictEqual(locs?.map(l => [l.uri, l.range.start.line]), [['file:///ws/.paper-digest/glossary.json', 2]]);
    assert.strictEqual(definition(b, { line: 2, character: text.split('\n')[2].indexOf('확산') + 1 }), null);
  });

  it('completion: after `### ` the next section number and its TOC title', () => {
    const at = lineOf('### 3. ');
    const text = [...seed.split('\n').slice(0, at), '### ', ...seed.split('\n').slice(at)].join('\n');
    const items = completeAt(text, at, 4);
    assert.strictEqual(newText(items[0]), '3. ');
    assert.ok(items.some(i => newText(i) === '3. LLM 추론 및 성능 향상 기법'));
  });

  it('completion: after `#### ` the next paper number of the section, and the whole entry', () => {
    const lines = seed.split('\n');
    const at = lineOf('### 2. ');
    const text = [...lines.slice(0, at), '#### ', '', ...lines.slice(at)].join('\n');
    const items = completeAt(text, at, 5);
    assert.strictEqual(newText(items[0]), '1.4. ');
    assert.deepStrictEqual(items.slice(1).map(i => newText(i).split('\n')[0]), ['#### 1.4. ${1:논문 제목}(${2:English Title})']);
    const typed = completeAt(text.replace(/^#### $/m, '#### 1.'), at, 7);
    assert.strictEqual((typed[0].textEdit as TextEdit).range.start.character, 5, 'a partly typed number is replaced');
  });

  it('completion: after `**` the blocks the paper lacks, in profile order; in mid-paragraph nothing', () => {
    const lines = seed.split('\n');
    const at = lineOf('#### 1.3.');
    const text = [...lines.slice(0, at - 2), '', '**', '', ...lines.slice(at - 2)].join('\n');
    const items = completeAt(text, at - 1, 2);
    assert.deepStrictEqual(items.sort((x, y) => x.sortText!.localeCompare(y.sortText!)).map(i => i.label), ['주요 방법론', '가장 중요한 발견', '중요 자료']);
    assert.match(newText(items.find(i => i.label === '중요 자료')!), /arxiv\.org\/abs\/\$\{1:arXiv-id\}\)/);
    const mid = [...lines.slice(0, at - 2), 'text', '**', ...lines.slice(at - 2)].join('\n');
    assert.deepStrictEqual(completeAt(mid, at - 1, 2), []);
  });

  it('completion: a glossary term while typing, with its English at first use only', () => {
    const text = '# 제목\n\n확산 트\n';
    const first = completeAt(text, 2, 4).find(i => i.label === '확산 트랜스포머')!;
    assert.strictEqual(newText(first), '확산 트랜스포머(Diffusion Transformers)');
    const again = '# 제목\n\n확산 트랜스포머(Diffusion Transformers)를 봅니다. 확산 트\n';
    const later = completeAt(again, 2, again.split('\n')[2].length).find(i => i.label === '확산 트랜스포머')!;
    assert.strictEqual(newText(later), '확산 트랜스포머');
  });

  it('the feature table declares every provider capability, each once', () => {
    const caps = featureCapabilities();
    for (const key of ['codeActionProvider', 'executeCommandProvider', 'completionProvider', 'hoverProvider', 'definitionProvider', 'documentSymbolProvider', 'foldingRangeProvider']) {
      assert.ok(key in caps, key);
    }
    assert.throws(() => featureCapabilities([...FEATURES, { capabilities: { hoverProvider: true }, register: () => undefined }]), /hoverProvider/);
  });
});
