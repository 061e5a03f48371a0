import type { Connection, Diagnostic, FileEvent, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileSetup, LintOutcome, Locale } from '../engine';
import type { Settings } from '../../../shared/protocol';
import type { ServerPlatform } from '../platform';

/** The latest check of one document version, shared by all features (one parse per version). */
export interface Analysis { uri: string; version: number; filePath: string; text: string; outcome: LintOutcome }

/** What a feature module gets from the server: register handlers with `connection`. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Where the server runs: how files are named and read (platform.ts). */
  platform: ServerPlatform;
  /** The settings that apply to a document (its workspace folder's); without a uri, the window's. */
  settingsFor(uri?: string): Settings;
  /** The language of a document's messages (see server.ts); without a uri, the settings' or the editor's. */
  locale(uri?: string): Locale;
  /** The analysis of the document's current version, computed if needed; undefined for non-digests. */
  analysisOf(uri: string): Analysis | undefined;
  isDigest(doc: TextDocument): boolean;
  /** Whether a file with this text is a digest, by the CLI's rule (for files that are not open). */
  isDigestText(uri: string, text: string): boolean;
  /** What applies to a file: configuration, profile and glossaries with its settings' overrides (engine/resolve-file.ts). */
  setupOf(uri: string, text: string): FileSetup;
  /** A whole check of this text with the document's settings (for fix loops over text that is not the document's yet). */
  lint(uri: string, text: string): LintOutcome;
  /** Set when the document is over paperDigest.maxDocumentKB: it is not parsed or checked. */
  oversize(doc: TextDocument): { size: string; limit: string } | undefined;
  /** Re-check every open digest (after configuration or glossary changes). */
  revalidateAll(): void;
  log(message: string): void;
  /** A document's path relative to its workspace folder, with `/` (its file name outside any folder). */
  workspacePath(uri: string): string;
  /** The workspace folders, named as the platform names files (file-system paths, or URIs in the web build). */
  workspaceFolders(): string[];
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

/**
 * One editor feature: the capabilities it declares in the initialize result and the handlers it
 * registers. The feature's work is a provider function over the analysis, testable in process;
 * `register` only wires it to the connection (features/index.ts lists them all).
 */
export interface Feature {
  capabilities?: ServerCapabilities;
  register(ctx: ServerContext): void;
}
