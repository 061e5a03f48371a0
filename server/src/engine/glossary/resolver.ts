import { readVia, readErrorText, pathsOf, realPathVia, type FileReader, type FileProblems } from '../config';
import { message } from '../messages';
import type { JsonProblem } from '../json-file';
import { compileGlossary, type CompiledGlossary } from './compile';
import { loadGlossaryText, specProblems } from './load';
import { builtinLayer, defaultGlossary } from './builtin';

export { builtinLayer, defaultGlossary };
import { BUILTIN_GLOSSARY, type GlossaryLayer } from './types';

/** The workspace glossary's place in a folder (and above its documents). */
export const WORKSPACE_GLOSSARY_DIR = '.paper-digest';
export const WORKSPACE_GLOSSARY_NAME = 'glossary.json';
/** As the docs write it. */
export const WORKSPACE_GLOSSARY = `${WORKSPACE_GLOSSARY_DIR}/${WORKSPACE_GLOSSARY_NAME}`;

export interface ResolvedGlossary {
  glossary: CompiledGlossary;
  /** Glossary files in stacking order (the built-in first). */
  files: string[];
  /** Problems in glossary files (schema, duplicates, failing specs), located in each file. */
  problems: FileProblems[];
}

interface Cached { stamp: string; layer?: GlossaryLayer; problems: JsonProblem[]; text: string; missing?: boolean }

/**
 * Finds, reads, stacks and compiles the glossaries for a document: the built-in default, then
 * the configured files, then the nearest `.paper-digest/glossary.json` above the document.
 * Like ConfigResolver: reads are cached by file stamp, and a file that becomes malformed is
 * reported while its last good version stays in use.
 */
export class GlossaryResolver {
  private files = new Map<string, Cached>();
  private lastGood = new Map<string, GlossaryLayer>();
  private compiled = new Map<string, { glossary: CompiledGlossary; problems: FileProblems[] }>();
  private ids = new WeakMap<GlossaryLayer, number>();
  private nextId = 1;

  /** `confined()`: an untrusted workspace, where the found workspace glossary must really lie in its folder. */
  constructor(private fs: FileReader, private confined: () => boolean = () => false) {}

  /** Whether this file was read as a glossary (so a change to it matters). */
  uses(file: string): boolean {
    return this.files.has(file) || this.lastGood.has(file);
  }

  invalidate(file?: string): void {
    if (file) this.files.delete(file); else this.files.clear();
  }

  /** The nearest workspace glossary above the document, if any. */
  workspaceGlossaryFor(docPath: string): string | undefined {
    const path = pathsOf(this.fs);
    let dir = path.dirname(path.resolve(docPath));
    for (;;) {
      const candidate = path.join(dir, WORKSPACE_GLOSSARY_DIR, WORKSPACE_GLOSSARY_NAME);
      if (this.fs.stamp(candidate) !== undefined) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  resolve(docPath: string, configured: string[] = []): ResolvedGlossary {
    const path = pathsOf(this.fs);
    const problems: FileProblems[] = [];
    const b = builtinLayer();
    if (b.problems.length) problems.push({ file: BUILTIN_GLOSSARY, text: '', problems: b.problems });
    const layers: GlossaryLayer[] = [b.layer];
    let ws = this.workspaceGlossaryFor(docPath);
    if (ws && this.confined()) {
      // A cloned repository's .paper-digest/glossary.json may be a symlink to any file on the machine.
      const folder = path.dirname(path.dirname(ws));
      const real = realPathVia(this.fs, ws);
      const rel = path.relative(realPathVia(this.fs, folder), real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        problems.push({ file: ws, text: '', problems: [{ span: { start: 0, end: 0 }, message: message('en', 'file/workspace-glossary-outside', { real, folder }), path: '' }] });
        ws = undefined;
      }
    }
    const wanted = [...configured.map(f => path.resolve(f)), ...(ws ? [ws] : [])].filter((f, i, all) => all.indexOf(f) === i);
    for (const file of wanted) {
      const c = this.read(file);
      if (c.problems.length) problems.push({ file, text: c.text, problems: c.problems });
      // A malformed file keeps its last good version; a file that is gone is gone.
      const layer = c.layer ?? (c.missing ? undefined : this.lastGood.get(file));
      if (layer) layers.push(layer);
    }
    const stack = this.stack(layers);
    return { glossary: stack.glossary, files: layers.map(l => l.file), problems: [...problems, ...stack.problems] };
  }

  private id(layer: GlossaryLayer): number {
    let id = this.ids.get(layer);
    if (id === undefined) { id = this.nextId++; this.ids.set(layer, id); }
    return id;
  }

  /** Compiles each prefix of the stack once; a layer's specs run against the stack up to it. */
  private stack(layers: GlossaryLayer[]): { glossary: CompiledGlossary; problems: FileProblems[] } {
    const key = layers.map(l => this.id(l)).join(',');
    const hit = this.compiled.get(key);
    if (hit) return hit;
    const before = layers.length > 1 ? this.stack(layers.slice(0, -1)) : { problems: [] as FileProblems[] };
    // The built-in glossary alone is the one the engine compiles anyway (once per process).
    const glossary = layers.length === 1 && layers[0] === builtinLayer().layer ? defaultGlossary() : compileGlossary(layers);
    const last = layers[layers.length - 1];
    const failed = specProblems(glossary, last);
    const problems = [...before.problems];
    if (failed.length) problems.push({ file: last.file, text: last.file === BUILTIN_GLOSSARY ? '' : last.text, problems: failed });
    const out = { glossary, problems };
    if (this.compiled.size > 32) this.compiled.clear();
    this.compiled.set(key, out);
    return out;
  }

  private read(file: string): Cached {
    const stamp = this.fs.stamp(file) ?? 'missing';
    let cached = this.files.get(file);
    if (cached && cached.stamp === stamp) return cached;
    const read = readVia(this.fs, file);
    if ('error' in read) {
      const msg = read.error === 'missing' ? `Glossary file not found: ${file}` : readErrorText(read);
      cached = { stamp, problems: [{ span: { start: 0, end: 0 }, message: msg, path: '' }], text: '', missing: read.error === 'missing' };
    } else {
      const text = read.text;
      const r = loadGlossaryText(text, file);
      cached = { stamp, layer: r.layer, problems: r.problems, text };
      if (r.layer) this.lastGood.set(file, r.layer);
    }
    this.files.set(file, cached);
    return cached;
  }
}

