/**
 * `npm run bench`: how fast paper-digest checks, against bare remark-parse and the peers, all
 * measured in this one run on this machine. Prints tables and writes bench-output/bench.json.
 *
 * Options: --quick (fewer runs, no x100 for the slow paths), --x1000 (also a 22 MB digest: minutes), --no-corpus, --no-lsp.
 * Method: docs/performance.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { seedDocs, corpusDocs, type BenchDoc } from './docs';
import { bareParse, wholeParse, fullCheck, wholeCheck, enabledRules, forgetCaches, IncrementalParser, PartMemo } from './engine';
import { markdownlint, remarkLintRecommended, textlintPrhCheck } from './peers';
import { serverLatency, serverStartup, serverBurst, middleEdit, nodeBaseline, type LspFigures } from './lsp';
import { SERVER_NODE_ARGS } from '../shared/protocol';
import { bundleSizes } from './bundle';
import { median, ms, ratio } from './stats';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const RUNS: Record<string, number> = quick ? { seed: 5, x10: 3, x100: 1, 'x100 as is': 1, x1000: 1, corpus: 1 } : { seed: 15, x10: 7, x100: 3, 'x100 as is': 3, x1000: 1, corpus: 1 };
/** x100 and the corpus come after seed and x10 have warmed the code up: no extra warm-up run. */
const WARM: Record<string, boolean> = { seed: true, x10: true, x100: false, corpus: false };

interface DocFigures {
  name: string; kb: number; files?: number;
  bare: number; wholeParse: number | null; chunkedParse: number | null;
  check: number; wholeCheck: number | null; incrementalParse: number; incremental: number;
  markdownlint: number; remarkLint: number; textlint: number;
  /** Medians of per-round ratios to the bare parse of the same round, and their spread over the rounds. */
  ratios: Record<string, number>;
  spread: Record<string, [number, number]>;
  findings: number; chunks: number | null; reparsedChunks: number;
  lsp?: LspFigures; peakRss?: { bare: number; check: number; heapAfterCheck: number };
}

const log = (s: string) => process.stderr.write(s + '\n');

/** One pass over a set of documents (the corpus) counts as one run: times are summed. */
function over(docs: BenchDoc[], f: (text: string, i: number) => void): (i: number) => void {
  return i => { for (const d of docs) f(d.text, i); };
}

/** The same for a peer whose API is asynchronous (textlint): awaited one document after another. */
function overAsync(docs: BenchDoc[], f: (text: string) => Promise<unknown>): (i: number) => Promise<void> {
  return async () => { for (const d of docs) await f(d.text); };
}

/**
 * Every measure of a document, interleaved round by round (bare parse, then each other measure,
 * in the same round), so a load spike on this shared machine hits all of them alike; ratios are
 * medians of the per-round ratios to that round's bare parse.
 */
