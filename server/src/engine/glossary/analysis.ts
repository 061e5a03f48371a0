import type { Digest } from '../digest';
import type { Span } from '../types';
import { textRuns, nodeRuns, movedRun, runSpan, type TextRun } from '../text-runs';
import { startOf, endOf } from '../parse';
import type { PartMemo } from '../part-memo';
import { compileGlossary, enEndOk, enStartOk, koStartOk, type CompiledGlossary, type KoForm } from './compile';
import { notAnAbbreviation } from './abbr-context';
import { findPairs, isAbbrLike, type Pair } from './pairs';
import { defaultGlossary } from './builtin';
import type { TrieMatch } from './trie';
import { DEFAULT_GLOSSARY_SETTINGS, type GlossaryFile, type GlossarySettings, type SourcedEntry } from './types';

export interface KoHit extends TrieMatch<KoForm> { run: number }
export interface EnHit extends TrieMatch<SourcedEntry> { run: number }
/** An abbreviation-like token (SD-VAE, FID, LLMs, DiT). */
export interface AbbrToken { run: number; start: number; end: number; text: string }

/**
 * Everything the glossary rules need from one document, computed once per document and
 * glossary: text runs, glossary term hits (one trie walk per run), pairs and abbreviations.
 */
export interface GlossaryAnalysis {
  glossary: CompiledGlossary;
  digest: Digest;
  runs: TextRun[];
  ko: KoHit[];
  en: EnHit[];
  pairs: Pair[];
  abbrs: AbbrToken[];
}

const cache = new WeakMap<Digest, Map<CompiledGlossary, GlossaryAnalysis>>();
const plainCache = new Map<string, CompiledGlossary>();

/** The glossary a check uses: env.glossary (compiled, or a plain glossary object in tests), else the built-in one. */
export function envGlossary(env: Record<string, unknown>): CompiledGlossary {
  const g = env.glossary as CompiledGlossary | GlossaryFile | undefined;
  if (!g) return defaultGlossary();
  if ('ko' in g && 'byEn' in g) return g;
  const key = JSON.stringify(g);
  let c = plainCache.get(key);
  if (!c) {
    const data = g as GlossaryFile;
    c = compileGlossary([{ file: '<env>', text: key, data, entrySpans: [], specSpans: [] }]);
    if (plainCache.size > 50) plainCache.clear();
    plainCache.set(key, c);
  }
  return c;
}

/** Settings from config (env.glossarySettings), overridden by the rule's own options. */
export function glossarySettings(env: Record<string, unknown>, options: Record<string, unknown> = {}): GlossarySettings {
  const s = { ...DEFAULT_GLOSSARY_SETTINGS, ...(env.glossarySettings as Partial<GlossarySettings> | undefined) };
  if (typeof options.scope === 'string') s.firstUseScope = options.scope as GlossarySettings['firstUseScope'];
  if (typeof options.spacing === 'string') s.pairSpacing = options.spacing as GlossarySettings['pairSpacing'];
  if (typeof options.order === 'string') s.pairOrder = options.order as GlossarySettings['pairOrder'];
  return s;
}

const ABBR_TOKEN = /(?<![A-Za-z0-9\-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])/g;

