import * as fs from 'fs';
import * as path from 'path';

/** A file's text without its BOM (so columns match what editors show), and whether it had one. */
export interface SourceText { text: string; bom: boolean }

export function readSource(file: string): SourceText {
  const raw = fs.readFileSync(file, 'utf8');
  return raw.charCodeAt(0) === 0xfeff ? { text: raw.slice(1), bom: true } : { text: raw, bom: false };
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
 */
export function writeAtomic(file: string, source: SourceText): void {
  const target = fs.realpathSync(file);
  const dir = path.dirname(target);
  fs.accessSync(target, fs.constants.W_OK); // a read-only file stays unwritten, though rename could replace it
  const mode = fs.statSync(target).mode & 0o7777;
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
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}
