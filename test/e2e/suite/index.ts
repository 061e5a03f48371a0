/**
 * Extension-host entry of the e2e suite: VS Code (code-server or desktop, see test/e2e/README.md)
 * calls run() inside the extension host once the workbench is up. Runs every compiled
 * `*.test.js` next to this file with mocha (tdd UI) and prints the plain closing line
 * "N passed, N failed" that CI log readers look for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.E2E_GREP;
  if (only) mocha.grep(only);
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const s = runner.stats;
      console.log(`${s?.passes ?? 0} passed, ${s?.failures ?? failures} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
