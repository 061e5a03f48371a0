import type { Connection, Diagnostic, FileEvent, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigResolver, LintOptions, LintOutcome, Locale } from '../engine';
import type { Settings } from '../../../shared/protocol';

/** The latest check of one document version, shared by all features (one parse per version). */
export interface Analysis { uri: string; version: number; filePath: string; text: string; outcome: LintOutcome }

/** What a feature module gets from the server: register handlers with `connection`. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
  /** The language of a document's messages (see server.ts); without a uri, the settings' or the editor's. */
  locale(uri?: string): Locale;
  /** The analysis of the document's current version, computed if needed; undefined for non-digests. */
  analysisOf(uri: string): Analysis | undefined;
  isDigest(doc: TextDocument): boolean;
  /** Set when the document is over paperDigest.maxDocumentKB: it is not parsed or checked. */
  oversize(doc: TextDocument): { size: string; limit: string } | undefined;
  /** Re-check every open digest (after configuration or glossary changes). */
  revalidateAll(): void;
  log(message: string): void;
  /** The workspace folders (file system paths). */
  workspaceFolders(): string[];
  /** The server's configuration resolver (the server invalidates its caches on watched-file changes). */
  resolver: ConfigResolver;
  /** What the settings override in each file's configuration, as the checks use it. */
  overrides(): LintOptions['overrides'];
  /** Publish an open document's diagnostics again (its own, unchanged versions not re-checked, plus the hooks'). */
  publish(uri: string): void;
  hooks: ServerHooks;
  /** Client-side commands the client said it implements (initializationOptions.clientCommands). */
  clientCommands(): string[];
}

/** Where workspace-wide features plug into the server's document flow (each list may hold several). */
export interface ServerHooks {
  /** Diagnostics appended to a digest's own each time they are published. */
  extraDiagnostics: ((uri: string) => Diagnostic[])[];
  /** The settings are known (after initialisation) or changed. */
  settingsChanged: (() => void)[];
  /** Watched files changed; the server's caches are already invalidated. */
  watchedFilesChanged: ((changes: FileEvent[]) => void)[];
}
