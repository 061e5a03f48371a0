import * as fs from 'fs';
import * as path from 'path';

export interface BenchDoc { name: string; text: string; files?: number }

const ROOT = path.resolve(__dirname, '..');
export const SEED_FILE = path.join(ROOT, 'test', 'fixtures', 'seed', 'weekly-digest-2025-10-w3.md');

/**
 * The seed digest repeated `times` times as one long digest: the first copy whole, the others
 * from their first section on, sections and papers renumbered (### 5., #### 5.1., …) and the
 * TOC extended, so the document stays a valid digest and the structure rules do real work.
 */
export function repeatSeed(seed: string, times: number): string {
  if (times === 1) return seed;
  const sectionRe = /^### (\d+)\. (.*)$/gm;
  const sections = [...seed.matchAll(sectionRe)].map(m => ({ n: Number(m[1]), title: m[2], at: m.index! }));
  const per = Math.max(...sections.map(s => s.n));
  const body = seed.slice(sections[0].at);
  const parts: string[] = [];
  for (let k = 1; k < times; k++) {
    const shift = k * per;
    parts.push(body
      .replace(/^### (\d+)\./gm, (_, n) => `### ${Number(n) + shift}.`)
      .replace(/^#### (\d+)\.(\d+)\./gm, (_, n, m) => `#### ${Number(n) + shift}.${m}.`));
  }
  // The TOC is the ordered list after "목차:"; append an item per added section.
  const lastToc = new RegExp(`^${per}\\. .*$`, 'm').exec(seed.slice(0, sections[0].at));
  let head = seed;
  if (lastToc) {
    const extra: string[] = [];
    for (let k = 1; k < times; k++) for (const s of sections) extra.push(`${s.n + k * per}. ${s.title}`);
    const end = lastToc.index + lastToc[0].length;
    head = seed.slice(0, end) + '\n' + extra.join('\n') + seed.slice(end);
  }
  return head.replace(/\s*$/, '\n\n') + parts.join('\n');
}

/** The seed repeated as it is, promotional lines and numbers included (the rules then report much more). */
export function repeatSeedAsIs(seed: string, times: number): string {
  return Array.from({ length: times }, () => seed.replace(/\s*$/, '\n')).join('\n');
}

/** seed, x10, x100 (renumbered), x100 as is; with `x1000`, x1000 renumbered too. */
export function seedDocs(x1000 = false): BenchDoc[] {
  const seed = fs.readFileSync(SEED_FILE, 'utf8');
  return [
    { name: 'seed', text: seed },
    { name: 'x10', text: repeatSeed(seed, 10) },
    { name: 'x100', text: repeatSeed(seed, 100) },
    { name: 'x100 as is', text: repeatSeedAsIs(seed, 100) },
    ...(x1000 ? [{ name: 'x1000', text: repeatSeed(seed, 1000) }] : []),
  ];
}

/** The shared corpus of real reviews, when present beside the repo (never needed otherwise). */
export function corpusDocs(): BenchDoc[] {
  const dir = process.env.PAPER_DIGEST_SHARED ? path.join(process.env.PAPER_DIGEST_SHARED, 'corpus', 'docs') : path.resolve(ROOT, '..', 'shared', 'corpus', 'docs');
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (/\.(md|mdx)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort().map(f => ({ name: path.relative(dir, f), text: fs.readFileSync(f, 'utf8') }));
}
