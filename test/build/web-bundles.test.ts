import * as assert from 'assert';
import { build } from 'esbuild';
import { ROOT } from '../support/paths';

// The web extension's bundles (package.json "browser") must load in a web worker: no Node
// built-in module, no DOM (a worker has none), no code generated at run time (new Function: ajv's
// compiler; the validators are precompiled). Bundled here with the build's own options.
describe('web build: the browser bundles', function () {
  this.timeout(120000);
  for (const name of ['dist/web/client.js', 'dist/web/server.js']) {
    it(`${name}: no Node built-in, no DOM, no generated code`, async () => {
      const { webBundles, webBuildOptions, nodeBuiltinsIn } = await import('../../scripts/web-build.mjs' as string) as typeof import('../../scripts/web-build.mjs');
      const bundle = webBundles.find(b => b.outfile === name)!;
      const r = await build({ ...webBuildOptions(bundle), absWorkingDir: ROOT, write: false, logLevel: 'silent' });
      assert.deepStrictEqual(nodeBuiltinsIn(r.metafile!), []);
      const code = r.outputFiles[0].text;
      for (const bad of ['document.createElement', 'new Function(', 'require("fs")', 'require("path")']) assert.ok(!code.includes(bad), `${name} contains ${bad}`);
    });
  }
});
