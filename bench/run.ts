/**
 * `npm run bench`: how fast paper-digest checks, against bare remark-parse and the peers, all
 * measured in this one run on this machine. Prints tables and writes bench-output/bench.json.
 *
 * Options: --quick (fewer runs, no x100 for the slow paths), --no-corpus, --no-lsp.
 * Method: docs/performance.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { seedDocs, corpusDocs, type BenchDoc } from './docs';
import { bareParse, wholeParse, fullCheck, wholeCheck, enabledRules, IncrementalParser } from './engine';
import { markdownlint, remarkLintRecommended } from './peers';
import { serverLatency, serverStartup, middleEdit, type LspFigures } from './lsp';
import { bundleSizes } from './bundle';
import { timeSync, ms, ratio } from './stats';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const RUNS: Record<string, number> = quick ? { seed: 5, x10: 3, x100: 1, corpus: 1 } : { seed: 15, x10: 7, x100: 3, corpus: 1 };
/** x100 and the corpus come after seed and x10 have warmed the code up: no extra warm-up run. */
const WARM: Record<string, boolean> = { seed: true, x10: true, x100: false, corpus: false };

interface DocFigures {
  name: string; kb: number; files?: number;
  bare: number; wholeParse: number | null; chunkedParse: number | null;
  check: number; wholeCheck: number | null; incremental: number;
  markdownlint: number; remarkLint: number;
  findings: number; chunks: number; reparsedChunks: number;
  lsp?: LspFigures; peakRss?: { bare: number; check: number; heapAfterCheck: number };
}

const log = (s: string) => process.stderr.write(s + '\n');

/** One pass over a set of documents (the corpus) counts as one run: times are summed. */
function over(docs: BenchDoc[], f: (text: string, i: number) => void): (i: number) => void {
  return i => { for (const d of docs) f(d.text, i); };
}

