import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { DEFAULT_DIGEST_GLOBS, message, type ConfigResolver, type Locale, type ResolvedConfig } from '../engine';
import { isSafeGlob } from '../engine/globs';
import { fileKind } from '../engine/safe-read';
import { Ignores, walkMarkdown as walk } from '../engine/workspace-files';
import { isDigestPath } from '../engine/digest-files';
import { t, slash, UsageError } from './io';

/** A file to consider: `explicit` when named on the command line (always linted unless --digests-only). */
export interface Target { abs: string; display: string; explicit: boolean }

/**
 * Expands the command line's files, folders and globs. Folders and globs yield Markdown files
 * not excluded by .gitignore/.paperdigestignore (whether they are digests is decided later, on
 * their text); an explicitly named file is always kept, ignored or not, unless `applyIgnoresToFiles`.
 * A named device, FIFO or socket, or an unsafe glob (see isSafeGlob), is a usage error; folders
 * and globs skip such entries (walkMarkdown visits regular files only).
 */
export function collectTargets(args: string[], opts: { cwd: string; locale: Locale; applyIgnoresToFiles?: boolean }): Target[] {
  const ignores = new Ignores(opts.cwd);
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (abs: string, display: string, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ abs, display: slash(display), explicit });
  };
  const rel = (abs: string) => path.relative(opts.cwd, abs) || path.basename(abs);
  for (const arg of args) {
    const abs = path.resolve(opts.cwd, arg);
    const stat = statOrNull(abs);
    if (stat?.isDirectory()) {
      walk(abs, ignores, f => add(f, rel(f), false));
    } else if (stat && !stat.isFile()) {
      // A device, FIFO or socket (or a symlink to one) named on the command line: never opened.
      throw new UsageError(t(opts.locale, 'cannot-read', { file: arg, reason: message(opts.locale, 'file/not-regular', { file: arg, kind: fileKind(stat) }) }));
    } else if (stat) {
      if (opts.applyIgnoresToFiles && ignores.isIgnored(abs, false)) continue;
      add(abs, arg, true);
    } else if (picomatch.scan(slash(arg)).isGlob) {
      // The same backtracking guard as for settings globs (engine/globs.ts).
      if (!isSafeGlob(slash(arg))) throw new UsageError(message(opts.locale, 'file/unsafe-glob', { pattern: arg }));
      const { base, glob } = picomatch.scan(slash(arg));
      const baseAbs = path.resolve(opts.cwd, base || '.');
      const matches = picomatch(glob, { dot: false });
      let count = 0;
      if (statOrNull(baseAbs)?.isDirectory()) {
        walk(baseAbs, ignores, f => {
          if (!matches(slash(path.relative(baseAbs, f)))) return;
          count++;
          add(f, rel(f), false);
        });
      }
      if (!count) throw new UsageError(t(opts.locale, 'no-match', { pattern: arg }));
    } else {
      throw new UsageError(t(opts.locale, 'cannot-read', { file: arg, reason: 'ENOENT' }));
    }
  }
  return out;
}

function statOrNull(p: string): fs.Stats | null {
  try { return fs.statSync(p); } catch { return null; }
}

/** Whether a file found in a folder or by a glob is a digest: the engine's rule (engine/digest-files.ts), from the working folder. */
export function isDigestTarget(target: Target, text: string, resolver: ConfigResolver, config: Pick<ResolvedConfig, 'files' | 'sources'>, cwd: string): boolean {
  return isDigestPath(target.abs, text, resolver, config, cwd, DEFAULT_DIGEST_GLOBS);
}
