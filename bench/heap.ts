/**
 * Child process for memory figures: runs one operation on one generated document and prints
 * the process's peak RSS and the heap in use after it (the model the server keeps).
 * Usage: tsx bench/heap.ts <seed|x10|x100> <bare|check>
 */
import { seedDocs } from './docs';
import { bareParse, fullCheck } from './engine';

const [name, mode] = process.argv.slice(2);
const doc = seedDocs().find(d => d.name === name)!;
const before = process.resourceUsage().maxRSS;
let keep: unknown;
if (mode === 'bare') bareParse(doc.text); else keep = fullCheck(doc.text);
const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb: before / 1024, heapUsedMb, kept: !!keep }));
