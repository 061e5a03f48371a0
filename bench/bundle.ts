import * as fs from 'fs';
import * as path from 'path';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');

/**
 * Bundle sizes: dist/ as `npm run build` left it, and a minified server built with the options
 * of `scripts/build.mjs --production` into bench-output/ (dist/ is left alone), with the
 * biggest packages inside it.
 */
export async function bundleSizes(outDir: string) {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : null);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const outfile = path.join(outDir, 'prod', 'server.js');
  const r = await build({
    absWorkingDir: ROOT, entryPoints: ['server/src/main.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    minify: true, sourcemap: false, logLevel: 'warning', mainFields: ['module', 'main'], legalComments: 'none', metafile: true,
    define: { PAPER_DIGEST_VERSION: JSON.stringify(pkg.version) },
  });
  const clientOut = path.join(outDir, 'prod', 'client.js');
  await build({
    absWorkingDir: ROOT, entryPoints: ['client/src/extension.ts'], outfile: clientOut, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    minify: true, sourcemap: false, logLevel: 'warning', mainFields: ['module', 'main'], legalComments: 'none', external: ['vscode'],
    define: { PAPER_DIGEST_VERSION: JSON.stringify(pkg.version) },
  });
  return {
    devServer: size(path.join(ROOT, 'dist', 'server.js')),
    devClient: size(path.join(ROOT, 'dist', 'client.js')),
    prodServer: size(outfile),
    prodClient: size(clientOut),
    prodServerFile: outfile,
    biggest: biggestPackages(r.metafile!, outfile),
  };
}

function biggestPackages(meta: Metafile, outfile: string): { name: string; bytes: number }[] {
  const out = Object.entries(meta.outputs).find(([f]) => path.resolve(ROOT, f) === outfile)?.[1];
  const by = new Map<string, number>();
  for (const [input, info] of Object.entries(out?.inputs ?? {})) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const name = m ? m[1] : input.startsWith('server/') ? '(our server code)' : input;
    by.set(name, (by.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...by].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 8);
}
