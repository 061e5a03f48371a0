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
  client.onRequest(FindMarkdownRequest, async ({ folder, limit }) => {
    const pattern = new vscode.RelativePattern(vscode.Uri.parse(folder), '**/*.{md,mdx,markdown}');
    const found = await vscode.workspace.findFiles(pattern, '**/{node_modules,.git}/**', Math.max(0, limit));
    return found.map(u => u.toString());
  });
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