export function analyse(digest: Digest, glossary: CompiledGlossary, memo?: PartMemo): GlossaryAnalysis {
  let byGlossary = cache.get(digest);
  if (!byGlossary) { byGlossary = new Map(); cache.set(digest, byGlossary); }
  const hit = byGlossary.get(glossary);
  if (hit) return hit;
  // The table of contents mirrors the headings; checking it would report every term twice.
  const exclude: Span[] = [];
  if (digest.toc) exclude.push(digest.toc.labelSpan);
  if (digest.toc?.list) exclude.push(digest.toc.list.span);
  const blocks = documentRuns(digest, exclude, memo);
  const runs: TextRun[] = [];
  for (const b of blocks) for (const run of b.runs) runs.push(run);
  const a: GlossaryAnalysis = { glossary, digest, runs, ko: [], en: [], pairs: [], abbrs: [] };
  const names = new Set<string>();
  const local = runCacheFor(glossary);
  // A run's hits, pairs and abbreviations depend only on its own text, kind and links: after an
  // edit, every run but the edited one is found in the cache (the re-check does not rescan them).
  // A block kept in the document's memo keeps its runs' analyses too (no keys to build and look up).
  // Each run is looked up when it is placed, so a text repeated in the document (in one block, too)
  // is analysed once. Setting never evicts: the cache is trimmed once, after, keeping this
  // document's runs.
  const keys: string[] = [];
  let r = 0;
  for (const b of blocks) {
    // A block at the same run index as in the previous check adds the very objects it added then.
    const kept = b.placed?.get(glossary);
    if (kept && kept.r === r) { add(a, kept, names); r += b.runs.length; continue; }
    const placed: Placed = { r, ko: [], en: [], pairs: [], abbrs: [], names: [] };
    for (const run of b.runs) {
      const key = runKey(run);
      keys.push(key);
      let f = local.get(key);
      if (!f) local.set(key, (f = analyseRun(run, glossary)));
      place(placed, f, r++);
    }
    b.placed?.set(glossary, placed);
    add(a, placed, names);
  }
  local.trim(new Set(keys));
  // A name is a name everywhere in the document: "VILA-U[67] 위에 … VILA-U는 …".
  if (names.size) a.abbrs = a.abbrs.filter(t => !names.has(t.text) || glossary.byAbbr.has(t.text));
  byGlossary.set(glossary, a);
  return a;
}

/** What one run holds, without its place in the document (run indexes are set when it is used). */
interface RunAnalysis {
  ko: TrieMatch<KoForm>[];
  en: TrieMatch<SourcedEntry>[];
  pairs: Pair[];
  abbrs: Omit<AbbrToken, 'run'>[];
  /** Tokens that are names here (in a link, numbered, described): names everywhere in the document. */
  names: string[];
}

/** The matches of a block's runs with their run indexes in the document (from `r` on). */
interface Placed { r: number; ko: KoHit[]; en: EnHit[]; pairs: Pair[]; abbrs: AbbrToken[]; names: string[] }

function place(p: Placed, found: RunAnalysis, r: number): void {
  for (const m of found.ko) p.ko.push({ ...m, run: r });
  for (const m of found.en) p.en.push({ ...m, run: r });
  for (const x of found.pairs) p.pairs.push({ ...x, run: r });
  for (const t of found.abbrs) p.abbrs.push({ ...t, run: r });
  for (const n of found.names) p.names.push(n);
}

function add(a: GlossaryAnalysis, p: Placed, names: Set<string>): void {
  // Loops, not push(...xs): a 5 MB paragraph has more matches than call arguments may be.
  for (const m of p.ko) a.ko.push(m);
  for (const m of p.en) a.en.push(m);
  for (const x of p.pairs) a.pairs.push(x);
  for (const t of p.abbrs) a.abbrs.push(t);
  for (const n of p.names) names.add(n);
}

/** The runs of one top-level block; a block kept in the memo also keeps its matches, placed, per glossary. */
interface BlockRuns { runs: TextRun[]; placed?: WeakMap<CompiledGlossary, Placed> }

/**
 * The document's text runs, built per top-level block and kept in the document's memo by the
 * block's origin: after an edit, only the edited block's runs are built again. (A document that
 * defines link references is parsed whole, into new nodes each time: nothing of it is found again.)
 * A block holding an excluded span (the TOC) is built afresh each time.
 */
function documentRuns(digest: Digest, exclude: Span[], memo: PartMemo | undefined): BlockRuns[] {
  const { root, text } = digest;
  if (!memo) return [{ runs: textRuns(root, text, exclude) }];
  return root.children.map(node => {
    const start = startOf(node), end = endOf(node);
    if (exclude.some(x => x.start < end && start < x.end)) return { runs: nodeRuns(node, text, exclude) };
    const kept = memo.nodeValue(node, () => {
      const runs = nodeRuns(node, text, []);
      return { base: start, runs, placed: new WeakMap<CompiledGlossary, Placed>(), movable: runs.every(r => runWithin(r, start, end)) };
    });
    // A node without a position inside (an autolink made by a transform) maps to offset 0, not into
    // the block: such a block's runs do not move with it, and are built afresh each time.
    if (!kept.movable) return { runs: nodeRuns(node, text, exclude) };
    const by = start - kept.base;
    return by ? { runs: kept.runs.map(run => movedRun(run, by)), placed: kept.placed } : kept;
  });
}

