import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, digest } from './cli';

describe('cli: toc and renumber', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  const defects = digest('defects.digest.md');
  beforeEach(() => {
    ({ dir, cleanup } = tempProject({
      'd.digest.md': defects,
      'crlf.digest.md': '\uFEFF' + defects.replace(/\n/g, '\r\n'),
      'no-toc.digest.md': defects.replace(/목차:\n1\. .*\n2\. .*\n/, ''),
    }));
  });
  afterEach(() => cleanup());
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  it('toc FILE prints the table of contents from the sections, changing nothing', () => {
    const r = run(['toc', 'd.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, '1. 첫째 묶음\n2. 둘째 묶음\n');
    assert.strictEqual(read('d.digest.md'), defects);
  });

  it('toc FILE --write rewrites only the list, then reports it is up to date', () => {
    const r = run(['toc', 'd.digest.md', '--write'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(read('d.digest.md'), defects.replace('1. 첫째 묶음 동향', '1. 첫째 묶음'));
    const again = run(['toc', '--write', 'd.digest.md'], dir);
    assert.strictEqual(again.code, 0);
    assert.match(again.stderr, /already up to date/);
  });

  it('toc --write keeps BOM and CRLF', () => {
    run(['toc', '--write', 'crlf.digest.md'], dir);
    assert.strictEqual(read('crlf.digest.md'), '\uFEFF' + defects.replace('1. 첫째 묶음 동향', '1. 첫째 묶음').replace(/\n/g, '\r\n'));
  });

  it('toc on a digest without a table of contents: exit 1 and a message', () => {
    const r = run(['toc', '--write', 'no-toc.digest.md'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /no table of contents/);
    assert.strictEqual(read('no-toc.digest.md'), defects.replace(/목차:\n1\. .*\n2\. .*\n/, ''));
  });

  it('renumber FILE prints the renumbered digest; --diff shows the change; --write saves it', () => {
    const expected = defects.replace('#### 1.3. 번호가', '#### 1.2. 번호가');
    const printed = run(['renumber', 'd.digest.md'], dir);
    assert.strictEqual(printed.code, 0, printed.stderr);
    assert.strictEqual(printed.stdout, expected);
    const diff = run(['renumber', '--diff', 'd.digest.md'], dir);
    assert.match(diff.stdout, /^-#### 1\.3\. 번호가 건너뛴 논문\n\+#### 1\.2\. 번호가 건너뛴 논문$/m);
    assert.strictEqual(read('d.digest.md'), defects);
    const w = run(['renumber', '-w', 'd.digest.md'], dir);
    assert.strictEqual(w.code, 0, w.stderr);
    assert.strictEqual(read('d.digest.md'), expected);
    run(['renumber', '--write', 'crlf.digest.md'], dir);
    assert.strictEqual(read('crlf.digest.md'), '\uFEFF' + expected.replace(/\n/g, '\r\n'));
  });
});
