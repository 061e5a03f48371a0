import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadGlossaryText } from '../../server/src/engine/glossary';
import { CORPUS, hasCorpus } from '../support/paths';
import { run, tempProject, CLI_FIXTURES } from './cli';

interface Loc { path: string; line: number; character: number }
interface TermsJson { version: number; files: number; pairs: number; en: Term[]; ko: Term[] }
interface Term { term: string; count: number; renderings: { text: string; count: number; locations: Loc[] }[] }

const TERMS = path.join(CLI_FIXTURES, 'terms');

describe('cli: terms across digests', function () {
  this.timeout(300000);

  it('reports an English term rendered two ways, and a Korean term with two originals, with counts and locations', () => {
    const r = run(['terms', '--format', 'json', '.'], TERMS);
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as TermsJson;
    assert.strictEqual(doc.version, 1);
    assert.strictEqual(doc.files, 2);
    const ft = doc.en.find(x => x.term === 'fine-tuning')!;
    assert.ok(ft, JSON.stringify(doc.en));
    assert.deepStrictEqual(ft.renderings.map(x => [x.text, x.count]), [['미세 조정', 2], ['파인튜닝', 1]]);
    assert.deepStrictEqual(ft.renderings[1].locations, [{ path: 'b.digest.md', line: 0, character: 7 }]);
    const align = doc.ko.find(x => x.term === '정렬')!;
    assert.deepStrictEqual(align.renderings.map(x => [x.text, x.count]), [['alignment', 2], ['sorting', 1]]);
    // "latent space" and "latent spaces" are one term, rendered one way: not reported.
    assert.ok(!doc.en.some(x => /latent/.test(x.term)));
  });

  it('stylish: terms with renderings and file:line:col locations', () => {
    const r = run(['terms', 'a.digest.md', 'b.digest.md'], TERMS);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^English terms with more than one Korean rendering: 1$/m);
    assert.match(r.stdout, /^ {4}파인튜닝 +×1 {2}b\.digest\.md:1:8$/m);
    assert.match(r.stdout, /^ {4}sorting +×1 {2}b\.digest\.md:11:7$/m);
    const one = run(['terms', 'a.digest.md'], TERMS);
    assert.match(one.stdout, /every term is rendered one way/);
    assert.strictEqual(run(['terms', '--fail-on-inconsistency', '.'], TERMS).code, 1);
    assert.strictEqual(run(['terms', '--fail-on-inconsistency', 'a.digest.md'], TERMS).code, 0);
  });

  it('--suggest-glossary writes a schema-valid draft, most frequent rendering first', () => {
    const { dir, cleanup } = tempProject();
    try {
      const out = path.join(dir, 'draft.glossary.json');
      const r = run(['terms', '--suggest-glossary', out, '.'], TERMS);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stderr, /glossary draft with \d+ terms written/);
      const text = fs.readFileSync(out, 'utf8');
      const loaded = loadGlossaryText(text, out);
      assert.deepStrictEqual(loaded.problems, []);
      const ft = loaded.layer!.data.terms.find(x => x.en === 'fine-tuning')!;
      assert.strictEqual(ft.ko, '미세 조정');
      assert.deepStrictEqual(ft.koVariants, ['파인튜닝']);
      const latent = loaded.layer!.data.terms.find(x => x.en === 'latent space')!;
      assert.deepStrictEqual(latent.enVariants, ['latent spaces']);
      // And the CLI's own glossary check agrees.
      assert.strictEqual(run(['glossary', 'check', out], dir).code, 0);
    } finally { cleanup(); }
  });

  const folders = ['AGI-Papers/Agents', 'DeepLearning-Paper-Review/Visual SLAM', 'AGI-Papers/RAG'];
  for (const folder of folders) {
    it(`corpus: ${folder}`, function () {
      if (!hasCorpus() || !fs.existsSync(path.join(CORPUS, folder))) this.skip();
      const { dir, cleanup } = tempProject();
      try {
        const draft = path.join(dir, 'draft.json');
        const r = run(['terms', '--all-markdown', '--format', 'json', '--suggest-glossary', draft, folder], CORPUS);
        assert.strictEqual(r.code, 0, r.stderr);
        const doc = JSON.parse(r.stdout) as TermsJson;
        assert.ok(doc.files > 3 && doc.pairs > 10, `${doc.files} files, ${doc.pairs} pairs`);
        const lines = new Map<string, string[]>();
        const lineOf = (l: Loc) => {
          if (!lines.has(l.path)) lines.set(l.path, fs.readFileSync(path.join(CORPUS, l.path), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
          return lines.get(l.path)![l.line];
        };
        for (const term of [...doc.en, ...doc.ko]) {
          assert.ok(term.renderings.length >= 2, term.term);
          assert.strictEqual(term.count, term.renderings.reduce((n, x) => n + x.count, 0));
          for (let i = 1; i < term.renderings.length; i++) assert.ok(term.renderings[i - 1].count >= term.renderings[i].count, 'most frequent first');
          for (const x of term.renderings) assert.strictEqual(x.locations.length, x.count);
        }
        // Each English term's Korean renderings are located at the Korean text itself.
        const squash = (s: string) => s.replace(/[\s*_]/g, '');
        for (const term of doc.en) {
          for (const x of term.renderings) {
            for (const l of x.locations) {
              const at = squash(lineOf(l).slice(l.character));
              assert.ok(at.startsWith(squash(x.text)), `${l.path}:${l.line + 1}:${l.character + 1} "${x.text}" vs "${lineOf(l).slice(l.character, l.character + 30)}"`);
            }
          }
        }
        assert.deepStrictEqual(loadGlossaryText(fs.readFileSync(draft, 'utf8'), draft).problems, []);
      } finally { cleanup(); }
    });
  }
});
