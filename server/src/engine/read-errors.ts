/**
 * What a read of a file can give, and its failures as messages: shared by the Node reader
 * (safe-read.ts) and the web server's reader, which has no file system of its own.
 */

/** Configuration, profile and glossary files (JSON): 8 MiB. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Markdown documents: 50 MiB by default; PAPER_DIGEST_MAX_DOCUMENT_BYTES changes it (Node). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type SafeReadError = 'not-regular' | 'too-large' | 'missing' | 'unreadable' | 'invalid-utf8';

export interface SafeReadOk {
  text: string;
  /** False when `allowInvalidUtf8` let undecodable bytes through (replaced by U+FFFD). */
  validUtf8: boolean;
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes read. */
  hash: string;
}
export interface SafeReadFailure {
  error: SafeReadError;
  file: string;
  /** The size (too-large), the limit, the file type (not-regular), or the system error code. */
  size?: number;
  limit?: number;
  kind?: string;
  code?: string;
}
export type SafeReadResult = SafeReadOk | SafeReadFailure;

export interface SafeReadOptions { limit?: number; allowInvalidUtf8?: boolean }

export const isReadError = (r: SafeReadResult): r is SafeReadFailure => 'error' in r;

/** The message id (messages/<locale>/common.json) and data for a read failure. */
export function readErrorMessage(r: SafeReadFailure): { id: string; data: Record<string, unknown> } {
  const mib = (n?: number) => n === undefined ? '?' : (n / (1024 * 1024)).toFixed(1);
  switch (r.error) {
    case 'not-regular': return { id: 'file/not-regular', data: { file: r.file, kind: r.kind ?? 'special file' } };
    case 'too-large': return { id: 'file/too-large', data: { file: r.file, size: mib(r.size), limit: mib(r.limit) } };
    case 'missing': return { id: 'file/missing', data: { file: r.file } };
    case 'invalid-utf8': return { id: 'file/invalid-utf8', data: { file: r.file } };
    default: return { id: 'file/unreadable', data: { file: r.file, reason: r.code ?? 'error' } };
  }
}

