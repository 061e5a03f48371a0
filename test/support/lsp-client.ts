import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
  ConfigurationRequest, type PublishDiagnosticsParams, type InitializeResult, RegistrationRequest, ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './paths';

/**
 * A real LSP client for tests: spawns the bundled server (dist/server.js) over stdio and speaks
 * JSON-RPC to it, as Neovim or Helix would. Build first (`npm test` does).
 */
export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  stderr = '';
  settings: Record<string, unknown> = {};
  /** Settings per workspace folder URI (resource scope), answered for workspace/configuration items with that scopeUri. */
  folderSettings: Record<string, Record<string, unknown>> = {};
  /** window/showMessage notifications, in order. */
  readonly shownMessages: { type: number; message: string }[] = [];
  private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private sawConfiguration!: () => void;
  /** Resolves once the server has asked for the settings (and been answered): documents opened after it are checked with them. */
  readonly configured = new Promise<void>(resolve => { this.sawConfiguration = resolve; });

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = {}) {
    this.proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stderr!.on('data', d => { this.stderr += d; });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, p => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      const ready = this.waiters.filter(w => w.uri === p.uri);
      this.waiters = this.waiters.filter(w => w.uri !== p.uri);
      for (const w of ready) w.resolve(p);
    });
    this.conn.onRequest(ConfigurationRequest.type, params => {
      setTimeout(() => this.sawConfiguration(), 0); // after the answer below is on its way
      return params.items.map(i => (i.section === 'paperDigest' ? (i.scopeUri && this.folderSettings[i.scopeUri]) || this.settings : null));
    });
    this.conn.onRequest(RegistrationRequest.type, () => null);
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, p => { this.appliedEdits.push(p); return { applied: true }; });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.shownMessages.push(p); });
    this.conn.listen();
  }

  async initialize(rootPath: string, opts: { locale?: string; settings?: Record<string, unknown>; configuration?: boolean; clientCommands?: string[]; folders?: string[]; /** Folders by URI (a virtual workspace), instead of paths. */ folderUris?: string[] } = {}): Promise<InitializeResult> {
    this.settings = opts.settings ?? {};
    const rootUri = opts.folderUris?.[0] ?? 'file://' + rootPath;
    const folders = (opts.folderUris ?? (opts.folders ?? [rootPath]).map(f => 'file://' + f)).map((uri, i) => ({ uri, name: `ws${i}` }));
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri, locale: opts.locale ?? 'en',
      workspaceFolders: folders,
      capabilities: { workspace: { configuration: opts.configuration ?? true, applyEdit: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: { settings: this.settings, ...(opts.clientCommands ? { clientCommands: opts.clientCommands } : {}) },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  /** The next publishDiagnostics for a URI (or the first to come within `ms`). */
  nextDiagnostics(uri: string, ms = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${ms} ms`)), ms);
      this.waiters.push({ uri, resolve: p => { clearTimeout(t); resolve(p); } });
    });
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }
  change(uri: string, version: number, text: string): Promise<void> {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }
  save(uri: string): Promise<void> {
    return this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>(resolve => this.proc.once('exit', code => resolve(code)));
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    const code = await Promise.race([exited, new Promise<null>(r => setTimeout(() => { this.proc.kill('SIGKILL'); r(null); }, 5000))]);
    this.conn.dispose();
    return code;
  }
}
