/**
 * The language server: LSP wiring only. Checking is the engine's; features live in features/.
 * Works with any LSP client (VS Code, Neovim, Helix, Emacs, Zed): nothing here knows VS Code.
 */
import {
  TextDocuments, TextDocumentSyncKind,
  DidChangeConfigurationNotification, ShowMessageNotification, MessageType, type InitializeParams, type InitializeResult, type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigResolver, lintSteps, lintText, runSteps, runStepsAsync, message, isDigestFile, resolveFile, normaliseLocale, type Locale, type FileProblems, type FileSetup,
} from './engine';
import { glossaryResolverFor } from './engine/glossary';
import { IncrementalParser } from './engine/incremental/parser';
import { PartMemo } from './engine/part-memo';
import { formatSize, utf8Length } from './engine/text';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type Settings } from '../../shared/protocol';
import { resolveSettings } from './settings';
import { isDigestPath } from './engine/digest-files';
import type { Analysis, ServerContext, ServerHooks } from './features/context';
import { documentDiagnostics } from './features/lsp-convert';
import { registerFeatures, featureCapabilities } from './features';
import type { ServerPlatform } from './platform';

/** The server on a connection; `platform` reads the files (node-platform.ts on the desktop, web/platform.ts in a browser). */
export function startServer(connection: Connection, platform: ServerPlatform): Connection {
  const documents = new TextDocuments(TextDocument);
  const { files } = platform;
  const path = files.paths;
  /** The engine's name of a document or folder (a file-system path on the desktop, the URI in the web build). */
  const uriToPath = (uri: string) => path.fromUri(uri);
  const resolver = new ConfigResolver(files);
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Checks under way in slices, by document: a second request for the same version waits for the first. */
  const inflight = new Map<string, { doc: TextDocument; version: number; generation: number; steps: Generator<void, Analysis>; done: Promise<Analysis | undefined> }>();
  /** Bumped when settings, configuration or glossaries change: checks started before are stale. */
  let generation = 0;
  /**
   * One incremental parser and one memo of rule results per open document: an edit re-parses only
   * the chunk it touched, and rules check again only the parts whose text changed.
   */
  const caches = new Map<string, { parser: IncrementalParser; memo: PartMemo }>();
  const cachesFor = (uri: string) => {
    let c = caches.get(uri);
    if (!c) caches.set(uri, (c = { parser: new IncrementalParser(), memo: new PartMemo() }));
    return c;
  };
  /** Config/profile files we published problems for, so fixed ones get cleared. */
  const problemFiles = new Set<string>();
  let settings: Settings = { ...DEFAULT_SETTINGS };
  /** Workspace folder → its settings, when the client gives them per folder. */
  const folderSettings = new Map<string, Settings>();
  const settingsKey = () => JSON.stringify([settings, [...folderSettings]]);
  let clientLocale: Locale = 'en';
  let workspaceFolders: string[] = [];
  let clientCommands: string[] = [];
  let pullConfiguration = false;
  const hooks: ServerHooks = { extraDiagnostics: [], settingsChanged: [], watchedFilesChanged: [] };

  const log = (m: string) => connection.console.log(`[${new Date().toISOString().slice(11, 23)}] ${m}`);
  /**
   * The language of a document's messages: paperDigest.locale when set, else its configuration's,
   * else its profile's (a Korean profile speaks Korean in an English editor), else the editor's.
   */
  const locale = (uri?: string): Locale => {
    const own = settingsFor(uri);
    if (own.locale) return own.locale;
    if (!uri) return clientLocale;
    const a = analyses.get(uri);
    if (a) return a.outcome.locale;
    try {
      return setupOf(uri, documents.get(uri)?.getText() ?? '').locale;
    } catch { return clientLocale; }
  };

  /** What applies to a file (configuration, profile, glossaries), with its own settings' overrides: the engine's one resolver. */
  function setupOf(uri: string, text: string): FileSetup {
    return resolveFile(uriToPath(uri), text, { resolver, overrides: overrides(uri) });
  }

  function lint(uri: string, text: string) {
    return lintText(text, uriToPath(uri), { resolver, locale: settingsFor(uri).locale || undefined, overrides: overrides(uri) });
  }

  function workspaceFolderOf(file: string): string | undefined {
    return workspaceFolders.filter(f => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }
  function relativeToWorkspace(file: string): string {
    const folder = workspaceFolderOf(file);
    return folder ? path.relative(folder, file) : path.basename(file);
  }

  function isDigest(doc: TextDocument): boolean {
    if (!/^(markdown|mdx)$/.test(doc.languageId) && !/\.(md|mdx|markdown)$/i.test(doc.uri)) return false;
    return isDigestText(doc.uri, doc.getText());
  }

  /** The CLI's rule (engine/digest-files.ts): a .paperdigestrc.json's "files" first, else paperDigest.files, else front matter. */
  function isDigestText(uri: string, text: string): boolean {
    const file = uriToPath(uri);
    const globs = settingsFor(uri).files;
    if (!path.isAbsolute(file)) return isDigestFile(relativeToWorkspace(file), text, globs);
    return isDigestPath(file, text, resolver, resolver.resolve(file), workspaceFolderOf(file) ?? path.dirname(file), globs);
  }

  /** Documents over the size limit are not parsed or checked in the editor: one note says so (docs/security.md). */
  function oversize(doc: TextDocument): { size: string; limit: string } | undefined {
    const limitKB = Math.max(16, Number(settingsFor(doc.uri).maxDocumentKB) || DEFAULT_SETTINGS.maxDocumentKB);
    const text = doc.getText();
    // UTF-8 is at most 3 bytes per UTF-16 unit: short documents need no count.
    if (text.length * 3 <= limitKB * 1024) return undefined;
    const bytes = utf8Length(text);
    return bytes > limitKB * 1024 ? { size: formatSize(bytes), limit: formatSize(limitKB * 1024) } : undefined;
  }

  /**
   * The analysis of the current version, now. A sliced check of that version under way is run to
   * its end here (not started again); otherwise the check runs whole.
   */
  function analysisOf(uri: string): Analysis | undefined {
    const running = current(uri);
    if (running) {
      runSteps(running.steps);
      const a = analyses.get(uri);
      if (a && a.version === running.version) return a;
    }
    const steps = analysisSteps(uri);
    return steps && runSteps(steps);
  }

  /** The sliced check under way for this very document, version and settings, if any. */
  function current(uri: string) {
    const running = inflight.get(uri);
    const doc = documents.get(uri);
    return running && doc && running.doc === doc && running.version === doc.version && running.generation === generation ? running : undefined;
  }

  /** The check in slices that yield to the message loop; dropped when a newer version, reopening or settings arrive. */
  async function analyzeAsync(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const { version } = doc;
    const running = current(uri);
    if (running) return running.done; // an open and a save of one version: one check
    const steps = analysisSteps(uri);
    if (!steps) return undefined;
    const gen = generation;
    const done = runStepsAsync(steps, () => documents.get(uri) !== doc || doc.version !== version || generation !== gen)
      // Run to its end by analysisOf() meanwhile: the result is in the cache.
      .then(a => a ?? (analyses.get(uri)?.version === version && generation === gen ? analyses.get(uri) : undefined));
    inflight.set(uri, { doc, version, generation: gen, steps, done });
    try { return await done; } finally { if (inflight.get(uri)?.done === done) inflight.delete(uri); }
  }

  function analysisSteps(uri: string): Generator<void, Analysis> | undefined {
    const doc = documents.get(uri);
    if (!doc || !isDigest(doc) || oversize(doc)) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === doc.version) return (function* () { return cached; })();
    return check(uri, doc);
  }

  function* check(uri: string, doc: TextDocument): Generator<void, Analysis> {
    const gen = generation;
    const filePath = uriToPath(uri);
    // The document object is updated in place by later edits: keep this version's own values.
    const { version } = doc;
    const text = doc.getText();
    const t0 = performance.now();
    const unknownBefore = files.unknownReads;
    const { parser, memo } = cachesFor(uri);
    const root = yield* parser.parseSteps(text);
    const outcome = yield* lintSteps(text, filePath, {
      resolver, locale: settingsFor(uri).locale || undefined, root, memo, overrides: overrides(uri),
      onRuleError: (rule, err) => log(`rule ${rule} failed on ${uri}: ${(err as Error)?.stack ?? err}`),
    });
    const a: Analysis = { uri, version, filePath, text, outcome };
    // Settings changed while this check ran (it read the old ones), or it read files not fetched yet
    // (a request before the web build's prepare()): return it, but do not cache it.
    if (gen === generation && files.unknownReads === unknownBefore) analyses.set(uri, a);
    const { parsed, chunks, fullParse } = parser.stats;
    log(`checked ${path.basename(filePath)} v${version} in ${(performance.now() - t0).toFixed(1)} ms (${fullParse ? 'full parse' : `parsed ${parsed} of ${chunks} chunks`}): ${outcome.result.findings.length} findings`);
    publishConfigProblems(outcome.config.problems);
    return a;
  }

  /** What a document's settings override in its configuration; relative paths from its own workspace folder. */
  function overrides(uri?: string) {
    const own = settingsFor(uri);
    const file = uri ? uriToPath(uri) : undefined;
    return {
      profile: own.profile || undefined,
      rules: own.rules as never,
      glossaries: own.glossaries.length ? own.glossaries : undefined,
      baseDir: (file && path.isAbsolute(file) ? workspaceFolderOf(file) : undefined) ?? workspaceFolders[0],
    };
  }

  function publishConfigProblems(problems: FileProblems[]): void {
    const now = new Set<string>();
    for (const p of problems) {
      if (!p.text && files.stamp(p.file) === undefined) { log(`configuration: ${p.problems.map(x => x.message).join('; ')}`); continue; }
      const doc = TextDocument.create(path.toUri(p.file), 'json', 0, p.text);
      now.add(p.file);
      connection.sendDiagnostics({
        uri: doc.uri,
        diagnostics: p.problems.map(x => ({
          range: { start: doc.positionAt(x.span.start), end: doc.positionAt(x.span.end) },
          severity: 1, source: 'paper-digest', code: 'config', message: x.message,
        })),
      });
      log(`configuration problem in ${p.file}: ${p.problems.map(x => x.message).join('; ')}`);
    }
    for (const f of problemFiles) if (!now.has(f)) connection.sendDiagnostics({ uri: path.toUri(f), diagnostics: [] });
    problemFiles.clear();
    for (const f of now) problemFiles.add(f);
  }

  function publishAnalysis(uri: string, doc: TextDocument, a: Analysis | undefined): void {
    // A big Markdown file that is not a digest (a changelog) gets nothing, as a small one would.
    const big = isDigest(doc) ? oversize(doc) : undefined;
    const diagnostics = big
      ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3 as const, source: 'paper-digest', code: 'document-too-large', message: message(locale(uri), 'document-too-large/skipped', big) }]
      : a ? documentDiagnostics(a, hooks) : [];
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** Publishes the current version's diagnostics, checking it now if it has not been checked. */
  function validate(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      publishAnalysis(uri, doc, analysisOf(uri));
    } catch (e) {
      log(`check failed for ${uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    const delay = Math.max(0, Number(settingsFor(uri).onTypeDelay) || 0);
    // Stale work is cancelled by replacing the timer; the check itself reads the latest version.
    timers.set(uri, setTimeout(() => { timers.delete(uri); void validateSoon(uri); }, delay));
  }

  /**
   * Checks in slices that yield to the message loop (the parse chunk by chunk, then rule by
   * rule), so requests are answered while a big document is checked; the work is dropped as soon
   * as a newer version arrives, and that version's own check publishes.
   */
  async function validateSoon(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const { version } = doc; // the object itself is updated in place by later edits
    const gen = generation;
    try {
      // The web build reads files through the client: fetch what this check will read first.
      if (platform.prepare) await platform.prepare(() => { if (isDigest(doc)) setupOf(uri, doc.getText()); });
      const a = await analyzeAsync(uri);
      const now = documents.get(uri);
      // Stale (a newer version, a reopened document, new settings): that one's own check publishes.
      if (now === doc && now.version === version && generation === gen && (!a || a.version === version)) publishAnalysis(uri, now, a);
    } catch (e) {
      log(`check failed for ${uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  function revalidateAll(): void {
    generation++;
    analyses.clear();
    for (const doc of documents.all()) void validateSoon(doc.uri);
  }

  /**
   * The settings that apply to a document: its workspace folder's (settings are resource-scoped, so a
   * multi-root workspace may give each folder its own), else the window's.
   */
  function settingsFor(uri?: string): Settings {
    if (!uri || !folderSettings.size) return settings;
    const file = uriToPath(uri);
    const folder = path.isAbsolute(file) ? workspaceFolderOf(file) : undefined;
    return (folder && folderSettings.get(folder)) || settings;
  }

  /** Settings from the client, checked (settings.ts); each new problem is shown once and logged. */
  let shownProblems = '';
  function applySettings(raw: unknown, folders: [string, unknown][] = []): void {
    const r = resolveSettings(raw, clientLocale);
    settings = r.settings;
    const problems = [...r.problems];
    folderSettings.clear();
    for (const [folder, value] of folders) {
      const f = resolveSettings(value, clientLocale);
      // Only a folder whose settings differ is kept: the same settings are not a change (no re-check).
      if (JSON.stringify(f.settings) !== JSON.stringify(settings)) folderSettings.set(folder, f.settings);
      for (const p of f.problems) if (!problems.includes(p)) problems.push(p);
    }
    const key = problems.join('\n');
    if (key && key !== shownProblems) {
      for (const p of problems) log(p);
      // A notification, not window.showWarningMessage (a request a client may not answer).
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problems.join(' ') });
    }
    shownProblems = key;
  }

  async function refreshSettings(): Promise<void> {
    if (!pullConfiguration) return;
    try {
      // The window's settings, and each workspace folder's (resource scope).
      const [global, ...own] = await connection.workspace.getConfiguration([
        { section: SETTINGS_SECTION },
        ...workspaceFolders.map(f => ({ section: SETTINGS_SECTION, scopeUri: path.toUri(f) })),
      ]) as unknown[];
      applySettings(global, workspaceFolders.map((f, i) => [f, own[i]] as [string, unknown]));
    } catch (e) {
      log(`could not read settings: ${(e as Error).message}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = normaliseLocale(params.locale);
    workspaceFolders = (params.workspaceFolders ?? []).map(f => uriToPath(f.uri));
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as { settings?: Partial<Settings> };
    if ((init as { trusted?: boolean }).trusted === false) resolver.setConfined(true); // untrusted workspace: see docs/security.md
    applySettings(init.settings);
    const cc = (init as { clientCommands?: unknown }).clientCommands;
    clientCommands = Array.isArray(cc) ? cc.filter((c): c is string => typeof c === 'string') : [];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...featureCapabilities(),
      },
      serverInfo: { name: 'paper-digest', version: typeof PAPER_DIGEST_VERSION === 'string' ? PAPER_DIGEST_VERSION : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      const before = settingsKey();
      await refreshSettings();
      // Documents opened before the settings arrived are re-checked only if the settings differ.
      if (settingsKey() !== before) revalidateAll();
    }
    for (const h of hooks.settingsChanged) h();
    log(`paper-digest server ready (locale ${locale()}, run ${settings.run})`);
  });

  connection.onDidChangeConfiguration(async change => {
    const before = settingsKey();
    if (pullConfiguration) await refreshSettings();
    else applySettings(change.settings?.[SETTINGS_SECTION]);
    if (settingsKey() !== before) { revalidateAll(); for (const h of hooks.settingsChanged) h(); }
  });

  connection.onDidChangeWatchedFiles(params => {
    const glossaries = glossaryResolverFor(resolver);
    // Only files the checks read (or could start reading: a new .paperdigestrc.json or workspace
    // glossary) re-check the open documents; package.json or .vscode/settings.json do not.
    const relevant = params.changes.map(c => uriToPath(c.uri)).filter(f =>
      resolver.uses(f) || glossaries.uses(f) || /(^|[\\/])(\.paperdigestrc\.json|\.paper-digest[\\/].*\.json)$/.test(f));
    for (const f of relevant) { resolver.invalidate(f); glossaries.invalidate(f); platform.invalidate?.(f); }
    if (relevant.length) revalidateAll();
    for (const h of hooks.watchedFilesChanged) h(params.changes);
  });

  documents.onDidOpen(e => void validateSoon(e.document.uri));
  documents.onDidSave(e => void validateSoon(e.document.uri));
  documents.onDidChangeContent(e => {
    analyses.delete(e.document.uri);
    if (settingsFor(e.document.uri).run === 'onType') schedule(e.document.uri);
  });
  documents.onDidClose(e => {
    clearTimeout(timers.get(e.document.uri));
    caches.delete(e.document.uri);
    inflight.delete(e.document.uri);
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const ctx: ServerContext = {
    connection, documents, platform, settingsFor, locale, analysisOf, oversize, isDigest, isDigestText, setupOf, lint, revalidateAll, log,
    workspaceFolders: () => workspaceFolders, workspacePath: uri => relativeToWorkspace(uriToPath(uri)).split(path.sep).join('/'), publish: validate, hooks, clientCommands: () => clientCommands,
  };
  registerFeatures(ctx);

  documents.listen(connection);
  connection.listen();
  return connection;
}

declare const PAPER_DIGEST_VERSION: string | undefined;