async function measure(name: string, docs: BenchDoc[]): Promise<DocFigures> {
  const runs = RUNS[name] ?? RUNS.corpus;
  const warm = WARM[name] ?? false;
  const kb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1024;
  log(`${name}: ${kb.toFixed(0)} KB, ${runs} rounds${warm ? ' after a warm-up round' : ''}`);
  // The corpus is many small files: the whole-text paths tell nothing new there and cost minutes.
  const many = docs.length > 1;
  // The server's state per document: its parser and its memo of rule results per part.
  const parsers = docs.map(d => { const p = new IncrementalParser(); p.parse(d.text); return p; });
  const memos = docs.map((d, k) => { const m = new PartMemo(); fullCheck(d.text, parsers[k], m); return m; });
  const at = docs.map(d => middleEdit(d.text));
  const edited = (k: number, i: number) => docs[k].text.slice(0, at[k]) + String.fromCharCode(0xac01 + i + 1) + docs[k].text.slice(at[k]);
  let reparsed = 0;
  const measures: Record<string, ((i: number) => void | Promise<void>) | null> = {
    bare: over(docs, bareParse),
    wholeParse: many ? null : over(docs, wholeParse),
    chunkedParse: many ? null : over(docs, x => { new IncrementalParser().parse(x); }),
    check: over(docs, x => { fullCheck(x); }),
    // The CLI path parses the whole text at once; at x100 that is the slow superlinear case.
    wholeCheck: many || (quick && name === 'x100') ? null : over(docs, x => { wholeCheck(x); }),
    incrementalParse: null, incremental: null,
    markdownlint: over(docs, x => { markdownlint(x); }),
    remarkLint: over(docs, x => { remarkLintRecommended(x); }),
    textlint: overAsync(docs, textlintPrhCheck),
  };
  const times: Record<string, number[]> = {};
  for (let i = warm ? -1 : 0; i < runs; i++) {
    const round: Record<string, number> = {};
    for (const [key, f] of Object.entries(measures)) {
      if (key === 'incremental') {
        // A parser that has seen the document, then a one-character edit in the middle:
        // the parse alone, then the whole check (the parse result is remembered, not redone).
        docs.forEach((d, k) => fullCheck(d.text, parsers[k], memos[k]));
        let parse = 0, total = 0;
        docs.forEach((_, k) => {
          const text = edited(k, i);
          const t0 = performance.now();
          parsers[k].parse(text);
          const t1 = performance.now();
          fullCheck(text, parsers[k], memos[k]);
          parse += t1 - t0; total += performance.now() - t0;
          reparsed = parsers[k].stats.parsed;
        });
        round.incrementalParse = parse; round.incremental = total;
        continue;
      }
      if (!f) continue;
      // A full check is of a document seen for the first time: nothing kept from the last round's
      // check of the same text (each run's glossary matches, messages), as in a fresh server.
      if (key === 'check' || key === 'wholeCheck') forgetCaches();
      const t0 = performance.now();
      await f(i);
      round[key] = performance.now() - t0;
    }
    if (i < 0) continue;
    for (const [k, v] of Object.entries(round)) (times[k] ??= []).push(v);
    for (const [k, v] of Object.entries(round)) if (k !== 'bare') (times[k + 'Ratio'] ??= []).push(v / round.bare);
  }
  const med = (k: string) => (times[k] ? median(times[k]) : null);
  return {
    name, kb, files: many ? docs.length : undefined,
    bare: med('bare')!, wholeParse: med('wholeParse'), chunkedParse: med('chunkedParse'), check: med('check')!, wholeCheck: med('wholeCheck'),
    incrementalParse: med('incrementalParse')!, incremental: med('incremental')!, markdownlint: med('markdownlint')!, remarkLint: med('remarkLint')!, textlint: med('textlint')!,
    ratios: Object.fromEntries(Object.keys(times).filter(k => k.endsWith('Ratio')).map(k => [k.slice(0, -5), median(times[k])])),
    spread: Object.fromEntries(Object.keys(times).filter(k => k.endsWith('Ratio')).map(k => [k.slice(0, -5), [Math.min(...times[k]), Math.max(...times[k])] as [number, number]])),
    findings: docs.reduce((n, d, k) => n + fullCheck(d.text, parsers[k]).result.findings.length, 0),
    chunks: many ? null : parsers[0].stats.chunks, reparsedChunks: reparsed,
  };
}

/** Bare parse and full check of one document in a fresh process (bench/growth.ts), medians in ms. */
function freshProcess(name: string, rounds: number): { bare: number; check: number } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'growth.ts'), name, String(rounds)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }));
}

function peakRss(name: string): DocFigures['peakRss'] {
  const run = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'heap.ts'), name, mode], { cwd: ROOT, encoding: 'utf8' }));
  const b = run('bare'), c = run('check');
  return { bare: b.peakRssMb, check: c.peakRssMb, heapAfterCheck: c.heapUsedMb };
}

