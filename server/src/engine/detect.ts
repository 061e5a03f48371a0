import { globMatcher } from './globs';

import { DEFAULT_SETTINGS } from '../../../shared/settings';

/** Markdown files treated as digests without opting in: the `paperDigest.files` default, one list for the editor and the CLI. */
export const DEFAULT_DIGEST_GLOBS: string[] = DEFAULT_SETTINGS.files;

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;

/**
 * Which Markdown files are digests: a path matching the globs (relative to the workspace root),
 * or front matter with `paper-digest: true` or `profile: <id>`. Checked without a full parse.
 */
export function isDigestFile(relPath: string, text: string, globs: string[] = DEFAULT_DIGEST_GLOBS): boolean {
  const p = relPath.replace(/\\/g, '/');
  if (globs.length && globMatcher(globs)(p)) return true;
  return frontMatterOptIn(text) !== null;
}

/** The front matter's opt-in: true for `paper-digest: true`, the profile id for `profile: id`, else null. */
export function frontMatterOptIn(text: string): true | string | null {
  const m = FRONT_MATTER.exec(text.slice(0, 20000));
  if (!m) return null;
  if (/^paper-digest:\s*(true|yes)\s*$/m.test(m[1])) return true;
  const prof = /^profile:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*$/m.exec(m[1]);
  return prof ? prof[1] : null;
}
