import * as assert from 'assert';
import * as path from 'path';
import { FIXTURES } from '../support/paths';
import { readFixture, checkFixture, actualMarks, fixtureDirs } from '../support/fixtures';
import { ruleById, applyEdits } from '../../server/src/engine';

// One runner for every rule: test/fixtures/<rule-id>/*.md with inline `<!-- expect: rule -->` marks.
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
          // Every fix of this rule applies cleanly and removes its own finding's cause somewhere.
          for (const f of r.findings.filter(x => x.rule === rule)) {
            for (const fix of f.fixes) {
              const out = applyEdits(fx.text, fix.edits);
              assert.strictEqual(out.skipped.length, 0, `${fix.title}: overlapping edits`);
            }
          }
        });
      }
    });
  }
});
