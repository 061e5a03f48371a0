import picomatch from 'picomatch';

/**
 * File globs come from settings and `.paperdigestrc.json` (a cloned repository's own file), and
 * picomatch compiles them to backtracking regexes: `*a*a*a*a*a*a*a*a*a*a*b` takes about a minute
 * against one 40-character file name. So a glob with more than MAX_STARS `*` in one path segment,
 * or longer than MAX_LENGTH, is not used, and extglobs (`+(a|aa)`: nested quantifiers) are off.
 */
const MAX_STARS = 3;
const MAX_LENGTH = 512;

export function isSafeGlob(glob: string): boolean {
  if (glob.length > MAX_LENGTH) return false;
  return glob.split('/').every(seg => seg === '**' || (seg.match(/\*+/g) ?? []).length <= MAX_STARS);
}

/** A matcher for the safe globs among `globs` (none safe: matches nothing). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  const safe = globs.filter(isSafeGlob);
  return safe.length ? picomatch(safe, { dot: true, noextglob: true }) : () => false;
}
