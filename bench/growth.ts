/**
 * Child process for growth figures: a bare parse and a full check of one generated document,
 * alternating for a few rounds, in a process of its own, so no other document's trees weigh on its
 * garbage collector (the x1000 tree alone is over a gigabyte). Prints the medians in ms.
 * Usage: tsx bench/growth.ts <x10|x100|x1000> <rounds>
 */
import { seedDocs } from './docs';
import { bareParse, fullCheck } from './engine';
import { median } from './stats';

const [name, roundsArg] = process.argv.slice(2);
const doc = seedDocs(true).find(d => d.name === name)!;
const bare: number[] = [], check: number[] = [];
for (let i = 0; i < Number(roundsArg); i++) {
  let t = performance.now();
  bareParse(doc.text);
  bare.push(performance.now() - t);
  t = performance.now();
  fullCheck(doc.text);
  check.push(performance.now() - t);
}
console.log(JSON.stringify({ bare: median(bare), check: median(check) }));
