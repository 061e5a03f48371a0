import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { ruleIndex, configSchema } from '../../scripts/gen-docs';
import { rules } from '../../server/src/engine';

// Docs and schema come from the rule registry: the committed files must match what it generates.
describe('generated docs and schema', () => {
  it('docs/rules/README.md is up to date (npm run docs)', () => {
    assert.strictEqual(fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8'), ruleIndex());
  });
  it('schemas/config.schema.json lists every rule (npm run docs)', () => {
    const current = fs.readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8');
    assert.strictEqual(current, configSchema(current));
  });
  it('every rule has a help page, a doc comment and both message languages', () => {
    for (const r of rules) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
      const src = fs.readFileSync(path.join(ROOT, 'server/src/engine/rules', `${r.id}.ts`), 'utf8');
      assert.match(src, new RegExp(`^/\\*\\*\\n \\* ${r.id} [—-]`), `${r.id}.ts starts with its doc comment`);
      assert.ok(r.description.en && r.description.ko, `${r.id} descriptions`);
    }
  });
});
