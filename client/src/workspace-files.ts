/**
 * The client's side of ReadFilesRequest and FindMarkdownRequest (shared/protocol.ts): the web
 * build's server has no file system, so it reads configuration, profiles, glossaries and (for
 * workspace terms) digests through `workspace.fs`, which also reaches virtual workspaces
 * (github.dev's `vscode-vfs:`). Regular files only, within the size limit, UTF-8.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindMarkdownRequest, ReadFilesRequest, type ReadFileAnswer } from '../../shared/protocol';

/** Files per request, at most (the server asks for a handful at a time). */
const MAX_FILES = 256;

export function serveWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(ReadFilesRequest, ({ uris, limit }) => Promise.all(uris.slice(0, MAX_FILES).map(uri => readFile(uri, limit))));
  client.onRequest(FindMarkdownRequest, async ({ folder, limit }) => (await findMarkdown(vscode.Uri.parse(folder), Math.max(0, limit))).map(u => u.toString()));
}

/** How long findFiles may take before the folder is walked instead (a file system with no search provider never answers). */
const SEARCH_MS = 10_000;
const SKIPPED = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|mdx|markdown)$/i;

async function findMarkdown(folder: vscode.Uri, limit: number): Promise<vscode.Uri[]> {
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), SEARCH_MS);
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,mdx,markdown}'), '**/{node_modules,.git}/**', limit, cancel.token);
    if (!cancel.token.isCancellationRequested) return found;
  } catch { /* no search here: walk */ } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
  const out: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try { entries = await vscode.workspace.fs.readDirectory(dir); } catch { return; }
    for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (out.length >= limit) return;
      if (SKIPPED.has(name)) continue;
      const uri = vscode.Uri.joinPath(dir, name);
      // Linked folders are not followed, as on the desktop (engine/workspace-files.ts).
      if (type & vscode.FileType.Directory) { if (!(type & vscode.FileType.SymbolicLink)) await walk(uri); }
      else if (type & vscode.FileType.File && MARKDOWN.test(name)) out.push(uri);
    }
  };
  await walk(folder);
  return out;
}

export async function readFile(uri: string, limit: number): Promise<ReadFileAnswer> {
  let u: vscode.Uri;
  let st: vscode.FileStat;
  try { u = vscode.Uri.parse(uri, true); st = await vscode.workspace.fs.stat(u); } catch { return { uri, error: 'missing' }; }
  // A folder is not a file that is there (as on the desktop); anything else not a file is not read.
  if (st.type & vscode.FileType.Directory) return { uri, error: 'missing' };
  const stamp = `${st.mtime}:${st.size}`;
  if (!(st.type & vscode.FileType.File)) return { uri, error: 'not-regular', stamp };
  if (st.size > limit) return { uri, error: 'too-large', size: st.size, stamp };
  let bytes: Uint8Array;
  try { bytes = await vscode.workspace.fs.readFile(u); } catch { return { uri, error: 'unreadable', stamp }; }
  if (bytes.length > limit) return { uri, error: 'too-large', size: bytes.length, stamp };
  try {
    return { uri, stamp, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { uri, error: 'invalid-utf8', stamp };
  }
}
