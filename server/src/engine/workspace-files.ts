/**
 * Finding Markdown files under a folder the way git would see them: shared by the CLI (folders
 * and globs on the command line) and the language server (the workspace's digests).
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { safeReadFile } from './safe-read';

import { MARKDOWN } from './digest-files';

export { MARKDOWN };

export const IGNORE_FILES = ['.gitignore', '.paperdigestignore'];
/** Never walked into, whatever the ignore files say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/**
 * `.gitignore` and `.paperdigestignore` rules, read from every folder between the top of the
 * repository (the nearest folder holding `.git`) and the file, each applying relative to its own
 * folder as git does. A nested `!negation` cannot re-include what a parent folder excluded.
 */
export class Ignores {
  private rules = new Map<string, Ignore | null>();
  private tops = new Map<string, string>();

  constructor(private cwd: string) {}

  isIgnored(abs: string, isDir: boolean): boolean {
    if (ALWAYS_SKIPPED.has(path.basename(abs))) return true;
    const top = this.topFor(path.dirname(abs));
    const dirs: string[] = [];
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      dirs.unshift(d);
      if (d === top || path.dirname(d) === d) break;
    }
    for (const dir of dirs) {
      const ig = this.rulesIn(dir);
      if (!ig) continue;
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (rel && !rel.startsWith('..') && ig.ignores(isDir ? rel + '/' : rel)) return true;
    }
    return false;
  }

  /** The repository root above `dir`; without one, the working folder (when inside it) or `dir` itself. */
  private topFor(dir: string): string {
    let top = this.tops.get(dir);
    if (top) return top;
    top = dir;
    for (let d = dir; ; d = path.dirname(d)) {
      if (fs.existsSync(path.join(d, '.git'))) { top = d; break; }
      if (path.dirname(d) === d) {
        const rel = path.relative(this.cwd, dir);
        top = rel.startsWith('..') || path.isAbsolute(rel) ? dir : this.cwd;
        break;
      }
    }
    this.tops.set(dir, top);
    return top;
  }

  private rulesIn(dir: string): Ignore | null {
    if (this.rules.has(dir)) return this.rules.get(dir)!;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const r = safeReadFile(path.join(dir, name)); // a FIFO or device named .gitignore is skipped
      if ('error' in r) continue;
      (ig ??= ignore()).add(r.text);
    }
    this.rules.set(dir, ig);
    return ig;
  }
}

function statOrNull(p: string): fs.Stats | null {
  try { return fs.statSync(p); } catch { return null; }
}

/**
 * Markdown files under `dir`, in a stable (sorted) order, skipping ignored files and folders
 * (symlinked folders are not followed; only regular files, or symlinks to one, are visited). `visit` returns false to stop the walk; the result is
 * false when it was stopped.
 */
export function walkMarkdown(dir: string, ignores: Ignores, visit: (file: string) => boolean | void): boolean {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return true; }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    const target = e.isSymbolicLink() ? statOrNull(p) : null;
    const isDir = e.isDirectory() || !!target?.isDirectory();
    // Only regular files (or symlinks to one): devices, FIFOs and sockets, and links to them, are skipped.
    const isFile = e.isFile() || !!target?.isFile();
    if (!isDir && !isFile) continue;
    if (ignores.isIgnored(p, isDir)) continue;
    if (isDir) {
      if (!e.isSymbolicLink() && !walkMarkdown(p, ignores, visit)) return false;
    } else if (MARKDOWN.test(e.name) && visit(p) === false) return false;
  }
  return true;
}
