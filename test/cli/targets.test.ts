import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, digest, type JsonReport } from './cli';

const paths = (stdout: string) => (JSON.parse(stdout) as JsonReport).files.map(f => f.path).sort();

describe('cli: files, folders, globs and ignore files', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  before(() => {
    const d = digest('clean.digest.md');
    ({ dir, cleanup } = tempProject({
      '.gitignore': '# build output\nbuild/\nsecret.digest.md\n',
      '.paperdigestignore': 'drafts/\n',
      'a.digest.md': d,
      'digests/b.md': d,
      'notes.md': '# Notes\n\nNot a digest.\n',
      'opt-in.md': `---\npaper-digest: true\n---\n${d}`,
      'by-profile.markdown': `---\nprofile: weekly-digest-ko\n---\n${d}`,
      'build/c.digest.md': d,
      'drafts/d.digest.md': d,
      'secret.digest.md': d,
      'sub/.gitignore': 'local.digest.md\n',
      'sub/local.digest.md': d,
      'sub/kept.digest.md': d,
      'node_modules/pkg/x.digest.md': d,
      'custom/.paperdigestrc.json': '{ "files": ["weekly/*.md"] }\n',
      'custom/weekly/w1.md': d,
      'custom/other.digest.md': d,
    }));
    fs.mkdirSync(path.join(dir, '.git')); // marks the repository root for .gitignore lookups
  });
  after(() => cleanup());

  it('a folder: digests only (globs, config "files", front matter), minus ignored files', () => {
    const r = run(['lint', '--format', 'json', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(paths(r.stdout), [
      'a.digest.md', 'by-profile.markdown', 'custom/weekly/w1.md', 'digests/b.md', 'opt-in.md', 'sub/kept.digest.md',
    ]);
  });

  it('a glob: matching files, minus ignored ones', () => {
    const r = run(['lint', '--format', 'json', '**/*.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(paths(r.stdout), ['a.digest.md', 'sub/kept.digest.md']);
    const sub = run(['lint', '--format', 'json', 'sub/*.md', 'digests/*.md'], dir);
    assert.deepStrictEqual(paths(sub.stdout), ['digests/b.md', 'sub/kept.digest.md']);
  });

  it('a folder named from below the repository root still honours the root .gitignore', () => {
    const r = run(['lint', '--format', 'json', '..'], path.join(dir, 'sub'));
    assert.strictEqual(r.code, 0, r.stderr);
    const found = paths(r.stdout);
    assert.ok(found.includes('../a.digest.md') && found.includes('kept.digest.md'), found.join());
    assert.ok(!found.some(p => /build|drafts|secret|local/.test(p)), found.join());
  });

  it('explicitly named files are always checked, ignored or not, digest or not', () => {
    const r = run(['lint', '--format', 'json', 'secret.digest.md', 'notes.md', 'build/c.digest.md'], dir);
    assert.deepStrictEqual(paths(r.stdout), ['build/c.digest.md', 'notes.md', 'secret.digest.md']);
  });

  it('--digests-only filters named files like folder contents (for hooks)', () => {
    const r = run(['lint', '--format', 'json', '--digests-only', 'secret.digest.md', 'notes.md', 'a.digest.md', 'drafts/d.digest.md', 'opt-in.md'], dir);
    assert.deepStrictEqual(paths(r.stdout), ['a.digest.md', 'opt-in.md']);
  });

  it('a file named twice (directly and through a folder) is checked once', () => {
    const r = run(['lint', '--format', 'json', 'digests/b.md', 'digests'], dir);
    assert.deepStrictEqual(paths(r.stdout), ['digests/b.md']);
  });
});
