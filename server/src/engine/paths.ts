/**
 * How the engine names files. The CLI and the desktop server use the file system's paths (Node's
 * `path`, given by node-files.ts); the web server uses URIs (`memfs:/ws/a.md`,
 * `vscode-vfs://github/owner/repo/a.md`), since a browser has no file system and a virtual
 * workspace's files have no path. The engine never imports `path`: it asks its FileReader's
 * `paths`, so one engine runs in both.
 */
import posix from 'path-browserify';
import { URI, Utils } from 'vscode-uri';

export interface PathOps {
  /** The separator a relative result uses ('/' for URIs). */
  readonly sep: string;
  dirname(p: string): string;
  basename(p: string): string;
  join(p: string, ...more: string[]): string;
  /** `ref` resolved against `base` (an absolute `ref` stays as it is). */
  resolve(base: string, ref?: string): string;
  /** `to` relative to `from`; outside it: starts with '..', or is absolute when there is no relative way. */
  relative(from: string, to: string): string;
  isAbsolute(p: string): boolean;
  /** The root `p` starts with ('/', 'C:\\', 'memfs:/'). */
  root(p: string): string;
  /** Where relative paths start when nothing else says. */
  cwd(): string;
  /** The URI string a client knows the file by, and back. */
  toUri(file: string): string;
  fromUri(uri: string): string;
}

/** What Node's `path` and `path-browserify` both have. */
export type PathModule = Pick<typeof posix, 'sep' | 'dirname' | 'basename' | 'join' | 'resolve' | 'relative' | 'isAbsolute' | 'parse'>;

/** File-system paths through a `path` module; `cwd` and `fromUri` say where relative paths start and how a URI becomes a path. */
export function pathModuleOps(mod: PathModule, own: Pick<PathOps, 'cwd' | 'fromUri'>): PathOps {
  return {
    sep: mod.sep,
    dirname: p => mod.dirname(p),
    basename: p => mod.basename(p),
    join: (p, ...more) => mod.join(p, ...more),
    resolve: (base, ref) => (ref === undefined ? mod.resolve(base) : mod.resolve(base, ref)),
    relative: (from, to) => mod.relative(from, to),
    isAbsolute: p => mod.isAbsolute(p),
    root: p => mod.parse(p).root,
    toUri: f => URI.file(f).toString(),
    ...own,
  };
}

/** POSIX paths without Node (the default for in-memory readers in tests). */
export const posixPaths: PathOps = pathModuleOps(posix, { cwd: () => '/', fromUri: u => URI.parse(u).path });

/** A URI's scheme, if `s` starts with one (a Windows drive letter is not a scheme). */
const hasScheme = (s: string): boolean => {
  const colon = s.indexOf(':');
  if (colon < 2) return false;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!letter && (i === 0 || !((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))) return false;
  }
  return true;
};

/** The file names of the web server: URI strings, as the client sends them (vscode-uri's form). */
export const uriPaths: PathOps = {
  sep: '/',
  dirname: p => Utils.dirname(URI.parse(p)).toString(),
  basename: p => Utils.basename(URI.parse(p)),
  join: (p, ...more) => Utils.joinPath(URI.parse(p), ...more).toString(),
  resolve: (base, ref) => {
    if (ref === undefined || hasScheme(ref)) return URI.parse(ref ?? base).toString();
    return Utils.resolvePath(URI.parse(base), ref).toString();
  },
  relative: (from, to) => {
    const a = URI.parse(from);
    const b = URI.parse(to);
    // Another scheme or authority (another repository): no relative way there.
    if (a.scheme !== b.scheme || a.authority !== b.authority) return b.toString();
    return posix.relative(a.path || '/', b.path || '/');
  },
  isAbsolute: hasScheme,
  root: p => URI.parse(p).with({ path: '/', query: '', fragment: '' }).toString(),
  cwd: () => 'file:///',
  toUri: f => f,
  // One spelling per file: the form vscode-uri writes (the client's own URIs are in it already).
  fromUri: u => URI.parse(u).toString(),
};
