/**
 * Which Markdown files are digests, one rule for the CLI and the editor: the "files" globs of the
 * `.paperdigestrc.json` that applies (relative to that file), else the caller's globs (the CLI's
 * defaults relative to its working folder, the editor's `paperDigest.files` relative to the
 * workspace folder), or front matter `paper-digest: true` / `profile: ID`.
 */
import type { ConfigResolver, ResolvedConfig } from './config';
import { isDigestFile } from './detect';

/** Markdown files, by name. */
export const MARKDOWN = /\.(md|markdown|mdx)$/i;

export function isDigestPath(abs: string, text: string, resolver: ConfigResolver, config: Pick<ResolvedConfig, 'files' | 'sources'>, base: string, globs: string[]): boolean {
  const path = resolver.paths;
  let dir = base;
  if (config.files) {
    const owner = [...config.sources].reverse().find(f => resolver.readConfig(f).value?.files);
    if (owner) dir = path.dirname(owner);
  }
  let rel = path.relative(dir, abs);
  // Outside the base (`lint ..`, a file outside the workspace): match the whole path, which "**/"-globs (the defaults) still do.
  if (rel.startsWith('..') || path.isAbsolute(rel)) rel = abs.slice(path.root(abs).length);
  return isDigestFile(rel.split(path.sep).join('/'), text, config.files ?? globs);
}
