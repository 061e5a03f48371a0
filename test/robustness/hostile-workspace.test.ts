import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, tempProject, digest } from '../cli/cli';
import { TestClient } from '../support/lsp-client';
import * as os from 'os';
import { ConfigResolver, glossaryResolverFor } from '../../server/src/engine';
import { nodeFileReader } from '../../server/src/engine/node-files';
import { readSource, writeAtomic } from '../../server/src/cli/files';
import { safeReadFile } from '../../server/src/engine/safe-read';

// A hostile workspace (issue 14): files that are devices, FIFOs or symlinks out of the
// workspace, files changed under --fix, non-UTF-8 and read-only files, catastrophic globs.
// Every CLI case runs the real built CLI in a child process with a hard timeout and a 512 MiB
// heap, so a regression fails (killed) instead of eating the machine or hanging the suite.
const HARD_TIMEOUT = 15_000;
/** Each case must end well before the hard timeout: reading stopped before it began. */
const QUICK = 5_000;

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

function cli(args: string[], cwd: string): Run {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], {
    cwd, encoding: 'utf8', timeout: HARD_TIMEOUT, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, PAPER_DIGEST_LOCALE: 'en', NO_COLOR: '1' },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - start };
}

function assertQuickExit2(r: Run, expected: RegExp): void {
  assert.strictEqual(r.signal, null, `killed after ${r.ms} ms (hang or memory blow-up): ${r.stderr.slice(0, 500)}`);
  assert.strictEqual(r.code, 2, `exit ${r.code}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
  assert.ok(r.ms < QUICK, `took ${r.ms} ms`);
  assert.match(r.stderr, expected);
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe('robustness: hostile workspace files', function () {
  this.timeout(60_000);
  const seed = digest('clean.digest.md');
  let dir: string, cleanup: () => void;
  beforeEach(() => { ({ dir, cleanup } = tempProject({ 'w.digest.md': seed })); });
  afterEach(() => cleanup());

  /** `name` in the project: a symlink to a device, or a FIFO. */
  const hostile: [string, (p: string) => void][] = [
    ['a symlink to /dev/zero', p => fs.symlinkSync('/dev/zero', p)],
    ['a symlink to /dev/urandom', p => fs.symlinkSync('/dev/urandom', p)],
    ...(hasMkfifo ? [['a FIFO', (p: string) => { assert.strictEqual(spawnSync('mkfifo', [p]).status, 0); }] as [string, (p: string) => void]] : []),
    ...(hasMkfifo ? [['a symlink to a FIFO', (p: string) => { spawnSync('mkfifo', [p + '.fifo']); fs.symlinkSync(p + '.fifo', p); }] as [string, (p: string) => void]] : []),
  ];

  for (const [what, make] of hostile) {
    describe(what, () => {
      it('as an explicit CLI target: exit 2, named, not read', () => {
        make(path.join(dir, 'bad.md'));
        assertQuickExit2(cli(['lint', 'bad.md'], dir), /Cannot read bad\.md: .*not a regular file/);
      });
      it('as --config: exit 2, located in that file', () => {
        make(path.join(dir, 'bad.json'));
        assertQuickExit2(cli(['lint', '--config', 'bad.json', 'w.digest.md'], dir), /^bad\.json:1:1: Not read: .*not a regular file/m);
      });
      it('as .paperdigestrc.json itself: exit 2', () => {
        make(path.join(dir, '.paperdigestrc.json'));
        assertQuickExit2(cli(['lint', 'w.digest.md'], dir), /^\.paperdigestrc\.json:1:1: Not read: .*not a regular file/m);
      });
      it('as a glossary named in .paperdigestrc.json: exit 2, located', () => {
        fs.writeFileSync(path.join(dir, '.paperdigestrc.json'), '{ "glossaries": ["g.json"] }\n');
        make(path.join(dir, 'g.json'));
        assertQuickExit2(cli(['lint', 'w.digest.md'], dir), /^g\.json:1:1: Not read: .*not a regular file/m);
      });
      it('as a profile named in .paperdigestrc.json: exit 2 at "profile"', () => {
        fs.writeFileSync(path.join(dir, '.paperdigestrc.json'), '{ "profile": "./p.profile.json" }\n');
        make(path.join(dir, 'p.profile.json'));
        assertQuickExit2(cli(['lint', 'w.digest.md'], dir), /^\.paperdigestrc\.json:1:14: Not read: .*not a regular file/m);
      });
      it('as glossary check FILE: exit 2', () => {
        make(path.join(dir, 'g.json'));
        assertQuickExit2(cli(['glossary', 'check', 'g.json'], dir), /Cannot read g\.json: .*not a regular file/);
      });
      it('inside a folder target: skipped, the rest is linted', () => {
        fs.mkdirSync(path.join(dir, 'digests'));
        fs.writeFileSync(path.join(dir, 'digests', 'ok.digest.md'), seed);
        make(path.join(dir, 'digests', 'bad.digest.md'));
        const r = cli(['lint', '--format', 'json', 'digests'], dir);
        assert.strictEqual(r.signal, null, `killed after ${r.ms} ms`);
        assert.ok(r.code === 0 || r.code === 1, r.stderr);
        assert.ok(r.ms < QUICK, `took ${r.ms} ms`);
        const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map(f => f.path);
        assert.deepStrictEqual(paths, ['digests/ok.digest.md']);
      });
    });
  }

  it('/dev/zero named directly: lint and --config exit 2 quickly', () => {
    assertQuickExit2(cli(['lint', '/dev/zero'], dir), /Cannot read \/dev\/zero: .*character device/);
    assertQuickExit2(cli(['lint', '--config', '/dev/zero', 'w.digest.md'], dir), /Not read: \/dev\/zero is a character device/);
  });

  it('a catastrophic CLI glob: exit 2 quickly, one line', () => {
    fs.mkdirSync(path.join(dir, 'digests'));
    fs.writeFileSync(path.join(dir, 'digests', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md'), seed);
    const r = cli(['lint', 'digests/*a*a*a*a*a*a*a*a*a*a*a*b'], dir);
    assertQuickExit2(r, /Unsafe pattern "digests\/\*a\*a/);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
  });

  it('an untrusted workspace: a glossary symlink inside the folder pointing outside it is not read', () => {
    fs.writeFileSync(path.join(dir, '.paperdigestrc.json'), '{ "glossaries": ["g.json"], "profile": "./p.profile.json" }\n');
    fs.symlinkSync('/etc/passwd', path.join(dir, 'g.json'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'p.profile.json'));
    const confined = new ConfigResolver(nodeFileReader(fs), { confine: true });
    const c = confined.resolve(path.join(dir, 'w.digest.md'));
    assert.deepStrictEqual(c.glossaries, [], 'the escaping glossary is dropped');
    const messages = c.problems.flatMap(p => p.problems.map(x => x.message)).join('\n');
    assert.match(messages, /"g\.json" resolves to \/etc\/passwd, outside this configuration file's folder/);
    assert.match(messages, /"\.\/p\.profile\.json" resolves to \/etc\/hostname/);
    // Trusted: the same paths are used (and a glossary inside stays usable when confined).
    assert.deepStrictEqual(new ConfigResolver(nodeFileReader(fs)).resolve(path.join(dir, 'w.digest.md')).glossaries, [path.join(dir, 'g.json')]);
    fs.unlinkSync(path.join(dir, 'g.json'));
    fs.writeFileSync(path.join(dir, 'real.json'), '{ "terms": [] }\n');
    fs.symlinkSync('real.json', path.join(dir, 'g.json'));
    assert.deepStrictEqual(new ConfigResolver(nodeFileReader(fs), { confine: true }).resolve(path.join(dir, 'w.digest.md')).glossaries, [path.join(dir, 'g.json')]);
  });

  it('an untrusted workspace: the found .paper-digest/glossary.json is not read when it resolves outside its folder', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret.json'), '{ "terms": [ { "ko": "비밀", "en": "secret" } ] }\n');
      fs.mkdirSync(path.join(dir, '.paper-digest'));
      fs.symlinkSync(path.join(outside, 'secret.json'), path.join(dir, '.paper-digest', 'glossary.json'));
      const doc = path.join(dir, 'w.digest.md');
      const confined = glossaryResolverFor(new ConfigResolver(nodeFileReader(fs), { confine: true })).resolve(doc);
      assert.ok(!confined.files.some(f => f.includes('.paper-digest')), 'not stacked');
      assert.match(confined.problems.map(p => p.problems.map(x => x.message).join()).join(), /Not read in an untrusted workspace: this glossary resolves to .*secret\.json, outside the folder it was found in/);
      // Trusted, the same link is followed; confined, a link inside the folder is fine.
      assert.ok(glossaryResolverFor(new ConfigResolver(nodeFileReader(fs))).resolve(doc).files.some(f => f.includes('.paper-digest')));
      fs.unlinkSync(path.join(dir, '.paper-digest', 'glossary.json'));
      fs.writeFileSync(path.join(dir, 'mine.json'), '{ "terms": [] }\n');
      fs.symlinkSync('../mine.json', path.join(dir, '.paper-digest', 'glossary.json'));
      const inside = glossaryResolverFor(new ConfigResolver(nodeFileReader(fs), { confine: true })).resolve(doc);
      assert.ok(inside.files.some(f => f.includes('.paper-digest')) && !inside.problems.length);
    } finally { fs.rmSync(outside, { recursive: true, force: true }); }
  });

  it('safeReadFile: typed results, devices and FIFOs never opened', () => {
    assert.strictEqual((safeReadFile('/dev/zero') as { error: string }).error, 'not-regular');
    assert.strictEqual((safeReadFile(path.join(dir, 'nope.json')) as { error: string }).error, 'missing');
    fs.writeFileSync(path.join(dir, 'big.json'), Buffer.alloc(2048, 0x20));
    assert.strictEqual((safeReadFile(path.join(dir, 'big.json'), { limit: 1024 }) as { error: string }).error, 'too-large');
    fs.writeFileSync(path.join(dir, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    assert.strictEqual((safeReadFile(path.join(dir, 'latin1.json')) as { error: string }).error, 'invalid-utf8');
    assert.strictEqual((safeReadFile(path.join(dir, 'w.digest.md')) as { text: string }).text, seed);
  });

  it('a file changed on disk between read and write: the write is refused, the new content kept', () => {
    const file = path.join(dir, 'w.digest.md');
    const source = readSource(file);
    const theirs = source.text.replace('#', '# ') + '\n<!-- edited meanwhile -->\n';
    fs.writeFileSync(file, theirs);
    assert.throws(() => writeAtomic(file, { text: source.text + 'fixed\n', bom: source.bom }), /changed on disk since it was read/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), theirs);
    assert.deepStrictEqual(fs.readdirSync(dir).filter(f => f.endsWith('.tmp')), [], 'no temporary file left');
    // Same size, same content length: still caught by the hash when mtime is restored.
    const again = readSource(file);
    const st = fs.statSync(file);
    const swapped = again.text.replace('edited', 'EDITED');
    fs.writeFileSync(file, swapped);
    fs.utimesSync(file, st.atime, st.mtime);
    assert.throws(() => writeAtomic(file, { text: 'x', bom: false }), /changed on disk/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), swapped);
    // Unchanged: written.
    const fresh = readSource(file);
    writeAtomic(file, { text: fresh.text + 'ok\n', bom: fresh.bom });
    assert.ok(fs.readFileSync(file, 'utf8').endsWith('ok\n'));
  });

  it('--fix on a file that is not valid UTF-8: exit 2, file named and untouched', () => {
    const bytes = Buffer.concat([Buffer.from(digest('defects.digest.md'), 'utf8'), Buffer.from([0xff, 0xfe, 0x0a])]);
    fs.writeFileSync(path.join(dir, 'bad.digest.md'), bytes);
    const r = cli(['lint', '--fix', 'bad.digest.md'], dir);
    assertQuickExit2(r, /bad\.digest\.md.*not valid UTF-8/);
    assert.ok(fs.readFileSync(path.join(dir, 'bad.digest.md')).equals(bytes));
  });

  it('--fix on a read-only file (also as root): exit 2, not rewritten', () => {
    const text = digest('defects.digest.md');
    const file = path.join(dir, 'ro.digest.md');
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o444);
    const r = cli(['lint', '--fix', 'ro.digest.md'], dir);
    assertQuickExit2(r, /ro\.digest\.md.*read-only/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o444);
  });
});

describe('robustness: hostile workspace over stdio', function () {
  this.timeout(30_000);
  for (const [what, make] of [
    ['a glossary symlink to /dev/zero', (p: string) => fs.symlinkSync('/dev/zero', p)],
    ...(hasMkfifo ? [['a glossary that is a FIFO', (p: string) => { spawnSync('mkfifo', [p]); }]] : []),
  ] as [string, (p: string) => void][]) {
    it(`${what}: the server answers within a few seconds and reports the file`, async () => {
      const { dir, cleanup } = tempProject({ '.paperdigestrc.json': '{ "glossaries": ["g.json"] }\n' });
      make(path.join(dir, 'g.json'));
      const client = new TestClient(['--stdio'], { NODE_OPTIONS: '--max-old-space-size=512' });
      const kill = setTimeout(() => client.proc.kill('SIGKILL'), 20_000);
      try {
        const start = Date.now();
        await client.initialize(dir);
        const uri = `file://${dir}/w.digest.md`;
        const pending = client.nextDiagnostics(uri, 5000);
        await client.open(uri, digest('clean.digest.md'));
        const d = await pending;
        const ms = Date.now() - start;
        assert.ok(ms < 5000, `answered after ${ms} ms`);
        assert.ok(client.proc.exitCode === null, 'server still running');
        assert.ok(Array.isArray(d.diagnostics));
        // The glossary's problem is published on the glossary file itself.
        const glossaryUri = `file://${dir}/g.json`;
        const forGlossary = () => JSON.stringify(client.diagnostics.get(glossaryUri) ?? []);
        for (let i = 0; i < 40 && !/not a regular file/.test(forGlossary()); i++) await new Promise(r => setTimeout(r, 50));
        assert.match(forGlossary(), /not a regular file/, JSON.stringify([...client.diagnostics.keys()]));
      } finally {
        clearTimeout(kill);
        await client.stop().catch(() => undefined);
        cleanup();
      }
    });
  }

  it('workspaceTerms on, with workspace digests that are /dev/zero, /dev/urandom and a FIFO: the others are compared, the server answers', async () => {
    const w = (ko: string) => `# 주간 다이제스트\n\n이 논문은 ${ko}(fine-tuning)으로 성능을 높입니다.\n`;
    const { dir, cleanup } = tempProject({ 'a.digest.md': w('미세 조정'), 'b.digest.md': w('미세 조정'), 'c.digest.md': w('파인 튜닝') });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.digest.md'));
    fs.symlinkSync('/dev/urandom', path.join(dir, 'random.digest.md'));
    if (hasMkfifo) spawnSync('mkfifo', [path.join(dir, 'fifo.digest.md')]);
    const client = new TestClient(['--stdio'], { NODE_OPTIONS: '--max-old-space-size=512' });
    const kill = setTimeout(() => client.proc.kill('SIGKILL'), 20_000);
    try {
      const start = Date.now();
      const c = client.nextDiagnostics(`file://${dir}/c.digest.md`, 10_000);
      await client.initialize(dir, { settings: { workspaceTerms: true } });
      const d = await c;
      assert.ok(Date.now() - start < 10_000);
      assert.deepStrictEqual(d.diagnostics.map(x => x.code), ['term-inconsistent'], 'the regular digests were read and compared');
      await client.conn.sendRequest('paperDigest/no-such-request', {}).catch(() => undefined);
      assert.strictEqual(client.proc.exitCode, null, 'server still running');
    } finally {
      clearTimeout(kill);
      await client.stop().catch(() => undefined);
      cleanup();
    }
  });
});
