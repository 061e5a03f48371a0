import configSchema from '../../../schemas/config.schema.json';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { readJsonFile, type JsonProblem } from './json-file';
import { builtinProfile, DEFAULT_PROFILE_ID, loadProfileText, type Profile } from './profiles';
import type { Locale, RuleSetting } from './types';
import { message } from './messages';
import { readErrorMessage, type SafeReadResult, type SafeReadFailure } from './read-errors';
import { posixPaths, type PathOps } from './paths';

export const CONFIG_FILE = '.paperdigestrc.json';

export interface ConfigFile {
  root?: boolean;
  profile?: string;
  locale?: Locale;
  rules?: Record<string, RuleSetting>;
  glossaries?: string[];
  glossary?: Record<string, unknown>;
  files?: string[];
}

/** Reads files for the engine; the CLI and the server pass node's fs, tests can pass a map. */
export interface FileReader {
  readFile(file: string): string | undefined;
  /** A cheap change stamp (mtime) so unchanged files are not re-read; undefined when absent. */
  stamp(file: string): string | undefined;
  /**
   * A typed read (see safe-read.ts): regular files only, size-limited, UTF-8. Readers without
   * it (test maps) fall back to readFile, undefined meaning "missing".
   */
  read?(file: string): SafeReadResult;
  /** How files are named (paths.ts): file-system paths, or URIs in the web server. POSIX paths when absent. */
  paths?: PathOps;
  /** Where a file really is (symlinks followed), for confinement; the name itself when absent. */
  realPath?(file: string): string;
}

/** The reader's way of naming files. */
export const pathsOf = (fs: FileReader): PathOps => fs.paths ?? posixPaths;
/** The reader's real path of a file, or the file's own name. */
export const realPathVia = (fs: FileReader, file: string): string => fs.realPath?.(file) ?? file;

/** Reads through `fs.read` when it has one, else `fs.readFile`. */
export function readVia(fs: FileReader, file: string): SafeReadResult {
  if (fs.read) return fs.read(file);
  const text = fs.readFile(file);
  return text === undefined ? { error: 'missing', file } : { text, validUtf8: true, size: text.length, mtimeMs: 0, hash: '' };
}

/** A read failure as a message (English unless `locale`): names the file and what is wrong with it. */
export function readErrorText(r: SafeReadFailure, locale: Locale = 'en'): string {
  const m = readErrorMessage(r);
  return message(locale, m.id, m.data);
}

export interface FileProblems { file: string; text: string; problems: JsonProblem[] }

export interface ResolvedConfig {
  profile: Profile;
  locale?: Locale;
  rules: Record<string, RuleSetting>;
  /** Glossary files named by configuration, absolute, in stacking order. */
  glossaries: string[];
  glossary: Record<string, unknown>;
  files?: string[];
  /** The configuration files used, nearest last. */
  sources: string[];
  /** Problems found in configuration or profile files (each located in its file). */
  problems: FileProblems[];
}

interface Cached<T> { stamp: string; value?: T; problems: JsonProblem[]; text: string }

/**
 * Finds and reads `.paperdigestrc.json` from a document's folder upward, and the profile it
 * names. A file that fails to parse or validate is reported in that file and its last good
 * version stays in use (or the built-in defaults when there never was one).
 */
export class ConfigResolver {
  private configs = new Map<string, Cached<ConfigFile>>();
  private profiles = new Map<string, Cached<Profile> & { deps: Map<string, string>; inherited: FileProblems[] }>();
  private lastGood = new Map<string, unknown>();
  /** Every configuration or profile path looked at, found or not (a missing profile may appear later). */
  private seen = new Set<string>();

  /**
   * `confine` (untrusted workspaces): a profile or glossary path named in a configuration file
   * must stay inside that file's folder; others are reported there and ignored, so a cloned
   * repository cannot make the checker read files elsewhere on the machine.
   */
  constructor(readonly fs: FileReader, private opts: { confine?: boolean } = {}) {}

  /** How this resolver's files are named (the reader's). */
  get paths(): PathOps { return pathsOf(this.fs); }

  /** Whether paths are confined (an untrusted workspace). */
  get confined(): boolean { return !!this.opts.confine; }

  /** Untrusted workspace: confine configured paths (see the constructor). */
  setConfined(confine: boolean): void { this.opts = { ...this.opts, confine }; this.configs.clear(); }

  /** Forget cached reads (after a watched-file change); last good values are kept. */
  /** Whether this file was read as configuration or a profile (so a change to it matters). */
  uses(file: string): boolean {
    return this.seen.has(file);
  }

  invalidate(file?: string): void {
    if (file) { this.configs.delete(file); this.profiles.delete(file); } else { this.configs.clear(); this.profiles.clear(); }
  }