function table(head: string[], rows: (string | number)[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
  const line = (r: (string | number)[]) => '| ' + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n, i) => (i === 0 ? ':' : '') + '-'.repeat(n + 1) + (i === 0 ? '' : ':')).join('|') + '|', ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  fs.mkdirSync(OUT, { recursive: true });
  const pkg = (n: string) => { try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', n, 'package.json'), 'utf8')).version; } catch { return '?'; } };
  const env = {
    node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load: os.loadavg().map(x => +x.toFixed(2)),
    versions: Object.fromEntries(['micromark', 'remark-parse', 'mdast-util-from-markdown', 'remark-gfm', 'markdownlint', 'remark-lint', 'remark-preset-lint-recommended', '@textlint/kernel', 'textlint-rule-prh'].map(n => [n, pkg(n)])),
    rules: enabledRules(),
  };
  log(`node ${env.node}, ${env.cpus} CPUs, load ${env.load.join(' ')}; micromark ${env.versions.micromark}`);

  const docs: DocFigures[] = [];
  for (const d of seedDocs(args.has('--x1000'))) {
    if (quick && d.name.startsWith('x100')) { log(`${d.name}: skipped in --quick`); continue; }
    docs.push(await measure(d.name, [d]));
  }
  const corpus = args.has('--no-corpus') ? [] : corpusDocs();
  if (corpus.length) docs.push(await measure('corpus', corpus));

  for (const d of docs) if (d.name !== 'corpus' && !d.name.includes(' ') && d.name !== 'x1000') { log(`memory: ${d.name}`); d.peakRss = peakRss(d.name); }

  // Growth with the document's size, each size in a process of its own (see bench/growth.ts).
  const growth: { name: string; bare: number; check: number }[] = [];
  for (const [name, rounds] of [['x10', 5], ['x100', 3], ...(args.has('--x1000') ? [['x1000', 1]] : [])] as [string, number][]) {
    if (quick && name !== 'x10') continue;
    log(`growth: ${name} in a fresh process`);
    growth.push({ name, ...freshProcess(name, rounds) });
  }

  let startupMs: number | null = null, nodeMs: number | null = null;
  const bursts: { flags: string; idleMb: number; afterBurstMb: number }[] = [];
  if (!args.has('--no-lsp')) {
    log('language server: start-up');
    nodeMs = nodeBaseline(quick ? 3 : 5);
    startupMs = await serverStartup(quick ? 3 : 5);
    for (const d of seedDocs().filter(x => ['seed', 'x10', 'x100'].includes(x.name))) {
      const f = docs.find(x => x.name === d.name);
      if (!f) continue;
      log(`language server: ${d.name}`);
      f.lsp = await serverLatency(d.name, d.text, quick ? 3 : d.name === 'x100' ? 4 : 8);
    }
    if (process.platform === 'linux') {
      const seed = seedDocs().find(d => d.name === 'seed');
      for (const flags of ['', SERVER_NODE_ARGS.join(' ')]) {
        if (!seed) break;
        log(`language server: memory after 2,000 edits (${flags || 'default Node flags'})`);
        bursts.push({ flags: flags || 'default Node flags', ...(await serverBurst(seed.text, flags)) });
      }
    }
  }
  log('bundles');
  const bundles = await bundleSizes(OUT);

  const by = (n: string) => docs.find(d => d.name === n);
  const fresh = (n: string) => growth.find(g => g.name === n);
  const grown = (big: string, small: string) => { const b = fresh(big), s = fresh(small); return b && s ? b.check / s.check : undefined; };
  const x10 = by('x10'), x100 = by('x100'), x1000 = by('x1000'), seedDoc = by('seed');
  // Issue 17's targets; a ratio "vs markdownlint" is paper-digest's full check over markdownlint's run, same rounds.
  const targets = [
    { target: 'incremental 1-char edit ≤ 0.25× bare parse (x10)', value: x10?.ratios.incremental, limit: 0.25 },
    { target: 'edit re-check over stdio, didChange → diagnostics ≤ 0.25× bare parse (x10)', value: x10?.lsp && x10.lsp.changeMs / x10.bare, limit: 0.25 },
    { target: 'full check (x100) ≤ markdownlint on the same text', value: x100 && x100.ratios.check / x100.ratios.markdownlint, limit: 1 },
    { target: 'check(x100) / check(x10) ≤ 12', value: x10 && x100 && x100.check / x10.check, limit: 12 },
    { target: 'check(x1000) / check(x100) ≤ 12, fresh processes (--x1000)', value: grown('x1000', 'x100'), limit: 12 },
    { target: 'server: seed didOpen → diagnostics < 300 ms', value: seedDoc?.lsp?.openMs, limit: 300 },
    { target: 'server start → initialize result < 500 ms', value: startupMs, limit: 500 },
    { target: 'bundled server (minified) < 1.5 MB', value: bundles.prodServer && bundles.prodServer / 1e6, limit: 1.5 },
  ].map(t => ({ ...t, met: t.value === null || t.value === undefined ? null : t.value <= t.limit }));

  const engineRows = docs.map(d => [
    d.files ? `${d.name} (${d.files} files)` : d.name, d.kb.toFixed(0), ms(d.bare), ms(d.wholeParse), ratio(d.ratios.wholeParse), ms(d.chunkedParse), ratio(d.ratios.chunkedParse),
    ms(d.check), spreadRatio(d, 'check'), ms(d.wholeCheck), ratio(d.ratios.wholeCheck),
    ms(d.incrementalParse), ratio(d.ratios.incrementalParse), ms(d.incremental), spreadRatio(d, 'incremental'), d.chunks ?? '–', d.findings,
  ]);
  const peerRows = docs.map(d => [
    d.name, ms(d.bare), ms(d.markdownlint), spreadRatio(d, 'markdownlint'), ms(d.remarkLint), ratio(d.ratios.remarkLint), ms(d.textlint), spreadRatio(d, 'textlint'), ms(d.check), spreadRatio(d, 'check'),
  ]);
  const serverRows = docs.filter(d => d.lsp || d.peakRss).map(d => [
    d.name, ms(d.lsp?.openMs), ms(d.lsp?.changeMs), ratio(d.lsp && d.lsp.changeMs / d.bare),
    d.lsp ? d.lsp.payloadDiagnostics : '–', d.lsp ? (d.lsp.payloadBytes / 1024).toFixed(0) : '–', ms(d.lsp?.codecMs), ratio(d.lsp && d.lsp.codecMs / d.bare),
    d.lsp?.peakRssMb ? d.lsp.peakRssMb.toFixed(0) : '–', d.peakRss ? d.peakRss.bare.toFixed(0) : '–', d.peakRss ? d.peakRss.check.toFixed(0) : '–', d.peakRss ? d.peakRss.heapAfterCheck.toFixed(0) : '–',
  ]);

  const out: string[] = [];
  out.push(`paper-digest benchmark — node ${env.node}, ${env.cpus} CPUs (${env.cpu}), load at start ${env.load.join(' ')}`);
  out.push(`micromark ${env.versions.micromark}, remark-parse ${env.versions['remark-parse']}; medians in ms; ratios (/bare) are medians of per-round ratios to bare remark-parse in the same round, (min–max) over the rounds`);
  out.push(`rules that ran (built-in defaults): ${env.rules.join(', ')}`);
  out.push('');
  out.push('Engine');
  out.push(table(['doc', 'KB', 'bare parse', 'engine parse, whole', '/bare', 'engine parse, chunked', '/bare', 'full check', '/bare', 'check via whole parse (CLI)', '/bare', '1-char edit: re-parse', '/bare', '1-char edit: re-check', '/bare', 'chunks', 'findings'], engineRows));
  out.push('');
  out.push('Peers (same documents, same process)');
  out.push(table(['doc', 'bare parse', 'markdownlint', '/parse', 'remark-lint recommended', '/parse', 'textlint + prh', '/parse', 'paper-digest full check', '/parse'], peerRows));
  out.push('');
  if (growth.length) {
    out.push('Growth with size, each document in a fresh process (bare parse and full check alternating; medians)');
    out.push(table(['doc', 'bare parse', 'full check', '/bare', 'bare vs previous size', 'check vs previous size'], growth.map((g, i) => [
      g.name, ms(g.bare), ms(g.check), ratio(g.check / g.bare), i ? ratio(g.bare / growth[i - 1].bare) : '–', i ? ratio(g.check / growth[i - 1].check) : '–',
    ])));
    out.push('');
  }
  out.push(`Language server over stdio (run: onType, onTypeDelay: 0); start-up (spawn → initialize result): ${ms(startupMs)} ms (\`node -e 0\` now: ${ms(nodeMs)} ms)`);
  out.push(table(['doc', 'didOpen → diagnostics', 'didChange → diagnostics', '/parse', 'diagnostics', 'message KiB', 'its JSON encode + decode', '/parse', 'server peak RSS MiB', 'bare parse peak RSS MiB', 'full check peak RSS MiB', 'heap after check MiB'], serverRows));
  out.push('');
  if (bursts.length) {
    out.push('Server RSS after a burst of 2,000 edits to the seed, 15 s idle (the VS Code client starts the server with the second set of flags)');
    out.push(table(['Node flags', 'idle after open MiB', 'after the burst MiB', 'after/idle'], bursts.map(b => [b.flags, b.idleMb.toFixed(0), b.afterBurstMb.toFixed(0), ratio(b.afterBurstMb / b.idleMb)])));
    out.push('');
  }
  out.push(`Bundles: dist/server.js ${kib(bundles.devServer)}, dist/client.js ${kib(bundles.devClient)} (npm run build); minified (--production options): server ${kib(bundles.prodServer)}, client ${kib(bundles.prodClient)}`);
  out.push(`Biggest parts of the minified server: ${bundles.biggest.map(b => `${b.name} ${kib(b.bytes)}`).join(', ')}`);
  out.push('');
  out.push('Targets');
  out.push(table(['target', 'measured', 'met'], targets.map(t => [t.target, t.value === null || t.value === undefined ? '–' : t.limit === 500 || t.limit === 300 ? ms(t.value) + ' ms' : t.limit === 1.5 ? t.value.toFixed(2) + ' MB' : ratio(t.value), t.met === null ? 'not measured' : t.met ? 'yes' : 'NO'])));
  out.push('');
  // What no rule work can remove: the engine's parser alone (its cheapest path, the whole text)
  // against markdownlint's whole run, and encoding one version's diagnostics and the re-parse
  // against the re-check target.
  const floors: string[][] = [];
  if (x100?.ratios.wholeParse && x100.ratios.markdownlint) floors.push(['x100: engine parse alone (whole text, GFM + front matter + CJK) / markdownlint\'s whole run', ratio(x100.ratios.wholeParse / x100.ratios.markdownlint)]);
  if (x100?.ratios.markdownlint) floors.push(['x100: bare remark-parse alone / markdownlint\'s whole run', ratio(1 / x100.ratios.markdownlint)]);
  if (x10?.lsp) floors.push([`x10: JSON encode + decode of one publishDiagnostics (${x10.lsp.payloadDiagnostics} diagnostics) / bare parse`, ratio(x10.lsp.codecMs / x10.bare)]);
  if (x10) floors.push(['x10: re-parse after the edit (cut scan, edited chunk, moving the others) / bare parse', ratio(x10.ratios.incrementalParse)]);
  if (floors.length) {
    out.push('Floors under the targets (parts no rule work removes)');
    out.push(table(['what', 'measured'], floors));
    out.push('');
  }
  out.push(`bench took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(out.join('\n'));

  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), env, quick, docs, growth, startupMs, nodeMs, bundles, targets }, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT, 'bench.txt'), out.join('\n') + '\n');
  log(`wrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
}

/** A median ratio with its spread over the rounds: `2.24× (2.10–2.51)`. */
function spreadRatio(d: DocFigures, key: string): string {
  const r = d.ratios[key], s = d.spread[key];
  if (r === undefined) return '–';
  return s && s[0] !== s[1] ? `${ratio(r)} (${s[0].toFixed(2)}–${s[1].toFixed(2)})` : ratio(r);
}

function kib(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${(n / 1024).toFixed(0)} KiB`;
}

main().catch(e => { console.error(e); process.exit(1); });