/** Every character of the run maps into the block at start…end. */
function runWithin(run: TextRun, start: number, end: number): boolean {
  const ok = (o: number) => run.base + o >= start && run.base + o <= end;
  return run.offsets.every(ok) && (!run.ends || run.ends.every(ok));
}

/**
 * The analysis of runs by key, least recently used first out, bounded by an estimate of what the
 * entries hold (key characters plus a share per match): every edit of a paragraph makes a new
 * key, and without a bound a long session of edits would keep every version of it.
 */
export class RunCache {
  private entries = new Map<string, { value: RunAnalysis; cost: number }>();
  private held = 0;
  constructor(private readonly limit: number) {}
  get size(): { entries: number; cost: number } { return { entries: this.entries.size, cost: this.held }; }
  get(key: string): RunAnalysis | undefined {
    const e = this.entries.get(key);
    // Re-inserted: a Map keeps insertion order, so the first entry is the least recently used.
    if (e) { this.entries.delete(key); this.entries.set(key, e); }
    return e?.value;
  }
  set(key: string, value: RunAnalysis): void {
    const cost = key.length + 64 * (1 + value.ko.length + value.en.length + value.pairs.length + value.abbrs.length);
    // A huge run (a 5 MB paragraph) would push out everything else and then itself: not kept.
    if (cost > this.limit / 8) return;
    const old = this.entries.get(key);
    if (old) { this.held -= old.cost; this.entries.delete(key); }
    this.entries.set(key, { value, cost });
    this.held += cost;
  }
  /** Drops the least recently used entries until within the limit, never one in `keep` (the current document's). */
  trim(keep: Set<string> = new Set()): void {
    for (const [key, e] of this.entries) {
      if (this.held <= this.limit || keep.has(key)) break;
      this.entries.delete(key);
      this.held -= e.cost;
    }
  }
}

/** Per glossary: about 8 M characters' worth, several times a 100-fold digest (a few big documents open). */
let runCaches = new WeakMap<CompiledGlossary, RunCache>();
export const RUN_CACHE_LIMIT = 8_000_000;

/** Empties every glossary's run cache: the next check analyses every run as a fresh process would. */
export function forgetRunAnalyses(): void {
  runCaches = new WeakMap();
}

function runCacheFor(glossary: CompiledGlossary): RunCache {
  let c = runCaches.get(glossary);
  if (!c) runCaches.set(glossary, (c = new RunCache(RUN_CACHE_LIMIT)));
  return c;
}

function runKey(run: TextRun): string {
  let key = run.kind + '\0' + run.text;
  for (const l of run.links) key += `\0${l.start},${l.end},${l.url}`;
  return key;
}

function analyseRun(run: TextRun, glossary: CompiledGlossary): RunAnalysis {
  const t = run.text;
  const ko = glossary.ko.scan(t, i => koStartOk(t, i), () => true);
  // A regular plural ("latent spaces") matches too; irregular ones are listed in enVariants.
  const en = glossary.en.scan(t, i => enStartOk(t, i), j => enEndOk(t, j) || (t[j] === 's' && enEndOk(t, j + 1)));
  const pairs = findPairs(run, -1, ko, glossary);
  const abbrs: RunAnalysis['abbrs'] = [];
  const names: string[] = [];
  for (const m of t.matchAll(ABBR_TOKEN)) {
    const s = m[0];
    // Model names with a size or version part (GPT-OSS-120B, LLAMA-2) are names, not abbreviations.
    const allCaps = /^[A-Z0-9-]+s?$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/-\d/.test(s);
    const listed = glossary.byAbbr.has(s) || (/s$/.test(s) && glossary.byAbbr.has(s.slice(0, -1)));
    if (namedInLink(run, m.index!)) { names.push(s); continue; }
    const why = listed || !allCaps ? undefined : notAnAbbreviation(t, m.index!, m.index! + s.length);
    if (why === 'name' || why === 'numbered-name' || why === 'described') names.push(s);
    if (listed || (allCaps && !why)) abbrs.push({ start: m.index!, end: m.index! + s.length, text: s });
  }
  return { ko, en, pairs, abbrs, names };
}

