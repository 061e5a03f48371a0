/**
 * The long fuzz run: `npm run fuzz -- [--runs N] [--seed S] [--corpus K]`. The same properties as
 * properties.test.ts (props.ts), with more runs and any seed; prints the seed so a failure can be
 * replayed (`--seed S --runs N` reproduces it exactly). Exit code 1 on a counterexample.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { ROOT, hasCorpus } from '../support/paths';
import { checkDocument, generatedDocument, mutation, realDocuments } from './props';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 1000);
const seed = arg('seed', Date.now() % 2 ** 31);
const docs = realDocuments(hasCorpus() ? arg('corpus', 200) : 0);
console.log(`fuzz: seed ${seed}, ${runs} runs per property, ${docs.length} real documents`);

const t0 = Date.now();
let failed = 0;
/** Drops lines while the failure persists, and saves the smallest text under test-output/. */
function saveShrunk(name: string, text: string): void {
  const fails = (t: string) => { try { checkDocument(t, name); return false; } catch { return true; } };
  let lines = text.split(/(?<=\n)/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const shorter = [...lines.slice(0, i), ...lines.slice(i + 1)];
    if (fails(shorter.join(''))) lines = shorter;
  }
  const out = path.join(ROOT, 'test-output', `fuzz-${name.replace(/\W+/g, '-')}-${seed}.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join(''));
  console.log(`  smallest failing text (${lines.length} lines): ${path.relative(ROOT, out)}`);
}

const run = (name: string, prop: fc.IProperty<never> | fc.IProperty<unknown>, textOf: (ce: unknown[]) => string) => {
  const t = Date.now();
  const r = fc.check(prop as fc.IProperty<unknown>, { numRuns: runs, seed, endOnFailure: true });
  if (r.failed) {
    failed++;
    const cause = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
    console.log(`✗ ${name}: failed after ${r.numRuns} runs (replay: --seed ${seed} --runs ${runs})\n  ${cause.split('\n').slice(0, 12).join('\n  ')}\n  counterexample: ${JSON.stringify(r.counterexample).slice(0, 300)}`);
    if (r.counterexample) saveShrunk(name, textOf(r.counterexample as unknown[]));
  } else console.log(`✓ ${name}: ${r.numRuns} runs in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

run('generated digests', fc.property(generatedDocument, text => { checkDocument(text, 'generated'); }), ce => ce[0] as string);
run('mutated real documents', fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) => {
  checkDocument(ms.reduce((t, m) => m(t), docs[i].text), `mutated ${docs[i].name}`);
}), ce => (ce[1] as ((t: string) => string)[]).reduce((t, m) => m(t), docs[ce[0] as number].text));
console.log(`fuzz: done in ${((Date.now() - t0) / 1000).toFixed(0)} s, seed ${seed}${failed ? `, ${failed} failing` : ''}`);
process.exitCode = failed ? 1 : 0;
