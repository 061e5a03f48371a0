// The pre-commit framework (https://pre-commit.com) installs and runs our `.pre-commit-hooks.yaml`
// for real: `language: node` clones the hook repository, runs `npm install` and `npm pack` in it
// (taking npm pack's whole stdout as the tarball name) and `npm install -g` of that tarball.
// Needs the `pre-commit` command (Debian package `pre-commit`, which .ci/run installs) and the npm
// registry (or a warm npm cache). Skipped loudly without pre-commit; a failure when
// PAPER_DIGEST_E2E_REQUIRED=1 (as in CI).
import { strict as assert } from 'assert';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { DIGESTS } from './cli';

const REQUIRED = process.env.PAPER_DIGEST_E2E_REQUIRED === '1';

function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
const ok = (cmd: string, args: string[], opts: SpawnSyncOptions = {}) => {
  const r = sh(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed:\n${r.out}`);
  return r.out;
};

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
};

describe('pre-commit framework (.pre-commit-hooks.yaml, language: node)', function () {
  this.timeout(600_000);
  let tmp = '';
  let sample = '';
  let env: NodeJS.ProcessEnv = {};
  const git = (args: string[]) => ok('git', args, { cwd: sample, env });
  const commit = (files: Record<string, string>, msg: string) => {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(sample, rel)), { recursive: true });
      fs.writeFileSync(path.join(sample, rel), text);
    }
    git(['add', ...Object.keys(files)]);
    return sh('git', ['commit', '-q', '-m', msg], { cwd: sample, env });
  };

  before(function () {
    if (sh('sh', ['-c', 'command -v pre-commit']).code !== 0) {
      const line = '*** SKIPPED: test/cli/pre-commit.test.ts needs the pre-commit command: apt-get install pre-commit ***';
      if (REQUIRED) throw new Error(`${line} (PAPER_DIGEST_E2E_REQUIRED=1: a skip is a failure)`);
      console.log(`\n    ${line}\n`);
      this.skip();
    }
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-pre-commit-')));
    env = { ...GIT_ENV, PRE_COMMIT_HOME: path.join(tmp, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1', PAPER_DIGEST_LOCALE: 'en' };

    // The hook repository: this working tree's files (tracked and new, not ignored) as one commit,
    // so the test checks what is about to be committed, not an older HEAD.
    const hooks = path.join(tmp, 'hooks');
    fs.mkdirSync(hooks);
    const files = ok('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT }).split('\0').filter(Boolean);
    for (const f of files) {
      const from = path.join(ROOT, f);
      if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(hooks, f)), { recursive: true });
      fs.copyFileSync(from, path.join(hooks, f));
    }
    ok('git', ['init', '-q', '-b', 'main'], { cwd: hooks, env });
    ok('git', ['add', '-A'], { cwd: hooks, env });
    ok('git', ['commit', '-q', '-m', 'hooks'], { cwd: hooks, env });
    const rev = ok('git', ['rev-parse', 'HEAD'], { cwd: hooks, env }).trim();

    sample = path.join(tmp, 'sample');
    fs.mkdirSync(sample);
    git(['init', '-q', '-b', 'main']);
    fs.writeFileSync(path.join(sample, '.pre-commit-config.yaml'), [
      'repos:',
      `  - repo: ${hooks}`,
      `    rev: ${rev}`,
      '    hooks:',
      '      - id: paper-digest',
      "        args: [--max-warnings, '0']",
      '',
    ].join('\n'));
    git(['add', '.pre-commit-config.yaml']);
    git(['commit', '-q', '-m', 'config']);
    ok('pre-commit', ['install'], { cwd: sample, env });
    // The install itself (clone, npm install, npm pack, npm install -g): the step issue 19 saw fail.
    const installed = sh('pre-commit', ['install-hooks'], { cwd: sample, env });
    assert.equal(installed.code, 0, `pre-commit install-hooks failed:\n${installed.out}`);
  });

  after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  it('a digest with findings blocks the commit', () => {
    const r = commit({ 'notes/bad.digest.md': fs.readFileSync(path.join(DIGESTS, 'defects.digest.md'), 'utf8') }, 'bad');
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.out, /paper-digest lint\.+Failed/);
    assert.match(r.out, /bad\.digest\.md:\d+:\d+\s+warning/);
    git(['reset', '-q', 'HEAD', 'notes/bad.digest.md']);
    fs.rmSync(path.join(sample, 'notes'), { recursive: true });
  });

  it('a clean digest passes', () => {
    const r = commit({ 'digests/clean.md': fs.readFileSync(path.join(DIGESTS, 'clean.digest.md'), 'utf8') }, 'good');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /paper-digest lint\.+Passed/);
  });

  it('Markdown that is not a digest is skipped (--digests-only)', () => {
    // Would fail --max-warnings 0 if it were checked as a digest.
    const r = commit({ 'README.md': fs.readFileSync(path.join(DIGESTS, 'defects.digest.md'), 'utf8') }, 'readme');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /paper-digest lint\.+Passed/);
  });

  it('files that are not Markdown are not passed to the hook', () => {
    const r = commit({ 'data.txt': 'x\n' }, 'text');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /paper-digest lint\.+\(no files to check\)Skipped/);
  });
});
