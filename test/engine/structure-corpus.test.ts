import * as assert from 'assert';
import * as fs from 'fs';
import { corpusFiles, hasCorpus } from '../support/paths';
import { builtinProfile, checkText } from '../../server/src/engine';

// Real Korean paper reviews (none follows the digest template): every file checked under the
// single-paper and the weekly profile, every rule on, without an exception and with every range,
// related range and fix edit inside the document.
// The structure half of the rule catalogue (spec section 5).
const STRUCTURE = ['toc-missing', 'toc-mismatch', 'section-numbering', 'paper-numbering', 'heading-level', 'empty-section', 'block-missing', 'block-order', 'block-empty', 'resources-links', 'duplicate-paper', 'promo-content', 'cjk-emphasis'];

describe('structure rules on the real corpus', function () {
  this.timeout(30 * 60 * 1000);
  before(function () { if (!hasCorpus()) this.skip(); });

  for (const id of ['paper-review-ko', 'weekly-digest-ko']) {
    it(`${id}: every file without an exception, every range inside the document`, () => {
      const profile = builtinProfile(id)!;
      const counts: Record<string, number> = {};
      const inside = (s: { start: number; end: number }, len: number) => s.start >= 0 && s.start <= s.end && s.end <= len;
      for (const file of corpusFiles()) {
        const text = fs.readFileSync(file, 'utf8');
        const r = checkText(text, { profile, locale: 'ko' });
        assert.deepStrictEqual(r.failures, [], file);
        for (const f of r.findings) {
          assert.ok(inside(f.span, text.length), `${file}: ${f.rule} span`);
          for (const x of f.related) assert.ok(inside(x.span, text.length), `${file}: ${f.rule} related span`);
          for (const fix of f.fixes) for (const e of fix.edits) assert.ok(inside(e, text.length), `${file}: ${f.rule} fix edit`);
          if (STRUCTURE.includes(f.rule)) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
        }
      }
      // The corpus README: hundreds of bold spans CommonMark does not render.
      assert.ok((counts['cjk-emphasis'] ?? 0) > 100, JSON.stringify(counts));
    });
  }
});
