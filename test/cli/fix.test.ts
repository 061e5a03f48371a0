import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyPatch } from 'diff';
import { run, tempProject, digest, type JsonReport } from './cli';

// block-missing is not among them: its skeleton fix inserts template text, so it is never safe (applied by hand only).
const FIXED_RULES = ['toc-mismatch', 'paper-numbering'];

describe('cli: --fix and --fix-dry-run', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  const lf = digest('defects.digest.md');
  const crlfBom = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  beforeEach(() => {
    ({ dir, cleanup } = tempProject({ 'lf.digest.md': lf, 'crlf.digest.md': crlfBom, 'clean.digest.md': digest('clean.digest.md') }));
  });
  afterEach(() => cleanup());
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  it('applies all safe fixes, reports what remains, and is idempotent', () => {
    const r = run(['lint', '--fix', '--format', 'json', 'lf.digest.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stderr, /lf\.digest\.md: fixed [1-9]\d* problem\(s\)/);
    const remaining = (JSON.parse(r.stdout) as JsonReport).files[0].diagnostics.map(d => d.rule);
    for (const rule of FIXED_RULES) assert.ok(!remaining.includes(rule), `${rule} still reported: ${remaining.join()}`);
    const fixed = read('lf.digest.md');
    assert.notStrictEqual(fixed, lf);
    assert.match(fixed, /^1\. 첫째 묶음$/m, 'TOC rewritten');
    assert.match(fixed, /^#### 1\.2\. 번호가 건너뛴 논문$/m, 'paper renumbered');
    // What --fix reported as remaining is what a plain lint of the new file reports.
    assert.strictEqual(run(['lint', '--format', 'json', 'lf.digest.md'], dir).stdout, r.stdout);

    const again = run(['lint', '--fix', 'lf.digest.md'], dir);
    assert.strictEqual(read('lf.digest.md'), fixed, 'a second --fix changes nothing');
    assert.doesNotMatch(again.stderr, /fixed/);
  });

  it('keeps the BOM and CRLF line endings', () => {
    run(['lint', '--fix', 'lf.digest.md', 'crlf.digest.md'], dir);
    const fixedLf = read('lf.digest.md');
    const fixedCrlf = read('crlf.digest.md');
    assert.strictEqual(fixedCrlf.charCodeAt(0), 0xfeff, 'BOM kept');
    assert.notStrictEqual(fixedCrlf.charCodeAt(1), 0xfeff, 'only one BOM');
    assert.doesNotMatch(fixedCrlf, /[^\r]\n/, 'no lone LF');
    assert.strictEqual(fixedCrlf, '\uFEFF' + fixedLf.replace(/\n/g, '\r\n'), 'same fixes as the LF file');
  });

  it('writes atomically: a new file renamed into place, mode kept, no temporary file left', () => {
    const file = path.join(dir, 'lf.digest.md');
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file);
    run(['lint', '--fix', 'lf.digest.md'], dir);
    const after = fs.statSync(file);
    assert.notStrictEqual(after.ino, before.ino, 'replaced by rename, not rewritten in place');
    assert.strictEqual(after.mode & 0o777, 0o640);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['clean.digest.md', 'crlf.digest.md', 'lf.digest.md']);
  });

  it('leaves a file without fixes untouched (same inode)', () => {
    const file = path.join(dir, 'clean.digest.md');
    const before = fs.statSync(file);
    const r = run(['lint', '--fix', 'clean.digest.md'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(fs.statSync(file).ino, before.ino);
  });

  it('--fix-dry-run prints a unified diff that gives exactly what --fix writes, and changes nothing', () => {
    const r = run(['lint', '--fix-dry-run', 'lf.digest.md', 'clean.digest.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.strictEqual(read('lf.digest.md'), lf, 'file untouched');
    assert.match(r.stdout, /^--- a\/lf\.digest\.md\n\+\+\+ b\/lf\.digest\.md\n@@ /);
    assert.match(r.stdout, /^-1\. 첫째 묶음 동향$/m);
    assert.match(r.stdout, /^\+1\. 첫째 묶음$/m);
    assert.doesNotMatch(r.stdout, /clean\.digest\.md/, 'no diff for a file without fixes');
    assert.match(r.stderr, /lf\.digest\.md: --fix would fix \d+ problem\(s\)/);
    const patched = applyPatch(lf, r.stdout);
    run(['lint', '--fix', 'lf.digest.md'], dir);
    assert.strictEqual(patched, read('lf.digest.md'));
  });
});
