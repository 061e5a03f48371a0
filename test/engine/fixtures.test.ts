import * as assert from 'assert';
import * as path from 'path';
import { FIXTURES } from '../support/paths';
import { readFixture, checkFixture, actualMarks, fixtureDirs } from '../support/fixtures';
import { ruleById, applyEdits, type Finding } from '../../server/src/engine';

// One runner for every rule: test/fixtures/<rule-id>/*.md with inline `<!-- expect: rule -->` marks.

/**
 * What a fix may bring to light, by design: a skeleton's placeholder bodies and id-less arXiv links
 * (block-empty and resources-links report them until written), and, after a replacement chosen by hand, what the new pair now says about
 * the rest of the document (an earlier bare use of the term is "paired later", a pair the document
 * already gave is repeated). A safe fix, applied without asking, brings nothing new.
 */
function expectedAfter(rule: string, found: string, safe: boolean | undefined): boolean {
  // The inserted blocks hold (작성 필요), and a resources block with no arXiv id known links nothing yet.
  if (rule === 'block-missing' && (found === 'block-empty' || found === 'resources-links')) return true;
  return !safe && (rule === 'term-mismatch' || rule === 'term-inconsistent') && (found === 'term-repeated-pair' || found === 'term-first-use');
}
describe('rule fixtures', () => {
  for (const { rule, files } of fixtureDirs(path.join(FIXTURES, 'rules'))) {
    describe(rule, () => {
      it('is a known rule', () => assert.ok(ruleById.has(rule), `no rule ${rule}`));
      for (const file of files) {
        it(path.basename(file), () => {
          const fx = readFixture(file);
          const r = checkFixture(fx);
          assert.deepStrictEqual(r.failures, []);
          assert.deepStrictEqual(actualMarks(r, fx.options.only ?? [rule]), fx.expected.filter(e => (fx.options.only ?? [rule]).some(x => e.endsWith(':' + x))));
          // Every fix of this rule applies cleanly; applied alone and checked again, it removes its
          // finding and no rule finds more than before (a fix never trades one finding for another).
          const counts = (fs: Finding[]) => fs.reduce((m, f) => m.set(f.rule, (m.get(f.rule) ?? 0) + 1), new Map<string, number>());
          const before = counts(r.findings);
          for (const f of r.findings.filter(x => x.rule === rule)) {
            for (const fix of f.fixes) {
              const out = applyEdits(fx.text, fix.edits);
              assert.strictEqual(out.skipped.length, 0, `${fix.title}: overlapping edits`);
              if (out.text === fx.text) continue;
              const again = checkFixture({ ...fx, text: out.text }).findings;
              const after = counts(again);
              const line = r.lineIndex.positionAt(f.span.start).line + 1;
              // Gone, or (one of several partial fixes: one missing block of three) no longer saying the same.
              const same = (fs: Finding[]) => fs.filter(x => x.rule === rule && x.message === f.message).length;
              assert.ok(same(again) < same(r.findings), `line ${line}, "${fix.title}": the ${rule} finding is still there after its fix`);
              const grew = [...after].filter(([id, n]) => n > (before.get(id) ?? 0) && !expectedAfter(rule, id, fix.safe)).map(([id, n]) => `${id} ${before.get(id) ?? 0} → ${n}`);
              assert.deepStrictEqual(grew, [], `line ${line}, "${fix.title}" (${fix.safe ? 'safe' : 'by hand'}) makes new findings`);
            }
          }
        });
      }
      it('fixable matches what the rule does: it offers a fix in its fixtures exactly when it says it can', () => {
        const offers = files.some(file => checkFixture(readFixture(file)).findings.some(f => f.rule === rule && f.fixes.length > 0));
        assert.strictEqual(ruleById.get(rule)?.fixable, offers, `${rule}.fixable is ${ruleById.get(rule)?.fixable}, its fixtures ${offers ? 'offer' : 'offer no'} fix`);
      });
    });
  }
});
