import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOutcome, Locale } from '../engine';
import type { Settings } from '../protocol';

/** The latest check of one document version, shared by all features (one parse per version). */
export interface Analysis { uri: string; version: number; filePath: string; text: string; outcome: LintOutcome }

/** What a feature module gets from the server: register handlers with `connection`. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
  locale(): Locale;
  /** The analysis of the document's current version, computed if needed; undefined for non-digests. */
  analyze(uri: string): Analysis | undefined;
  isDigest(doc: TextDocument): boolean;
  /** Re-check every open digest (after configuration or glossary changes). */
  revalidateAll(): void;
  log(message: string): void;
}
