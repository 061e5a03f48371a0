import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText } from '../../server/src/engine';
import { FIXTURES, corpusFiles, hasCorpus } from '../support/paths';

const GLOSSARY_RULES = ['term-first-use', 'term-mismatch', 'term-inconsistent', 'term-variant', 'term-unknown-pair', 'abbr-undefined', 'term-pair-style', 'term-repeated-pair'];
const profile = builtinProfile('weekly-digest-ko')!;
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

function glossaryFindings(text: string, env: Record<string, unknown> = {}) {
  const r = checkText(text, { profile, locale: 'en', env });
  assert.deepStrictEqual(r.failures, []);
  return r.findings.filter(f => GLOSSARY_RULES.includes(f.rule)).map(f => ({ rule: f.rule, line: r.lineIndex.positionAt(f.span.start).line + 1, text: text.slice(f.span.start, f.span.end) }));
}

describe('glossary rules on the seed digest (spec section 6, built-in glossary)', () => {
  const found = glossaryFindings(seed);
  it('term-mismatch: 후속 학습(fine-tuning), since fine-tuning is 미세 조정', () => {
    assert.deepStrictEqual(found.filter(f => f.rule === 'term-mismatch'), [{ rule: 'term-mismatch', line: 150, text: '후속 학습' }]);
  });
  it('abbr-undefined: SD-VAE, VAE and FID', () => {
    const abbrs = found.filter(f => f.rule === 'abbr-undefined').map(f => f.text);
    for (const a of ['SD-VAE', 'VAE', 'FID']) assert.ok(abbrs.includes(a), `${a} in ${abbrs}`);
    for (const a of ['LLM', 'RAE', 'DiT', 'MoE', 'CoT', 'RLHF', 'GPU']) assert.ok(!abbrs.includes(a), `${a} is defined or known`);
  });
  it('term-pair-style: both "Mixture-of-Experts (MoE)" under spacing none, and under consistent (the majority has no space)', () => {
    for (const pairSpacing of ['none', 'consistent']) {
      const style = glossaryFindings(seed, { glossarySettings: { pairSpacing } }).filter(f => f.rule === 'term-pair-style');
      assert.deepStrictEqual(style.map(f => f.line), [62, 64], pairSpacing);
    }
    assert.deepStrictEqual(glossaryFindings(seed, { glossarySettings: { pairSpacing: 'any' } }).filter(f => f.rule === 'term-pair-style'), []);
  });
  it('term-repeated-pair: the third 표현 오토인코더 pair, which adds nothing', () => {
    assert.ok(found.some(f => f.rule === 'term-repeated-pair' && f.line === 28));
  });
});

describe('glossary rules on the real corpus', function () {
  this.timeout(600000);
  it('checks every corpus file without an exception', function () {
    if (!hasCorpus()) this.skip();
    const counts: Record<string, number> = {};
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const r = checkText(text, { profile, locale: 'en' });
      assert.deepStrictEqual(r.failures, [], file);
      for (const f of r.findings) if (GLOSSARY_RULES.includes(f.rule)) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
      for (const f of r.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${file}: span`);
    }
    assert.ok(counts['term-variant'] > 0 && counts['term-first-use'] > 0, JSON.stringify(counts));
  });
});
