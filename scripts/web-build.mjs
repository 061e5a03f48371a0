// The web extension's two bundles (package.json "browser"): the client in VS Code's web worker
// extension host and the language server in a web worker of its own. Shared by build.mjs and the
// test that checks they import no Node built-in (test/build/web-bundles.test.ts).
import { builtinModules } from 'module';

export const webBundles = [
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife' },
];

/** esbuild options for one web bundle; `common` brings the project-wide ones (minify, sourcemap, version). */
export function webBuildOptions(bundle, common = {}) {
  return {
    ...common, ...bundle, bundle: true, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'],
    // Both run in workers, which have no DOM: packages' "worker" builds, not their "browser" (DOM) ones.
    conditions: ['worker'],
    define: { ...common.define, PAPER_DIGEST_WEB: 'true' },
    metafile: true,
  };
}

const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

/** The Node built-in modules a bundle's metafile shows imported (should be none). */
export function nodeBuiltinsIn(metafile) {
  const found = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imp of input.imports) if (builtins.has(imp.original ?? imp.path) || builtins.has(imp.path)) found.push(`${file} imports ${imp.original ?? imp.path}`);
  }
  return found;
}
