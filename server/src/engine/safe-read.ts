/**
 * The one way paper-digest reads a file from disk (configuration, profiles, glossaries,
 * ignore files, documents). A cloned repository is untrusted input: a ".paperdigestrc.json",
 * glossary or digest that is a symlink to /dev/zero or /dev/urandom would otherwise be read
 * until memory runs out, and a FIFO would block the reader forever. So:
 *
 * - the path is stat'ed first (following symlinks, so the *target's* type counts) and only a
 *   regular file is opened — a device, FIFO or socket is never opened (O_NONBLOCK alone would
 *   not help: opening some devices has effects, and a FIFO read still waits for a writer);
 * - the file is opened O_NONBLOCK|O_NOCTTY and fstat'ed again: if it is no longer the same
 *   regular file (swapped between stat and open), it is closed unread;
 * - at most `limit` bytes are read (JSON files: MAX_JSON_BYTES; documents: maxDocumentBytes()),
 *   a bigger file is refused, and a file that grows while being read stops at the limit;
 * - the bytes must be UTF-8 (unless `allowInvalidUtf8`, for documents that are only checked).
 */
import * as fs from 'fs';
import * as crypto from 'crypto';
import * as path from 'path';
import { MAX_JSON_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, type SafeReadResult, type SafeReadOptions } from './read-errors';

export * from './read-errors';


export function maxDocumentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PAPER_DIGEST_MAX_DOCUMENT_BYTES);
  return Number.isSafeInteger(v) && v > 0 ? v : DEFAULT_MAX_DOCUMENT_BYTES;
}

/** What a non-regular file is, for messages. */
export function fileKind(s: fs.Stats): string {
  if (s.isDirectory()) return 'directory';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isFIFO()) return 'FIFO';
  if (s.isSocket()) return 'socket';
  return 'special file';
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0;

export function safeReadFile(file: string, opts: SafeReadOptions = {}): SafeReadResult {
  const limit = opts.limit ?? MAX_JSON_BYTES;
  let st: fs.Stats;
  try {
    const l = fs.lstatSync(file);
    st = l.isSymbolicLink() ? fs.statSync(file) : l;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { error: 'missing', file, code } : { error: 'unreadable', file, code };
  }
  if (!st.isFile()) return { error: 'not-regular', file, kind: fileKind(st) };
  if (st.size > limit) return { error: 'too-large', file, size: st.size, limit };
  let fd: number;
  try { fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK | O_NOCTTY); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { error: 'missing', file, code } : { error: 'unreadable', file, code };
  }
  let bytes: Buffer;
  let fst: fs.Stats;
  try {
    fst = fs.fstatSync(fd);
    // Swapped between stat and open (or never the file stat'ed): closed unread.
    if (!fst.isFile()) return { error: 'not-regular', file, kind: fileKind(fst) };
    if (fst.dev !== st.dev || fst.ino !== st.ino) return { error: 'unreadable', file, code: 'ECHANGED' };
    if (fst.size > limit) return { error: 'too-large', file, size: fst.size, limit };
    // Read at most limit + 1 bytes: a file growing while read is refused, not followed.
    const buf = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(fst.size + 1, 64 * 1024)));
    let len = 0;
    let chunk = buf;
    for (;;) {
      if (len === chunk.length) {
        if (chunk.length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, len);
        chunk = bigger;
      }
      const n = fs.readSync(fd, chunk, len, chunk.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > limit) return { error: 'too-large', file, size: len, limit };
    bytes = chunk.subarray(0, len);
  } catch (e) {
    return { error: 'unreadable', file, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
  let text: string;
  let validUtf8 = true;
  try { text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch {
    if (!opts.allowInvalidUtf8) return { error: 'invalid-utf8', file };
    validUtf8 = false;
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  return { text, validUtf8, size: bytes.length, mtimeMs: fst.mtimeMs, hash: sha256(bytes) };
}

export const sha256 = (data: Uint8Array | string): string => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The real path of `p`, also for a path that does not exist yet (the real path of its nearest
 * existing ancestor, with the rest appended), so confinement compares where files really are.
 */
export function realPathOf(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try { return path.join(fs.realpathSync(cur), ...rest); } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.join(cur, ...rest);
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}
