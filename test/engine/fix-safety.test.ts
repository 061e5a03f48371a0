import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, corpusFiles, hasCorpus } from '../support/paths';
import { applyEdits, builtinProfile, checkText, rules, type CheckOptions, type OffsetEdit } from '../../server/src/engine';
import { fixAllEdits, fixAllText } from '../../server/src/engine/fix-all';

// "Fix all" (source.fixAll.paperDigest, --fix) must never lose text: applied to a fixed point it is
// idempotent, one round edits only its own spans, and a safe fix deletes no letters it does not put back.
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
// The structure half of the rule catalogue (spec section 5).
const STRUCTURE = ['toc-missing', 'toc-mismatch', 'section-numbering', 'paper-numbering', 'heading-level', 'empty-section', 'block-missing', 'block-order', 'block-empty', 'resources-links', 'duplicate-paper', 'promo-content', 'cjk-emphasis'];
const structureOnly = Object.fromEntries(rules.filter(r => !STRUCTURE.includes(r.id)).map(r => [r.id, 'off' as const]));
const opts = (profile: string): CheckOptions => ({ profile: builtinProfile(profile)!, locale: 'en', rules: structureOnly });

/** Letters (any script) of a string, as a multiset. */
function letters(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s.match(/\p{L}/gu) ?? []) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** One round of fix-all, checked: no skipped edits, gaps between edits unchanged, no letters lost. */
function checkOneRound(text: string, o: CheckOptions, label: string): string {
  const r = checkText(text, o);
  assert.deepStrictEqual(r.failures, [], label);
  const edits = fixAllEdits(r.findings);
  const owner = new Map<OffsetEdit, string>();
  for (const f of r.findings) for (const fix of f.fixes) for (const e of fix.edits) if (!owner.has(e)) owner.set(e, f.rule);
  const out = applyEdits(text, edits);
  assert.strictEqual(out.skipped.length, 0, `${label}: fix-all chose overlapping edits`);
  // Walk the edits in order: every stretch of text between them is in the output, unchanged, in place.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0, at = 0;
  for (const e of sorted) {
    const gap = text.slice(from, e.start);
    assert.strictEqual(out.text.slice(at, at + gap.length), gap, `${label}: text before offset ${e.start} changed`);
    at += gap.length + e.text.length;
    from = e.end;
    // A TOC rewrite regenerates its items from the headings; every other safe fix keeps its letters.
    if (owner.get(e) === 'toc-mismatch') continue;
    const lost = [...letters(text.slice(e.start, e.end))].filter(([c, n]) => (letters(e.text).get(c) ?? 0) < n);
    assert.deepStrictEqual(lost, [], `${label}: ${owner.get(e)} fix at ${e.start} deletes letters`);
  }
  assert.strictEqual(out.text.slice(at), text.slice(from), `${label}: text after the last edit changed`);
  return out.text;
}

function assertIdempotent(text: string, o: CheckOptions, label: string): string {
  const once = fixAllText(text, o);
  assert.ok(once.rounds < 8, `${label}: fix-all did not settle`);
  const twice = fixAllText(once.text, o);
  assert.strictEqual(twice.rounds, 0, `${label}: safe fixes left after fix-all`);
  assert.strictEqual(twice.text, once.text, label);
  return once.text;
}

/** The seed with structural damage of every fixable kind. */
const damaged = seed
  .replace('\n3. LLM 추론 및 성능 향상 기법\n', '\n3. LLM 추론 기법\n')
  .replace('### 2. 멀티모달', '### 5. 멀티모달')
  .replace('#### 3.2. 효율적인', '### 3.7. 효율적인')
  .replace('**중요 자료**:\narXiv 페이지 보기\nPDF 보기\n프로젝트 페이지', '**중요 자료**:\n[arXiv 페이지 보기](http://arxiv.org/abs/2510.11690)\n[PDF 보기](https://arxiv.org/pdf/2510.11609)');

describe('fix safety: fix-all on the seed', () => {
  it('the damaged seed has a safe fix of each kind to apply', () => {
    const rulesFixed = new Set(checkText(damaged, opts('weekly-digest-ko')).findings.filter(f => f.fixes.some(x => x.safe)).map(f => f.rule));
    for (const rule of ['toc-mismatch', 'section-numbering', 'paper-numbering', 'heading-level', 'resources-links', 'cjk-emphasis']) assert.ok(rulesFixed.has(rule), rule);
    // Inserting block skeletons puts template text in the digest: never a safe fix.
    assert.ok(!rulesFixed.has('block-missing'), 'block-missing fixes are applied by hand only');
  });

  for (const [label, text] of [['seed', seed], ['damaged seed', damaged], ['seed with CRLF', seed.replace(/\n/g, '\r\n')]] as const) {
    it(`${label}: one round keeps the text outside its edits and loses no letters`, () => {
      checkOneRound(text, opts('weekly-digest-ko'), label);
    });
    it(`${label}: fix-all twice gives the same text as once`, () => {
      const fixed = assertIdempotent(text, opts('weekly-digest-ko'), label);
      assert.notStrictEqual(fixed, text);
      if (label === 'seed with CRLF') assert.ok(!/[^\r]\n/.test(fixed), 'inserted lines use the document\'s CRLF');
    });
  }

  it('the damaged seed comes back to the seed\'s numbering, TOC, heading levels and links', () => {
    const fixed = fixAllText(damaged, opts('weekly-digest-ko')).text;
    assert.ok(fixed.includes('\n3. LLM 추론 및 성능 향상 기법\n'));
    assert.ok(fixed.includes('### 2. 멀티모달'));
    assert.ok(fixed.includes('#### 3.2. 효율적인'));
    assert.ok(fixed.includes('[arXiv 페이지 보기](https://arxiv.org/abs/2510.11690)\n[PDF 보기](https://arxiv.org/pdf/2510.11690)'));
    // Unsafe fixes are never applied: the promo text is still there.
    assert.ok(fixed.startsWith('1년 구독 시 75% 할인'));
  });
});

describe('fix safety: fix-all on corpus files', function () {
  this.timeout(30 * 60 * 1000);
  before(function () { if (!hasCorpus()) this.skip(); });
  // Every 6th file keeps the run short on a busy machine; the selection is fixed, not random.
  const files = corpusFiles().filter((_, i) => i % 6 === 0);
  for (const profile of ['weekly-digest-ko', 'paper-review-ko']) {
    it(`${profile}: idempotent and keeps text outside fixed spans (${files.length} files)`, () => {
      let changed = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const label = `${profile} ${path.basename(path.dirname(file))}/${path.basename(file)}`;
        checkOneRound(text, opts(profile), label);
        if (assertIdempotent(text, opts(profile), label) !== text) changed++;
      }
      assert.ok(changed > 0, 'some corpus file had a safe fix to apply');
    });
  }
});
