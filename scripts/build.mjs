// Bundles the client, the server and the CLI with esbuild (one file each, fast start-up).
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync, rmSync } from 'fs';
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
}
const size = f => (statSync(f).size / 1024).toFixed(0) + ' KB';
if (!process.argv.includes('--quiet')) console.log(`built dist/ in ${Date.now() - t0} ms: client ${size('dist/client.js')}, server ${size('dist/server.js')}, cli ${size('dist/cli.js')}; web client ${size('dist/web/client.js')}, web server ${size('dist/web/server.js')}`);
