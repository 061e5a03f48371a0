import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The read-only reference material beside the repo; tests that need it skip when it is absent. */
export const SHARED = process.env.PAPER_DIGEST_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus', 'docs');
export const hasCorpus = (): boolean => fs.existsSync(CORPUS);

export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (/\.(md|mdx)$/i.test(e.name)) out.push(p);
    }
  };
  if (hasCorpus()) walk(CORPUS);
  return out.sort();
}
