import * as fs from 'fs';
import * as path from 'path';
import { message } from '../engine';
import { safeReadFile, readErrorMessage, maxDocumentBytes, sha256, realPathOf } from '../engine/safe-read';
import { cliLocale } from './io';

/** A file's text without its BOM (so columns match what editors show), and whether it had one. */
export interface SourceText { text: string; bom: boolean; validUtf8?: boolean }

/** What was read of each file (by real path): writeAtomic refuses to replace a file that changed since. */
interface ReadStamp { size: number; mtimeMs: number; hash: string; validUtf8: boolean }
const readStamps = new Map<string, ReadStamp>();

/** An error whose message is the (localised) reason: callers print "Cannot read/write FILE: reason". */
export class FileError extends Error {}

const locale = () => cliLocale(undefined, process.env);

/**
 * Reads a document through safeReadFile: a regular file (or a symlink to one) of at most
 * maxDocumentBytes() (50 MiB; PAPER_DIGEST_MAX_DOCUMENT_BYTES), never a device, FIFO or socket.
 * Bytes that are not UTF-8 are read as U+FFFD for checking (`validUtf8: false`), but such a file
 * is never rewritten.
 */
export function readSource(file: string): SourceText {
  const r = safeReadFile(file, { limit: maxDocumentBytes(), allowInvalidUtf8: true });
  if ('error' in r) {
    if (r.code && r.error !== 'not-regular') { const e = new Error(r.code) as NodeJS.ErrnoException; e.code = r.code; throw e; }
    const m = readErrorMessage(r);
    throw new FileError(reason(m.id, m.data));
  }
  readStamps.set(realPathOf(file), { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, validUtf8: r.validUtf8 });
  const raw = r.text;
  const base = { validUtf8: r.validUtf8 };
  return raw.charCodeAt(0) === 0xfeff ? { text: raw.slice(1), bom: true, ...base } : { text: raw, bom: false, ...base };
}

/** The text of a message without its leading "Not read: FILE is" — callers name the file themselves. */
function reason(id: string, data: Record<string, unknown>): string {
  return message(locale(), id, data);
}

/**
 * Gives `fixed` the original's line breaks: when the original used only CRLF, lone LFs that a
 * fix introduced become CRLF (fixes already use the dominant break; this covers the rest).
 */
export function keepLineEndings(original: string, fixed: string): string {
  const crlf = (original.match(/\r\n/g) || []).length;
  const lf = (original.match(/\n/g) || []).length;
  if (crlf > 0 && crlf === lf) return fixed.replace(/\r?\n/g, '\r\n');
  return fixed;
}

/**
 * Replaces a file's content atomically: write a temporary file in the same folder (same file
 * system), flush it, then rename it over the original, so a reader never sees half a file and
 * a crash leaves the original intact. Symlinks are followed; the file's mode is kept.
 *
 * Refused (FileError, nothing written): a target that is not a regular file; a read-only file
 * (no write bit in its mode — also for root, who could otherwise write anything); a file read
 * by readSource that was not valid UTF-8; and a file that changed on disk since readSource read
 * it (size, mtime or sha256 differ), checked again right before the rename.
 */
export function writeAtomic(file: string, source: SourceText, opts: { mustHaveRead?: boolean } = {}): void {
  const target = fs.realpathSync(file);
  const dir = path.dirname(target);
  const st = fs.statSync(target);
  const name = file;
  if (!st.isFile()) {
    const r = safeReadFile(target); // for the message
    throw new FileError('error' in r ? reason(readErrorMessage(r).id, readErrorMessage(r).data) : 'not a regular file');
  }
  if ((st.mode & 0o222) === 0) throw new FileError(reason('file/read-only', { file: name }));
  fs.accessSync(target, fs.constants.W_OK); // a read-only file stays unwritten, though rename could replace it
  const read = readStamps.get(target);
  // A caller that read the file first (the MCP tools) must find it as read: a file never read here is not replaced.
  if (opts.mustHaveRead && !read) throw new FileError(reason('file/changed-since-read', { file: name }));
  if (read && !read.validUtf8) throw new FileError(reason('file/fix-invalid-utf8', { file: name }));
  const mode = st.mode & 0o7777;
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.paper-digest.tmp`);
  const data = (source.bom ? '\uFEFF' : '') + source.text;
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (read && changedSince(target, read)) throw new FileError(reason('file/changed-since-read', { file: name }));
    fs.renameSync(tmp, target);
    const now = fs.statSync(target);
    readStamps.set(target, { size: now.size, mtimeMs: now.mtimeMs, hash: sha256(Buffer.from(data, 'utf8')), validUtf8: true });
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}

/** Whether the file on disk is no longer what readSource read (size, mtime, then content). */
function changedSince(target: string, read: ReadStamp): boolean {
  let st: fs.Stats;
  try { st = fs.statSync(target); } catch { return true; }
  if (!st.isFile() || st.size !== read.size || st.mtimeMs !== read.mtimeMs) return true;
  const now = safeReadFile(target, { limit: Math.max(read.size, 1), allowInvalidUtf8: true });
  return 'error' in now || now.hash !== read.hash;
}
