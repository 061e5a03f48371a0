/**
 * The web e2e suite: the extension's browser build (package.json "browser") in code-server's web
 * worker extension host, in a virtual workspace (memfs:/ws, see memfs/extension.ts) where no file
 * is on any disk, as on github.dev. Bundled for the browser and loaded as extensionTestsPath; a
 * small sequential runner (the host has no Node, so no mocha CLI), printing "N passed, N failed".
 */
import * as vscode from 'vscode';
import { MemFs } from './memfs';

declare const MEMFS_FILES: Record<string, string>;

const EXTENSION_ID = 'paper-digest.paper-digest';
const WAIT_MS = 30_000;
interface Api { client(): { isRunning(): boolean } | undefined; previewHtml(): string | undefined }

const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));
async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - t0 > WAIT_MS) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await sleep(100);
  }
}
function ok(cond: unknown, what: string): asserts cond { if (!cond) throw new Error(what); }

const ws = (rel: string) => vscode.Uri.parse(`memfs:/ws/${rel}`);
const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'paper-digest');
const unknownPairs = (uri: vscode.Uri) => ours(uri).filter(d => code(d) === 'term-unknown-pair').map(d => d.message);
const DOC = ws('digests/web.digest.md');
let api: Api;

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

const tests: [string, () => Promise<void>][] = [
  ['W1. the browser build runs in a web worker, in the virtual workspace memfs:/ws', async () => {
    ok(typeof (globalThis as { process?: unknown }).process === 'undefined', 'this host has Node\'s process: not the web worker extension host');
    ok(vscode.env.uiKind === vscode.UIKind.Web, 'not a web UI');
    ok(vscode.workspace.workspaceFolders?.[0]?.uri.toString() === 'memfs:/ws', `workspace folders: ${vscode.workspace.workspaceFolders?.map(f => f.uri.toString())}`);
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    ok(ext, `${EXTENSION_ID} is not loaded`);
    ok(ext.packageJSON.browser && !ext.packageJSON.main, 'the extension under test is the browser build only');
    await open(DOC);
    api = await ext.activate();
    await waitFor(() => api.client()?.isRunning(), 'the language client to run');
  }],
  ['W2. diagnostics for a digest in the virtual workspace, with its glossary read through the editor', async () => {
    await open(DOC);
    const ds = await waitFor(() => { const d = ours(DOC); return d.some(x => code(x) === 'paper-numbering') && d; }, 'paper-numbering on 1.3');
    const numbering = ds.find(d => code(d) === 'paper-numbering')!;
    ok(numbering.range.start.line === 35, `paper-numbering on line ${numbering.range.start.line + 1}`);
    const pairs = unknownPairs(DOC);
    ok(pairs.some(m => m.includes('new term')), `term-unknown-pair for new term: ${pairs.join(' | ')}`);
    ok(!pairs.some(m => m.includes('our term')), 'our term is in memfs:/ws/.paper-digest/glossary.json');
  }],
  ['W3. hover shows the workspace glossary\'s entry', async () => {
    const doc = await open(DOC);
    const at = doc.positionAt(doc.getText().indexOf('우리 용어') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', DOC, at);
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
    ok(text.includes('our term') && text.includes('팀이 정한 말'), `hover: ${text}`);
  }],
  ['W4. a quick fix is applied and its finding goes once saved', async () => {
    const doc = await open(DOC);
    const finding = await waitFor(() => ours(DOC).find(d => code(d) === 'paper-numbering'), 'paper-numbering');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', DOC, finding.range);
    const fix = actions.find(a => a.isPreferred && a.edit);
    ok(fix, `a preferred fix among: ${actions.map(a => a.title).join(' | ')}`);
    ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applied');
    ok(doc.getText().includes('#### 1.2. 두 번째 논문'), 'renumbered to 1.2');
    ok(await doc.save(), 'saved to memfs');
    await waitFor(() => !ours(DOC).some(d => code(d) === 'paper-numbering'), 'the paper-numbering finding to go');
  }],
  ['W5. the preview renders the digest', async () => {
    await open(DOC);
    await vscode.commands.executeCommand('paperDigest.openPreview');
    const html = await waitFor(() => api.previewHtml(), 'the preview page to render');
    ok(html.includes('첫 번째 논문') && html.includes('data-line'), `preview html: ${html.slice(0, 200)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }],
  ['W6. a changed glossary file is read again: the document is re-checked', async () => {
    await open(DOC);
    await waitFor(() => unknownPairs(DOC).some(m => m.includes('new term')), 'term-unknown-pair for new term');
    const glossary = ws('.paper-digest/glossary.json');
    const entries = { terms: [{ ko: '우리 용어', en: 'our term', note: '팀이 정한 말' }, { ko: '새 용어', en: 'new term' }] };
    await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(JSON.stringify(entries, null, 2) + '\n'));
    await waitFor(() => !unknownPairs(DOC).some(m => m.includes('new term')), 'new term to be known from the changed glossary');
  }],
];

export async function run(): Promise<void> {
  // The virtual workspace's files: registered here, before anything opens them (the workbench
  // opened ?folder=memfs:/ws before any extension could provide it, and waits for a provider).
  vscode.workspace.registerFileSystemProvider('memfs', new MemFs(MEMFS_FILES), { isCaseSensitive: true });
  let passed = 0, failed = 0;
  for (const [name, fn] of tests) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${name}: ${(e as Error)?.stack ?? e}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} web e2e test(s) failed`);
}
