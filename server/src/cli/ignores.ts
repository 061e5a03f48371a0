import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

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
      let text: string;
      try { text = fs.readFileSync(path.join(dir, name), 'utf8'); } catch { continue; }
      (ig ??= ignore()).add(text);
    }
    this.rules.set(dir, ig);
    return ig;
  }
}
