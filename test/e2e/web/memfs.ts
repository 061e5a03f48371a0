/**
 * A virtual workspace for the web e2e suite: an in-memory file system on the memfs: scheme
 * (there is no file on any disk behind it, as with github.dev's vscode-vfs:), filled with
 * test/e2e/web/workspace (embedded at build time). The suite registers it before it opens
 * anything; the workbench opened ?folder=memfs:/ws and waits for a provider.
 */
import * as vscode from 'vscode';

interface Entry { type: vscode.FileType; data?: Uint8Array; mtime: number }

export class MemFs implements vscode.FileSystemProvider {
  private entries = new Map<string, Entry>();
  private emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(files: Record<string, string>) {
    this.mkdirs('/ws');
    for (const [rel, text] of Object.entries(files)) this.put(`/ws/${rel}`, new TextEncoder().encode(text), false);
  }
  private mkdirs(p: string): void {
    for (let i = 1; i <= p.length; i++) {
      if (i === p.length || p[i] === '/') { const d = p.slice(0, i) || '/'; if (!this.entries.has(d)) this.entries.set(d, { type: vscode.FileType.Directory, mtime: Date.now() }); }
    }
    this.entries.set('/', { type: vscode.FileType.Directory, mtime: 0 });
  }
  private put(p: string, data: Uint8Array, notify: boolean): void {
    const existed = this.entries.has(p);
    this.mkdirs(p.slice(0, p.lastIndexOf('/')) || '/');
    const prev = this.entries.get(p)?.mtime ?? 0;
    this.entries.set(p, { type: vscode.FileType.File, data, mtime: Math.max(Date.now(), prev + 1) });
    if (notify) this.emitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri: vscode.Uri.from({ scheme: 'memfs', path: p }) }]);
  }
  private get(uri: vscode.Uri): Entry {
    const e = this.entries.get(uri.path);
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }
  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat { const e = this.get(uri); return { type: e.type, ctime: 0, mtime: e.mtime, size: e.data?.byteLength ?? 0 }; }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const dir = uri.path.endsWith('/') ? uri.path : uri.path + '/';
    return [...this.entries].filter(([p]) => p !== dir && p.startsWith(dir) && !p.slice(dir.length).includes('/')).map(([p, e]) => [p.slice(dir.length), e.type]);
  }
  createDirectory(uri: vscode.Uri): void { this.mkdirs(uri.path); this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]); }
  readFile(uri: vscode.Uri): Uint8Array {
    const e = this.get(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data!;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void { this.put(uri.path, content, true); }
  delete(uri: vscode.Uri): void { this.entries.delete(uri.path); this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]); }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    const e = this.get(from);
    this.entries.delete(from.path);
    this.entries.set(to.path, e);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }
}
