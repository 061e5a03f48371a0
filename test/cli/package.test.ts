// The npm package as a user gets it: `npm pack` of this tree, installed globally into a temporary
// prefix, run from a folder outside the repository. The bundles carry every dependency, so the
// install is one package and needs no registry.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { initializeOverStdio } from './cli';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function npm(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the packed npm package, installed globally into a temporary prefix', function () {
  this.timeout(300_000);
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-pkg-')));
  const prefix = path.join(tmp, 'prefix');
  const work = path.join(tmp, 'work');
  let bin = '';
  let install = { code: 0 as number | null, stdout: '', stderr: '' };
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  before(() => {
    const packed = npm(['pack', '--pack-destination', tmp, '--loglevel=error'], ROOT);
    assert.equal(packed.code, 0, packed.stderr);
    // What the pre-commit framework reads: stdout is the tarball's name and nothing else.
    const name = packed.stdout.trim();
    assert.match(name, /^paper-digest-[\d.]+\.tgz$/, `npm pack printed more than the tarball name: ${JSON.stringify(packed.stdout)}`);
    install = npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(tmp, name)], tmp);
    assert.equal(install.code, 0, install.stderr);
    bin = path.join(prefix, 'bin', 'paper-digest');
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(ROOT, 'examples', 'weekly.digest.md'), path.join(work, 'weekly.digest.md'));
  });

  const run = (args: string[]) => {
    const r = spawnSync(bin, args, { cwd: work, encoding: 'utf8', env: { ...process.env, PAPER_DIGEST_LOCALE: 'en', NO_COLOR: '1' } });
    if (r.error) throw r.error;
    return r;
  };

  it('installs one package with no runtime dependencies, offline, without warnings', () => {
    assert.deepEqual(pkg.dependencies ?? {}, {}, 'package.json has runtime dependencies; the bundles carry them');
    const installed = path.join(prefix, 'lib', 'node_modules', 'paper-digest');
    assert.ok(fs.existsSync(installed), 'the package is installed');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'nothing installed beside it');
    assert.doesNotMatch(install.stderr, /npm warn/i, install.stderr);
    // The CLI's --help names docs/cli.md: it is in the package.
    assert.ok(fs.existsSync(path.join(installed, 'docs', 'cli.md')), 'docs/cli.md shipped');
    assert.match(run(['--help']).stdout, /docs\/cli\.md/);
  });

  it('lint runs from outside the repository, and --format sarif gives relative URIs and the driver version', () => {
    const stylish = run(['lint', 'weekly.digest.md']);
    assert.ok(stylish.status === 0 || stylish.status === 1, stylish.stderr);
    assert.match(stylish.stdout + stylish.stderr, /weekly\.digest\.md/);
    assert.equal(run(['--version']).stdout.trim(), pkg.version);
    const sarif = JSON.parse(run(['lint', '--format', 'sarif', 'weekly.digest.md']).stdout);
    assert.equal(sarif.runs[0].tool.driver.version, pkg.version);
    const uris = (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[])
      .map(r => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0, 'the example has findings');
    assert.ok(uris.every(u => u === 'weekly.digest.md'), `relative URIs: ${[...new Set(uris)].join(', ')}`);
  });

  it('lsp --stdio answers initialize', async () => {
    assert.match(await initializeOverStdio(bin, ['lsp', '--stdio'], work), /"result":\{"capabilities"/);
  });

  it('mcp serves its tools from the installed package (the SDK is bundled), and its docs are shipped', async () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'paper-digest');
    assert.ok(fs.existsSync(path.join(installed, 'docs', 'assistants.md')), 'docs/assistants.md shipped');
    const client = new Client({ name: 'package-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: bin, args: ['mcp'], cwd: work }));
    try {
      assert.deepEqual((await client.listTools()).tools.map(t => t.name), ['check_digest', 'lookup_term', 'fix_digest', 'update_toc']);
    } finally { await client.close(); }
  });

  it('names one repository: the manifest and the rule help links agree', () => {
    const base = /RULE_DOCS_BASE = '([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'server/src/engine/index.ts'), 'utf8'))?.[1] ?? '';
    const repo = String(pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
    assert.ok(repo && base.startsWith(`${repo}/blob/`), `${repo} vs ${base}`);
    assert.ok(String(pkg.homepage).startsWith(repo) && String(pkg.bugs?.url).startsWith(repo));
  });

  it('require("paper-digest") says the package exports nothing to require (it is a command line and an extension)', () => {
    const r = spawnSync(process.execPath, ['-e', 'require("paper-digest")'], { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(prefix, 'lib', 'node_modules') } });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED|No "exports" main defined/);
  });
});
