import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES } from '../support/paths';
import { run, tempProject } from '../cli/cli';

// Bad configuration on the command line: exit 2, naming the file, line and column of the fault —
// for a configuration or profile file that is invalid JSON, schema-invalid, or names a missing file.
describe('robustness: bad configuration in the CLI', function () {
  this.timeout(60_000);
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const cases: [string, Record<string, string>, RegExp][] = [
    ['invalid JSON', { '.paperdigestrc.json': '{\n  "rules": {,\n}\n' }, /^\.paperdigestrc\.json:2:13: Invalid JSON/m],
    ['a schema-invalid level', { '.paperdigestrc.json': '{\n  "rules": { "toc-mismatch": "loud" }\n}\n' }, /^\.paperdigestrc\.json:2:30: .*toc-mismatch/m],
    ['a missing profile file', { '.paperdigestrc.json': '{\n  "profile": "./missing.profile.json"\n}\n' }, /^\.paperdigestrc\.json:2:14: Profile file not found/m],
    ['an unknown built-in profile', { '.paperdigestrc.json': '{\n  "profile": "no-such-profile"\n}\n' }, /^\.paperdigestrc\.json:2:14: Unknown profile "no-such-profile"/m],
    ['a profile with invalid JSON', { '.paperdigestrc.json': '{ "profile": "./p.profile.json" }\n', 'p.profile.json': '{\n  "id": "p",\n  "sections": { "depth": 2 },,\n}\n' }, /^p\.profile\.json:3:30: Invalid JSON/m],
  ];
  for (const [name, files, expected] of cases) {
    it(`${name}: exit 2 with file:line:column`, () => {
      const p = tempProject({ ...files, 'w.digest.md': seed });
      try {
        const r = run(['lint', 'w.digest.md'], p.dir);
        assert.strictEqual(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, expected);
      } finally { p.cleanup(); }
    });
  }
});
