/**
 * What the language server needs from where it runs: on the desktop, Node's file system
 * (node-platform.ts); in a browser, the editor's, through the client (web/platform.ts). The
 * server itself names every file by what `files.paths` gives, and documents by their URIs.
 */
import type { FileReader, PathOps } from './engine';

export interface ServerFiles extends FileReader {
  paths: PathOps;
  /** Reads of files not known yet (web build): a check that made any read them as missing, so it is not kept. */
  readonly unknownReads?: number;
}

/** A file's change stamp, and its text unless the stamp is the one the caller knew. */
export interface DocumentFile { stamp: string; text?: string }

export interface ServerPlatform {
  files: ServerFiles;
  /**
   * Called before a check with the reads it will make (`probe` runs them); resolves once every
   * file they need is readable at once. Node reads synchronously and needs nothing.
   */
  prepare?(probe: () => void): Promise<void>;
  /** Forget what is known of a changed file. */
  invalidate?(file: string): void;
  /** The Markdown files of a workspace folder, sorted, skipping ignored ones; at most `limit` (false: cut short). */
  markdownFiles(folder: string, limit: number): Promise<{ files: string[]; complete: boolean }>;
  /** A Markdown file's change stamp and text (documents' size limit; never a device or FIFO); no text when the stamp is `known`. */
  readDocument(file: string, known?: string): Promise<DocumentFile | undefined>;
  /** Give other work a turn (between files of a workspace-wide pass). */
  yieldToLoop(): Promise<void>;
}
