/**
 * The web e2e run (npm run test:e2e does it after the desktop one): code-server.ts with the
 * extension's browser build alone (staged by `node scripts/build.mjs --e2e` in out/test/e2e/web/),
 * ?folder=memfs:/ws, and the web suite (test/e2e/web/suite.ts) inside the staged extension, which
 * registers the memfs: provider first.
 * Artefacts in test-output/e2e-web/. Exit code as code-server.ts's.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(path.resolve(process.argv[1] ?? '.')), '..', '..', '..');
const out = path.join(root, 'out', 'test', 'e2e', 'web');
const r = spawnSync(process.execPath, [...process.execArgv, path.join(root, 'test', 'e2e', 'runner', 'code-server.ts')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    E2E_EXTENSION_PATH: path.join(out, 'extension'),
    E2E_TESTS: path.join(out, 'extension', 'e2e', 'suite.js'), // inside the extension: the web worker host runs it
    E2E_WORKSPACE: path.join(root, 'test', 'e2e', 'web', 'workspace'),
    E2E_FOLDER_URI: 'memfs:/ws',
    E2E_OUTPUT_NAME: 'e2e-web',
  },
});
process.exit(r.status ?? 1);