function measure(name: string, docs: BenchDoc[]): DocFigures {
  const runs = RUNS[name] ?? RUNS.corpus;
  const warm = WARM[name] ?? false;
  const kb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1024;
  log(`${name}: ${kb.toFixed(0)} KB, ${runs} runs${warm ? ' after a warm-up' : ''}`);
  const t = (n: number, f: (i: number) => void, before?: (i: number) => void) => timeSync(n, f, before, warm);
  const bare = t(runs, over(docs, bareParse));
  // The corpus is many small files: the whole-text paths tell nothing new there and cost minutes.
  const many = docs.length > 1;
  const whole = many ? null : t(runs, over(docs, wholeParse));
  const chunked = many ? null : t(runs, over(docs, x => { new IncrementalParser().parse(x); }));
  const check = t(runs, over(docs, x => { fullCheck(x); }));
  // The CLI path parses the whole text at once; at x100 that is the slow superlinear case.
  const wholeChk = many || (quick && name === 'x100') ? null : t(name === 'x100' ? Math.min(runs, 2) : runs, over(docs, x => { wholeCheck(x); }));

  // Incremental: a parser that has seen the document, then a one-character edit in the middle.
  const parsers = docs.map(d => { const p = new IncrementalParser(); p.parse(d.text); return p; });
  const at = docs.map(d => middleEdit(d.text));
  const edited = (k: number, i: number) => docs[k].text.slice(0, at[k]) + String.fromCharCode(0xac01 + i) + docs[k].text.slice(at[k]);
  let reparsed = 0;
  const incremental = t(Math.max(runs, docs.length > 1 ? 1 : 5), i => {
    docs.forEach((_, k) => { fullCheck(edited(k, i), parsers[k]); reparsed = parsers[k].stats.parsed; });
  }, () => docs.forEach((d, k) => parsers[k].parse(d.text)));

  const ml = t(runs, over(docs, x => { markdownlint(x); }));
  const rl = t(runs, over(docs, x => { remarkLintRecommended(x); }));
  const sample = fullCheck(docs[0].text);
  const p0 = new IncrementalParser(); p0.parse(docs[0].text);
  return {
    name, kb, files: docs.length > 1 ? docs.length : undefined, bare, wholeParse: whole, chunkedParse: chunked, check, wholeCheck: wholeChk, incremental,
    markdownlint: ml, remarkLint: rl,
    findings: docs.length > 1 ? docs.reduce((n, d, k) => n + fullCheck(d.text, parsers[k]).result.findings.length, 0) : sample.result.findings.length,
    chunks: p0.stats.chunks, reparsedChunks: reparsed,
  };
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
    versions: Object.fromEntries(['micromark', 'remark-parse', 'mdast-util-from-markdown', 'remark-gfm', 'markdownlint', 'remark-lint', 'remark-preset-lint-recommended'].map(n => [n, pkg(n)])),
    rules: enabledRules(),
  };
  log(`node ${env.node}, ${env.cpus} CPUs, load ${env.load.join(' ')}; micromark ${env.versions.micromark}`);

  const docs: DocFigures[] = [];
  for (const d of seedDocs()) {
    if (quick && d.name === 'x100') { log('x100: skipped in --quick'); continue; }
    docs.push(measure(d.name, [d]));
  }
  const corpus = args.has('--no-corpus') ? [] : corpusDocs();
  if (corpus.length) docs.push(measure('corpus', corpus));

  for (const d of docs) if (d.name !== 'corpus') { log(`memory: ${d.name}`); d.peakRss = peakRss(d.name); }

  let startupMs: number | null = null;
  if (!args.has('--no-lsp')) {
    log('language server: start-up');
    startupMs = await serverStartup(quick ? 3 : 5);
    for (const d of seedDocs()) {
      const f = docs.find(x => x.name === d.name);
      if (!f) continue;
      log(`language server: ${d.name}`);
      f.lsp = await serverLatency(d.name, d.text, quick ? 3 : d.name === 'x100' ? 4 : 8);
    }
  }
  log('bundles');
  const bundles = await bundleSizes(OUT);

  const by = (n: string) => docs.find(d => d.name === n);
  const x10 = by('x10'), x100 = by('x100');
  const targets = [
    { target: 'full check ≤ 1.3× bare parse (x10)', value: x10 && x10.check / x10.bare, limit: 1.3 },
    { target: 'full check ≤ 1× bare parse (x100)', value: x100 && x100.check / x100.bare, limit: 1 },
    { target: 'incremental 1-char edit ≤ 0.25× bare parse (x10)', value: x10 && x10.incremental / x10.bare, limit: 0.25 },
    { target: 'check(x100) / check(x10) ≤ 12', value: x10 && x100 && x100.check / x10.check, limit: 12 },
    { target: 'server start → initialize result < 500 ms', value: startupMs, limit: 500 },
    { target: 'bundled server (minified) < 1.5 MB', value: bundles.prodServer && bundles.prodServer / 1e6, limit: 1.5 },
  ].map(t => ({ ...t, met: t.value === null || t.value === undefined ? null : t.value <= t.limit }));

  const engineRows = docs.map(d => [
    d.files ? `${d.name} (${d.files} files)` : d.name, d.kb.toFixed(0), ms(d.bare), ms(d.wholeParse), ms(d.chunkedParse),
    ms(d.check), ratio(d.check / d.bare), ms(d.wholeCheck), ratio(d.wholeCheck && d.wholeCheck / d.bare),
    ms(d.incremental), ratio(d.incremental / d.bare), d.chunks, d.findings,
  ]);
  const peerRows = docs.map(d => [
    d.name, ms(d.bare), ms(d.markdownlint), ratio(d.markdownlint / d.bare), ms(d.remarkLint), ratio(d.remarkLint / d.bare), ms(d.check), ratio(d.check / d.bare),
  ]);
  const serverRows = docs.filter(d => d.lsp || d.peakRss).map(d => [
    d.name, ms(d.lsp?.openMs), ms(d.lsp?.changeMs), ratio(d.lsp && d.lsp.changeMs / d.bare),
    d.lsp?.peakRssMb ? d.lsp.peakRssMb.toFixed(0) : '–', d.peakRss ? d.peakRss.bare.toFixed(0) : '–', d.peakRss ? d.peakRss.check.toFixed(0) : '–', d.peakRss ? d.peakRss.heapAfterCheck.toFixed(0) : '–',
  ]);

  const out: string[] = [];
  out.push(`paper-digest benchmark — node ${env.node}, ${env.cpus} CPUs (${env.cpu}), load at start ${env.load.join(' ')}`);
  out.push(`micromark ${env.versions.micromark}, remark-parse ${env.versions['remark-parse']}; medians in ms after a warm-up; ratios are to bare remark-parse in this run`);
  out.push(`rules that ran (built-in defaults): ${env.rules.join(', ')}`);
  out.push('');
  out.push('Engine');
  out.push(table(['doc', 'KB', 'bare parse', 'engine parse (whole)', 'engine parse (chunked)', 'full check', '/parse', 'check, whole parse (CLI)', '/parse', 'incremental 1-char', '/parse', 'chunks', 'findings'], engineRows));
  out.push('');
  out.push('Peers (same documents, same process)');
  out.push(table(['doc', 'bare parse', 'markdownlint', '/parse', 'remark-lint recommended', '/parse', 'paper-digest full check', '/parse'], peerRows));
  out.push('');
  out.push(`Language server over stdio (run: onType, onTypeDelay: 0); start-up (spawn → initialize result): ${ms(startupMs)} ms`);
  out.push(table(['doc', 'didOpen → diagnostics', 'didChange → diagnostics', '/parse', 'server peak RSS MiB', 'bare parse peak RSS MiB', 'full check peak RSS MiB', 'heap after check MiB'], serverRows));
  out.push('');
  out.push(`Bundles: dist/server.js ${kib(bundles.devServer)}, dist/client.js ${kib(bundles.devClient)} (npm run build); minified (--production options): server ${kib(bundles.prodServer)}, client ${kib(bundles.prodClient)}`);
  out.push(`Biggest parts of the minified server: ${bundles.biggest.map(b => `${b.name} ${kib(b.bytes)}`).join(', ')}`);
  out.push('');
  out.push('Targets');
  out.push(table(['target', 'measured', 'met'], targets.map(t => [t.target, t.value === null || t.value === undefined ? '–' : t.limit === 500 ? ms(t.value) + ' ms' : t.limit === 1.5 ? t.value.toFixed(2) + ' MB' : ratio(t.value), t.met === null ? 'not measured' : t.met ? 'yes' : 'NO'])));
  out.push('');
  out.push(`bench took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(out.join('\n'));

  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), env, quick, docs, startupMs, bundles, targets }, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT, 'bench.txt'), out.join('\n') + '\n');
  log(`wrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
}

function kib(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${(n / 1024).toFixed(0)} KiB`;
}

main().catch(e => { console.error(e); process.exit(1); });
