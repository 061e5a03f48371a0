// Bundles the client, the server and the CLI with esbuild (one file each, fast start-up).
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync, rmSync, cpSync } from 'fs';
import { webBundles, webBuildOptions, nodeBuiltinsIn } from './web-build.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production,
  logLevel: 'warning', mainFields: ['module', 'main'], define: { PAPER_DIGEST_VERSION: JSON.stringify(pkg.version) }, legalComments: 'none',
};
const t0 = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['client/src/node.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' }),
  // The web extension: a Node built-in in either bundle fails the build (it would not load there).
  ...webBundles.map(async b => {
    const r = await build(webBuildOptions(b, { sourcemap: common.sourcemap, minify: common.minify, logLevel: common.logLevel, legalComments: 'none', define: common.define }));
    const found = nodeBuiltinsIn(r.metafile);
    if (found.length) throw new Error(`${b.outfile} would import Node built-ins:\n  ${found.join('\n  ')}`);
  }),
]);
// --e2e (npm run test:e2e): also the e2e suite, one bundle per file in test/e2e/suite/ (index.js
// finds the *.test.js next to it); vscode and mocha come from the extension host and node_modules.
if (process.argv.includes('--e2e')) {
  const suite = readdirSync('test/e2e/suite').filter(f => f.endsWith('.ts') && f !== 'helpers.ts').map(f => `test/e2e/suite/${f}`);
  rmSync('out/test/e2e/suite', { recursive: true, force: true });
  await build({ ...common, entryPoints: suite, outdir: 'out/test/e2e/suite', external: ['vscode', 'mocha'] });
  await buildWebE2e();
}

/**
 * The web e2e suite (test/e2e/web/): the suite as a web bundle, with the memfs: provider's files
 * (test/e2e/web/workspace) embedded, inside the extension under test, staged with a
 * manifest holding only its "browser" entry, so code-server runs it in the web worker host.
 */
async function buildWebE2e() {
  const out = 'out/test/e2e/web';
  rmSync(out, { recursive: true, force: true });
  const files = {};
  const walk = (dir, rel = '') => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${dir}/${e.name}`, `${rel}${e.name}/`);
      else files[`${rel}${e.name}`] = readFileSync(`${dir}/${e.name}`, 'utf8');
    }
  };
  walk('test/e2e/web/workspace');
  const web = { bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'warning', sourcemap: true };
  await build({ ...web, entryPoints: ['test/e2e/web/suite.ts'], outfile: `${out}/extension/e2e/suite.js`, define: { MEMFS_FILES: JSON.stringify(files) } });
  const ext = `${out}/extension`; // the suite is inside it: VS Code runs a suite in the host of the extension holding it
  // What a web extension's manifest holds: no "main" (so the web worker host runs it), no npm fields.
  const keep = ['name', 'displayName', 'description', 'version', 'publisher', 'icon', 'license', 'repository', 'categories', 'browser', 'l10n', 'activationEvents', 'contributes', 'capabilities'];
  const manifest = { ...Object.fromEntries(keep.filter(k => k in pkg).map(k => [k, pkg[k]])), engines: { vscode: pkg.engines.vscode } };
  mkdirSync(ext, { recursive: true });
  writeFileSync(`${ext}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
  for (const p of ['dist/web', 'media', 'l10n', 'schemas', 'snippets', 'package.nls.json', 'package.nls.ko.json']) cpSync(p, `${ext}/${p}`, { recursive: true });
}
const size = f => (statSync(f).size / 1024).toFixed(0) + ' KB';
if (!process.argv.includes('--quiet')) console.log(`built dist/ in ${Date.now() - t0} ms: client ${size('dist/client.js')}, server ${size('dist/server.js')}, cli ${size('dist/cli.js')}; web client ${size('dist/web/client.js')}, web server ${size('dist/web/server.js')}`);