  configFilesFor(docPath: string): string[] {
    const found: string[] = [];
    const path = this.paths;
    let dir = path.dirname(path.resolve(docPath));
    for (;;) {
      const candidate = path.join(dir, CONFIG_FILE);
      if (this.fs.stamp(candidate) !== undefined) {
        found.unshift(candidate);
        const c = this.readConfig(candidate);
        if (c.value?.root) break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return found;
  }

  /** The effective configuration for a document; `overrides` (CLI flags, editor settings) win over files, `explicit` config replaces discovery. */
  resolve(docPath: string, overrides: Partial<ConfigFile> & { configFile?: string; baseDir?: string } = {}): ResolvedConfig {
    const path = this.paths;
    const problems: FileProblems[] = [];
    const files = overrides.configFile ? [path.resolve(overrides.configFile)] : this.configFilesFor(docPath);
    let merged: ConfigFile = {};
    const base = overrides.baseDir ?? path.cwd();
    let profileBase = base;
    let profileRef: string | undefined;
    /** The configuration file that named the profile: problems with it are located there. */
    let profileFrom: { file: string; text: string } | null = null;
    const glossaries: string[] = [];
    for (const file of files) {
      const c = this.readConfig(file);
      const own: JsonProblem[] = [...c.problems];
      const value = c.value ?? (this.lastGood.get(file) as ConfigFile | undefined);
      if (value) {
        const dir = path.dirname(file);
        if (value.profile) {
          if (this.escapes(dir, value.profile)) own.push(this.outside(c.text, ['profile'], value.profile, dir));
          else { profileRef = value.profile; profileBase = dir; profileFrom = { file, text: c.text }; }
        }
        (value.glossaries ?? []).forEach((g, i) => {
          if (this.escapes(dir, g)) { own.push(this.outside(c.text, ['glossaries', i], g, dir)); return; }
          const file = path.resolve(dir, g);
          // A missing glossary is reported where it is named (its own file is not there to hold the error).
          if (this.fs.stamp(file) === undefined) { this.seen.add(file); own.push({ span: locate(c.text, ['glossaries', i]), message: `Glossary file not found: "${g}" (${file}); its terms are not used`, path: `/glossaries/${i}` }); return; }
          glossaries.push(file);
        });
      }
      if (own.length) problems.push({ file, text: c.text, problems: own });
      if (!value) continue;
      merged = { ...merged, ...value, rules: { ...merged.rules, ...value.rules }, glossary: { ...merged.glossary, ...value.glossary } };
    }
    if (overrides.profile) { profileRef = overrides.profile; profileBase = base; profileFrom = null; }
    for (const g of overrides.glossaries ?? []) glossaries.push(path.resolve(base, g));
    const profile = this.profileFor(profileRef, profileBase, problems, profileFrom);
    return {
      profile,
      locale: overrides.locale ?? merged.locale,
      rules: { ...merged.rules, ...overrides.rules },
      glossaries,
      glossary: { ...merged.glossary, ...overrides.glossary },
      files: overrides.files ?? merged.files,
      sources: files,
      problems,
    };
  }

  /** Is `ref` a path leaving `dir` (only checked when confined)? Built-in profile ids are not paths. */
  private escapes(dir: string, ref: string): boolean {
    if (!this.opts.confine || builtinProfile(ref)) return false;
    // Real paths, not strings: a symlink inside the folder pointing elsewhere escapes too.
    const path = this.paths;
    const rel = path.relative(realPathVia(this.fs, dir), realPathVia(this.fs, path.resolve(dir, ref)));
    return rel === '' ? false : rel.startsWith('..') || path.isAbsolute(rel);
  }

  private outside(text: string, at: (string | number)[], ref: string, dir: string): JsonProblem {
    const path = this.paths;
    const real = realPathVia(this.fs, path.resolve(dir, ref));
    const msg = real === path.resolve(dir, ref)
      ? `Not read in an untrusted workspace: "${ref}" is outside this configuration file's folder`
      : message('en', 'file/outside-workspace', { ref, real });
    return { span: locate(text, at), message: msg, path: '/' + at.join('/') };
  }

  private profileFor(ref: string | undefined, base: string, problems: FileProblems[], from: { file: string; text: string } | null = null): Profile {
    const fallback = builtinProfile(DEFAULT_PROFILE_ID)!;
    if (!ref) return fallback;
    const builtin = builtinProfile(ref);
    if (builtin) return builtin;
    // A bad reference is reported at the "profile" value of the configuration file that made it.
    const report = (message: string, file: string) => problems.push(from
      ? { file: from.file, text: from.text, problems: [{ span: locate(from.text, ['profile']), message, path: '/profile' }] }
      : { file, text: '', problems: [{ span: { start: 0, end: 0 }, message, path: '/profile' }] });
    if (!/[\\/]|\.json$/i.test(ref)) {
      report(`Unknown profile "${ref}"`, base);
      return fallback;
    }
    const file = this.paths.resolve(base, ref);
    this.seen.add(file);
    const stamp = this.fs.stamp(file);
    if (stamp === undefined) {
      report(`Profile file not found: ${file}`, file);
      return (this.lastGood.get(file) as Profile | undefined) ?? fallback;
    }
    const cached = this.profileFile(file, []);
    if ('error' in cached) {
      report(cached.error, file);
      return (this.lastGood.get(file) as Profile | undefined) ?? fallback;
    }
    problems.push(...cached.inherited);
    if (cached.problems.length) problems.push({ file, text: cached.text, problems: cached.problems });
    return cached.value ?? (this.lastGood.get(file) as Profile | undefined) ?? fallback;
  }

  /**
   * A profile file, read and resolved with its `extends` chain: a built-in id, or a path relative
   * to the file (confined like other paths in an untrusted workspace). A cycle is an error at the
   * `"extends"` that closes it. Cached until the file or any base in its chain changes.
   */
  private profileFile(file: string, chain: string[]): Cached<Profile> & { deps: Map<string, string>; inherited: FileProblems[] } | { error: string } {
    this.seen.add(file);
    const stamp = this.fs.stamp(file);
    if (stamp === undefined) return { error: `Profile file not found: ${file}` };
    const hit = this.profiles.get(file);
    if (hit && [...hit.deps].every(([f, st]) => (this.fs.stamp(f) ?? MISSING) === st)) return hit;
    const read = readVia(this.fs, file);
    if ('error' in read) return { error: read.error === 'missing' ? `Profile file not found: ${file}` : readErrorText(read) };
    const deps = new Map([[file, stamp]]);
    const inherited: FileProblems[] = [];
    const path = this.paths;
    const dir = path.dirname(file);
    const lookup = (ref: string): Profile | undefined => {
      const builtin = builtinProfile(ref);
      if (builtin || !/[\\/]|\.json$/i.test(ref)) return builtin;
      if (this.escapes(dir, ref)) throw new Error(`Not read in an untrusted workspace: base profile "${ref}" is outside this profile's folder`);
      const baseFile = path.resolve(dir, ref);
      if (baseFile === file || chain.includes(baseFile)) throw new Error(`Profile "${ref}" extends this profile again (a cycle: ${[...chain, file, baseFile].map(f => path.basename(f)).join(' → ')})`);
      const base = this.profileFile(baseFile, [...chain, file]);
      // A base that is missing or unreadable is a dependency too: creating or fixing it is seen.
      if ('error' in base) { deps.set(baseFile, this.fs.stamp(baseFile) ?? MISSING); throw new Error(`Base profile: ${base.error}`); }
      for (const [f, st] of base.deps) deps.set(f, st);
      inherited.push(...base.inherited, ...(base.problems.length ? [{ file: baseFile, text: base.text, problems: base.problems }] : []));
      if (!base.value) throw new Error(`Base profile "${ref}" has problems of its own (see that file)`);
      return base.value;
    };
    const r = loadProfileText(read.text, lookup);
    const cached = { stamp, value: r.profile, problems: r.problems, text: read.text, deps, inherited };
    this.profiles.set(file, cached);
    if (r.profile) this.lastGood.set(file, r.profile);
    return cached;
  }

  readConfig(file: string): Cached<ConfigFile> {
    this.seen.add(file);
    const stamp = this.fs.stamp(file) ?? 'missing';
    let cached = this.configs.get(file);
    if (cached && cached.stamp === stamp) return cached;
    const read = readVia(this.fs, file);
    if ('error' in read) {
      const msg = read.error === 'missing' ? `Configuration file not found: ${file}` : readErrorText(read);
      cached = { stamp, problems: [{ span: { start: 0, end: 0 }, message: msg, path: '' }], text: '' };
    } else {
      const text = read.text;
      const r = readJsonFile<ConfigFile>(text, configSchema);
      cached = { stamp, value: r.value, problems: r.problems, text };
      if (r.value) this.lastGood.set(file, r.value);
    }
    this.configs.set(file, cached);
    return cached;
  }
}

/** The stamp of a file that is not there, in a profile's dependencies. */
const MISSING = '<missing>';

/** The span of the value at `at` in a JSON text (the start of the file when it is not there). */
function locate(text: string, at: (string | number)[]): { start: number; end: number } {
  const node = text ? findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 } as never, at) : undefined;
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}