/** A link text without Hangul cites an outside title or names a work: "[TP vs Device Map](…)", "[BART](…)". */
function namedInLink(run: TextRun, i: number): boolean {
  const l = run.links.find(l => i >= l.start && i < l.end);
  return !!l && !/[\uAC00-\uD7A3]/.test(run.text.slice(l.start, l.end));
}

export function spanOf(a: GlossaryAnalysis, run: number, start: number, end: number): Span {
  return runSpan(a.runs[run], start, end);
}

/**
 * The scope a source offset belongs to for "first use": the document, its section, or its
 * paper entry; headings and body are separate scopes (the PyTorch Korea translation guide's rule).
 */
export function scopeKey(a: GlossaryAnalysis, run: number, scope: GlossarySettings['firstUseScope'], withKind = true): string {
  // Asked for each term mention by several rules: worked out once per run and scope, and the same
  // string each time (rules key maps by it).
  let byScope = runScopes.get(a);
  if (!byScope) runScopes.set(a, (byScope = new Map()));
  const which = withKind ? `${scope}:kind` : scope;
  let keys = byScope.get(which);
  if (!keys) byScope.set(which, (keys = []));
  let key = keys[run];
  if (key === undefined) {
    const r = a.runs[run];
    const base = scopeOfOffset(a, r.block.start, scope);
    keys[run] = key = withKind ? `${base}:${r.kind}` : base;
  }
  return key;
}
const runScopes = new WeakMap<GlossaryAnalysis, Map<string, string[]>>();

export { isAbbrLike };

/** The run holding a source offset, by binary search over the runs' blocks. */
export function runAt(a: GlossaryAnalysis, offset: number): number {
  let lo = 0, hi = a.runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, b = a.runs[mid].block;
    if (offset < b.start) hi = mid - 1; else if (offset > b.end) lo = mid + 1; else return mid;
  }
  return -1;
}

export interface TermAt { entry: SourcedEntry; span: Span; via: 'ko' | 'en' | 'abbr' }

/** The glossary term (Korean, English or abbreviation) under a source offset, for hover and definition. */
export function termAt(a: GlossaryAnalysis, offset: number): TermAt | undefined {
  const r = runAt(a, offset);
  if (r < 0) return undefined;
  const run = a.runs[r];
  const inside = (start: number, end: number) => { const s = runSpan(run, start, end); return offset >= s.start && offset <= s.end ? s : undefined; };
  for (const h of a.ko) if (h.run === r) { const s = inside(h.start, h.end); if (s) return { entry: h.value.entry, span: s, via: 'ko' }; }
  for (const h of a.en) if (h.run === r) { const s = inside(h.start, h.end); if (s) return { entry: h.value, span: s, via: 'en' }; }
  for (const t of a.abbrs) if (t.run === r) {
    const entry = a.glossary.byAbbr.get(t.text) ?? a.glossary.byAbbr.get(t.text.replace(/s$/, ''));
    const s = entry && inside(t.start, t.end);
    if (entry && s) return { entry, span: s, via: 'abbr' };
  }
  return undefined;
}

/** Has this entry been mentioned in Korean before `offset` in the scope of `offset` (for completion)? */
export function mentionedBefore(a: GlossaryAnalysis, entry: SourcedEntry, offset: number, kind: 'heading' | 'body', scope: GlossarySettings['firstUseScope'], skip?: Span): boolean {
  const here = scopeOfOffset(a, offset, scope);
  return a.ko.some(h => {
    if (h.value.entry !== entry || a.runs[h.run].kind !== kind) return false;
    const s = runSpan(a.runs[h.run], h.start, h.end);
    if (s.start >= offset || (skip && s.start < skip.end && skip.start < s.end)) return false;
    return scopeOfOffset(a, s.start, scope) === here;
  });
}

function scopeOfOffset(a: GlossaryAnalysis, o: number, scope: GlossarySettings['firstUseScope']): string {
  if (scope === 'document') return 'doc';
  const si = a.digest.sections.findIndex(s => o >= s.span.start && o <= s.span.end);
  let key = si >= 0 ? `s${si}` : 'pre';
  if (scope === 'paper') {
    const pi = a.digest.papers.findIndex(p => p.heading && o >= p.span.start && o <= p.span.end);
    if (pi >= 0) key = `p${pi}`;
  }
  return key;
}
