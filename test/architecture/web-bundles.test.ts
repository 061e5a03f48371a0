import * as assert from 'assert';
import * as path from 'path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ROOT } from '../support/paths';

// The web extension's bundles (package.json "browser") must load in a web worker: no Node
// built-in module, no DOM (a worker has none), no code generated at run time (new Function: ajv's
// compiler; the validators are precompiled). Bundled here with the build's own options.
/** scripts/web-build.mjs, as this test uses it. */
interface WebBuild {
  webBundles: (BuildOptions & { outfile: string })[];
  webBuildOptions(bundle: BuildOptions): BuildOptions & { metafile: true };
  nodeBuiltinsIn(metafile: Metafile): string[];
}

describe('web build: the browser bundles', function () {
  this.timeout(120000);
  for (const name of ['dist/web/client.js', 'dist/web/server.js']) {
    it(`${name}: no Node built-in, no DOM, no generated code`, async () => {
      const web = await import(path.join(ROOT, 'scripts', 'web-build.mjs')) as WebBuild;
      const bundle = web.webBundles.find(b => b.outfile === name)!;
      const r = await build({ ...web.webBuildOptions(bundle), absWorkingDir: ROOT, write: false, logLevel: 'silent' });
      assert.deepStrictEqual(web.nodeBuiltinsIn(r.metafile!), []);
      const code = r.outputFiles![0].text;
      for (const bad of ['document.createElement', 'new Function(', 'require("fs")', 'require("path")']) assert.ok(!code.includes(bad), `${name} contains ${bad}`);
    });
  }
});
