/**
 * Child process for growth figures: a bare parse and a full check of one generated document,
 * alternating for a few rounds, in a process of its own, so no other document's trees weigh on its
 * garbage collector (the x1000 tree alone is over a gigabyte). Prints the medians in ms.
 * Every size is measured from the same state (warmed up on x10, caches emptied before each check).
 * Usage: tsx bench/growth.ts <x10|x100|x1000> <rounds>
 */
import { seedDocs } from './docs';
import { bareParse, forgetCaches, fullCheck } from './engine';
import { median } from './stats';

const [name, roundsArg] = process.argv.slice(2);
const docs = seedDocs(true);
const doc = docs.find(d => d.name === name)!;
// Every size starts from the same state: the code warmed up on x10, then nothing kept from it.
const warm = docs.find(d => d.name === 'x10')!.text;
for (let i = 0; i < 3; i++) { bareParse(warm); fullCheck(warm); }
const bare: number[] = [], check: number[] = [];
for (let i = 0; i < Number(roundsArg); i++) {
  let t = performance.now();
  bareParse(doc.text);
  bare.push(performance.now() - t);
  // Each round sees the document for the first time (no glossary matches kept from the last round).
  forgetCaches();
  t = performance.now();
  fullCheck(doc.text);
  check.push(performance.now() - t);
}
console.log(JSON.stringify({ bare: median(bare), check: median(check) }));
