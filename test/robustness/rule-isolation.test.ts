import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, rules, type Rule } from '../../server/src/engine';
import { FIXTURES } from '../support/paths';

// One rule's bug must not cost the author the other rules' findings: check.ts runs each rule in
// its own try/catch, drops that rule's findings for the run, records the failure and calls onRuleError
// (the server logs it to the output channel).
describe('robustness: a throwing rule is isolated', () => {
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const profile = builtinProfile('weekly-digest-ko')!;
  const broken: Rule = {
    id: 'test-broken-rule', category: 'structure', defaultSeverity: 'error', fixable: false,
    description: { en: 'throws', ko: '예외' },
    check({ digest, report }) {
      report({ span: { start: 0, end: 1 }, messageId: 'never-kept' }); // reported before the throw: dropped
      if (digest.papers.length) throw new TypeError('deliberate failure');
    },
  };

  it('other rules still report, the failure is recorded and passed to onRuleError', () => {
    const before = checkText(seed, { profile, locale: 'en' });
    rules.push(broken);
    const logged: string[] = [];
    try {
      const after = checkText(seed, { profile, locale: 'en', onRuleError: (rule, e) => logged.push(`${rule}: ${(e as Error).message}`) });
      assert.deepStrictEqual(after.failures, [{ rule: 'test-broken-rule', error: 'deliberate failure' }]);
      assert.deepStrictEqual(logged, ['test-broken-rule: deliberate failure']);
      assert.ok(!after.findings.some(f => f.rule === 'test-broken-rule'), "the broken rule's partial findings are dropped");
      assert.ok(after.findings.length > 10);
      assert.deepStrictEqual(after.findings.map(f => `${f.rule}@${f.span.start}`), before.findings.map(f => `${f.rule}@${f.span.start}`));
    } finally {
      rules.splice(rules.indexOf(broken), 1);
    }
  });

  it('a rule that throws a non-Error value is isolated too', () => {
    const odd: Rule = { ...broken, id: 'test-throws-string', check() { throw 'just a string'; } };
    rules.push(odd);
    try {
      const r = checkText(seed, { profile, locale: 'en' });
      assert.deepStrictEqual(r.failures, [{ rule: 'test-throws-string', error: 'just a string' }]);
      assert.ok(r.findings.some(f => f.rule === 'block-missing'));
    } finally {
      rules.splice(rules.indexOf(odd), 1);
    }
  });
});
