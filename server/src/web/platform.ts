/**
 * The language server in a browser (vscode.dev, github.dev): no file system, so files are named
 * by URI (engine/paths.ts) and read through the client (ReadFilesRequest, `workspace.fs`).
 *
 * The engine reads synchronously, so reads come from a cache: a file the cache does not know
 * reads as missing and is noted. Before each check the server runs the check's reads as a probe
 * (`prepare`); what was noted is fetched in one request, and the probe runs again, until nothing
 * new is needed (a configuration names a profile, the profile its base, …). File events from the
 * client's watcher drop a file from the cache, so its next use reads it again.
 */
import type { Connection } from 'vscode-languageserver';
import { FindMarkdownRequest, ReadFilesRequest, type ReadFileAnswer } from '../../../shared/protocol';
import { uriPaths } from '../engine/paths';
import { MAX_JSON_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, type SafeReadResult } from '../engine/read-errors';
import { yieldToLoop } from '../engine/steps';
import type { ServerFiles, ServerPlatform } from '../platform';

/** A configuration names a profile, which extends another, …: rounds of fetching at most. */
const MAX_ROUNDS = 8;

export class ClientFiles implements ServerFiles {
  readonly paths = uriPaths;
  private known = new Map<string, ReadFileAnswer>();
  private wanted = new Set<string>();
  unknownReads = 0;

  constructor(private fetch: (uris: string[], limit: number) => Promise<ReadFileAnswer[]>) {}

  private lookup(file: string): ReadFileAnswer | undefined {
    const k = this.known.get(file);
    if (!k) { this.wanted.add(file); this.unknownReads++; }
    return k;
  }

  stamp(file: string): string | undefined {
    const k = this.lookup(file);
    return k && 'stamp' in k ? k.stamp : undefined;
  }

  read(file: string): SafeReadResult {
    const k = this.lookup(file);
    if (!k) return { error: 'missing', file };
    if ('text' in k) return { text: k.text, validUtf8: true, size: k.text.length, mtimeMs: 0, hash: '' };
    return { error: k.error, file, size: k.size, limit: MAX_JSON_BYTES };
  }

  readFile(file: string): string | undefined {
    const r = this.read(file);
    return 'error' in r ? undefined : r.text;
  }

  invalidate(file: string): void { this.known.delete(file); }

  /** Runs `probe` until every file it reads is known (fetching what it asked for in between). */
  async prepare(probe: () => void): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.wanted.clear();
      try { probe(); } catch { /* the check itself reports it */ }
      if (!this.wanted.size) return;
      const uris = [...this.wanted];
      let answers: ReadFileAnswer[] = [];
      try { answers = await this.fetch(uris, MAX_JSON_BYTES); } catch { /* a client without the request: nothing to read */ }
      const byUri = new Map(answers.map(a => [uriPaths.fromUri(a.uri), a]));
      for (const uri of uris) this.known.set(uri, byUri.get(uri) ?? { uri, error: 'missing' });
    }
  }
}

export function webPlatform(connection: Connection): ServerPlatform {
  const fetch = (uris: string[], limit: number) => connection.sendRequest(ReadFilesRequest, { uris, limit });
  const files = new ClientFiles(fetch);
  return {
    files,
    prepare: probe => files.prepare(probe),
    invalidate: file => files.invalidate(file),
    async markdownFiles(folder, limit) {
      const found = (await connection.sendRequest(FindMarkdownRequest, { folder, limit: limit + 1 })).map(u => uriPaths.fromUri(u)).sort();
      return { files: found.slice(0, limit), complete: found.length <= limit };
    },
    async readDocument(file) {
      const [a] = await fetch([file], DEFAULT_MAX_DOCUMENT_BYTES);
      return a && 'text' in a ? { stamp: a.stamp, text: a.text } : undefined;
    },
    yieldToLoop,
  };
}
