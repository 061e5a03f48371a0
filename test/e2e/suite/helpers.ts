/**
 * Helpers for the e2e suite: the extension under test, the workspace copy, waiting for what the
 * language server publishes (it runs in its own process, so everything is asynchronous), and
 * screenshots through the runner's file protocol.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'paper-digest.paper-digest';
export const SOURCE = 'paper-digest';
/** Long enough for a loaded 2-core machine; tests wait for events, this only bounds a failure. */
export const WAIT_MS = 20_000;
/** How long "nothing happens" is watched for, after a server round trip proved the message was handled. */
export const QUIET_MS = 1_500;

export interface PaperDigestApi {
  client: () => { sendRequest<R>(method: string, params: unknown): Promise<R>; isRunning(): boolean } | undefined;
  previewHtml?: () => string | undefined;
  /** What the preview page reported after its last render. */
  previewState?: () => { published: boolean; terms: boolean; asterisks: number; outline: 'beside' | 'bar' | 'hidden' } | undefined;
  /** The status bar item's text while it is shown. */
  statusText?: () => string | undefined;
}

let api: PaperDigestApi | undefined;

/** Activates the extension (as opening a Markdown file would) and waits until its client runs. */
export async function extension(): Promise<PaperDigestApi> {
  if (api) return api;
  const ext = vscode.extensions.getExtension<PaperDigestApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  api = await ext.activate();
  await waitFor(() => api!.client()?.isRunning() === true, 'the language client to run');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export const wsUri = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));

export const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value; fails with `what` after `timeout`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeout = WAIT_MS): Promise<T> {
  const t0 = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - t0 > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await sleep(100);
  }
}

/** This extension's diagnostics for a document. */
export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** "rule@line" (1-based lines, as an editor shows them), sorted: compact and readable in a failure. */
export function summary(ds: vscode.Diagnostic[]): string[] {
  return ds.map(d => `${codeOf(d)}@${d.range.start.line + 1}`).sort();
}

/** Waits until the document's diagnostics satisfy `ok`, then returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(() => { last = diagnostics(uri); return ok(last) && last; }, what);
  } catch (e) {
    throw new Error(`${(e as Error).message}; diagnostics of ${path.basename(uri.path)} were [${summary(last).join(', ')}]`);
  }
}

/**
 * A round trip through the language server for `uri`: the answer comes after the server has
 * handled every notification sent before it (LSP messages are ordered), e.g. didChange/didOpen.
 */
export async function serverRoundTrip(uri: vscode.Uri): Promise<void> {
  const client = (await extension()).client();
  assert.ok(client, 'no language client');
  await client.sendRequest('paperDigest/documentStatus', { uri: uri.toString() });
}

/** 1-based line of the first line containing `needle` (the expected lines are found, not hard-coded). */
export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found in ${path.basename(doc.uri.path)}`);
}

export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${path.basename(doc.uri.path)}`);
  return doc.positionAt(at + offsetInNeedle);
}

export async function open(rel: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  await extension();
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  return { doc, editor };
}

export async function replaceText(doc: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const start = positionOf(doc, needle);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + needle.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

export async function save(doc: vscode.TextDocument): Promise<void> {
  assert.ok(await doc.save(), `saving ${path.basename(doc.uri.path)} failed`);
}

/** Throws away unsaved changes and closes every editor, so the next test starts clean. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Writes a file in the workspace copy as an editor user would: open, replace everything, save. */
export async function rewriteFile(rel: string, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Two });
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `applyEdit refused to rewrite ${rel}`);
  await save(doc);
}

export const readWorkspaceFile = (rel: string) => fs.readFileSync(wsUri(rel).fsPath, 'utf8');

/**
 * Saves test-output/e2e/<name>.png through the runner's request-file protocol; returns its path,
 * or undefined where screenshots are not supported (desktop runner).
 */
export async function screenshot(name: string, timeoutMs = 20_000): Promise<string | undefined> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const request = path.join(dir, `${name}.screenshot-request`);
  fs.writeFileSync(request, '');
  for (const t0 = Date.now(); fs.existsSync(request); await sleep(100)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`screenshot ${name}: no answer after ${timeoutMs} ms`);
  }
  const failed = path.join(dir, `${name}.screenshot-failed`);
  if (fs.existsSync(failed)) throw new Error(`screenshot ${name} failed: ${fs.readFileSync(failed, 'utf8').trim()}`);
  return path.join(process.env.E2E_OUTPUT_DIR ?? '', `${name}.png`);
}
