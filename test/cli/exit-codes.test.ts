import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, digest, type JsonReport } from './cli';

describe('cli: exit codes and lint options', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempProject({
      'clean.digest.md': digest('clean.digest.md'),
      'defects.digest.md': digest('defects.digest.md'),
      'bad-config/.paperdigestrc.json': '{\n  "profile": "weekly-digest-ko",\n  "rules": { "toc-mismatch": "loud" }\n}\n',
      'bad-config/x.digest.md': digest('clean.digest.md'),
      'broken-json/.paperdigestrc.json': '{\n  "rules": {,\n}\n',
      'broken-json/x.digest.md': digest('clean.digest.md'),
      'bad.profile.json': '{\n  "id": "mine",\n  "sections": { "depth": "three" }\n}\n',
      'errors/.paperdigestrc.json': '{ "rules": { "block-missing": "error" } }\n',
      'errors/x.digest.md': digest('defects.digest.md'),
    }));
  });
  after(() => cleanup());

  it('0 with warnings only, 1 with an error-severity finding', () => {
    assert.strictEqual(run(['lint', 'clean.digest.md'], dir).code, 0);
    assert.strictEqual(run(['lint', 'defects.digest.md'], dir).code, 0);
    const r = run(['lint', '--rule', 'toc-mismatch=error', 'defects.digest.md'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /defects\.digest\.md:4:4 {2}error {2}.* {2}toc-mismatch/);
  });

  it('a level from the nearest .paperdigestrc.json counts too', () => {
    const r = run(['lint', 'errors/x.digest.md'], dir);
    assert.strictEqual(r.code, 1, r.stdout + r.stderr);
  });

  it('--rule off silences a rule', () => {
    const r = run(['lint', '--format', 'json', '--rule', 'toc-mismatch=off', '--rule', 'block-missing=off', 'defects.digest.md'], dir);
    const rules = (JSON.parse(r.stdout) as JsonReport).files[0].diagnostics.map(d => d.rule);
    assert.ok(rules.includes('paper-numbering'));
    assert.ok(!rules.includes('toc-mismatch') && !rules.includes('block-missing'), rules.join());
  });

  it('--max-warnings N: exit 1 only above N', () => {
    const count = (JSON.parse(run(['lint', '--format', 'json', 'defects.digest.md'], dir).stdout) as JsonReport).files[0].diagnostics
      .filter(d => d.severity === 'warning').length;
    assert.ok(count >= 3);
    assert.strictEqual(run(['lint', '--max-warnings', String(count), 'defects.digest.md'], dir).code, 0);
    const over = run(['lint', '--max-warnings', String(count - 1), 'defects.digest.md'], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, new RegExp(`${count} warnings, more than --max-warnings allows \\(${count - 1}\\)`));
    assert.strictEqual(run(['lint', '--max-warnings', '0', 'clean.digest.md'], dir).code, 0);
  });

  it('--quiet reports errors only (and warnings no longer count)', () => {
    const r = run(['lint', '--format', 'json', '--quiet', '--rule', 'paper-numbering=error', '--max-warnings', '0', 'defects.digest.md'], dir);
    assert.strictEqual(r.code, 1);
    const diags = (JSON.parse(r.stdout) as JsonReport).files[0].diagnostics;
    assert.deepStrictEqual(diags.map(d => `${d.rule}:${d.severity}`), ['paper-numbering:error']);
    const quietWarnings = run(['lint', '--quiet', '--max-warnings', '0', 'defects.digest.md'], dir);
    assert.strictEqual(quietWarnings.code, 0);
    // It says what it hid: "No problems found" alone would read as a clean file.
    assert.match(quietWarnings.stdout, /^No problems found\n--quiet hid [1-9]\d* findings that are not errors\n$/);
  });

  it('folders and patterns with no digest: exit 2 "No digest files to check", not "No problems found"; hooks (--digests-only) pass', () => {
    fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes', 'readme.md'), '# 메모\n');
    const r = run(['lint', 'notes'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /No digest files to check/);
    assert.doesNotMatch(r.stdout, /No problems found/);
    assert.strictEqual(run(['lint', '--digests-only', 'notes/readme.md'], dir).code, 0);
  });

  it('2 for usage errors, each with a message', () => {
    const cases: [string[], RegExp][] = [
      [['lint'], /Nothing to check; name at least one file, folder or glob/],
      [['lint', 'missing.digest.md'], /Cannot read missing\.digest\.md: ENOENT/],
      [['lint', 'nothing/**/*.md'], /No files match "nothing\/\*\*\/\*\.md"/],
      [['lint', '--format', 'xml', 'clean.digest.md'], /Unknown format "xml"/],
      [['lint', '--rule', 'no-such-rule=error', 'clean.digest.md'], /Unknown rule "no-such-rule"/],
      [['lint', '--rule', 'toc-mismatch=loud', 'clean.digest.md'], /Unknown level "loud"/],
      [['lint', '--rule', 'toc-mismatch', 'clean.digest.md'], /is not in the form RULE=LEVEL/],
      [['lint', '--max-warnings', 'many', 'clean.digest.md'], /--max-warnings "many"/],
      [['lint', '--fix', '--fix-dry-run', 'clean.digest.md'], /--fix and --fix-dry-run cannot be used together/],
      [['lint', '--locale', 'fr', 'clean.digest.md'], /language "fr"/],
      [['lint', '--no-such-flag', 'clean.digest.md'], /no-such-flag/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['toc'], /exactly one/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.strictEqual(r.stdout, '', args.join(' '));
    }
  });

  it('a malformed configuration file: exit 2 with file:line:col', () => {
    const r = run(['lint', 'bad-config/x.digest.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^bad-config\/\.paperdigestrc\.json:3:30: .*toc-mismatch/m);
    // One line for one bad value (ajv gives three: the enum, the array branch and the oneOf), in plain words.
    const lines = r.stderr.split('\n').filter(l => l.startsWith('bad-config/.paperdigestrc.json'));
    assert.deepStrictEqual(lines, ['bad-config/.paperdigestrc.json:3:30: /rules/toc-mismatch is "loud"; use one of "off", "hint", "information", "warning", "error"']);
    const j = run(['lint', '--format', 'json', 'broken-json/x.digest.md'], dir);
    assert.strictEqual(j.code, 2);
    assert.match(j.stderr, /^broken-json\/\.paperdigestrc\.json:2:13: Invalid JSON/m);
    assert.strictEqual(j.stdout, '', 'no half report on stdout');
  });

  it('--config PATH uses that file instead of discovery', () => {
    const r = run(['lint', '--config', 'bad-config/.paperdigestrc.json', 'clean.digest.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /bad-config\/\.paperdigestrc\.json:3:30:/);
    const good = run(['lint', '--config', 'errors/.paperdigestrc.json', 'defects.digest.md'], dir);
    assert.strictEqual(good.code, 1, 'block-missing is an error under that config');
  });

  it('a malformed profile (--profile PATH): exit 2 with file:line:col', () => {
    const r = run(['lint', '--profile', 'bad.profile.json', 'clean.digest.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^bad\.profile\.json:\d+:\d+: /m);
    const unknown = run(['lint', '--profile', 'no-such-profile', 'clean.digest.md'], dir);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown profile "no-such-profile"/);
  });
});
