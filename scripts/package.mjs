// `npm run package`: a production build (minified bundles, no source maps), then a .vsix made by
// @vscode/vsce with --no-dependencies (esbuild bundled everything the extension needs).
// Everything happens in a staging folder, so a concurrent `npm run build` (which writes dist/)
// cannot slip a development bundle into the package. The file list comes from .vscodeignore;
// this script refuses a package holding anything else, and prints the .vsix's size.
import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Files copied into the package, besides the bundles (globs are folders of one kind of file). */
const shipped = ['package.json', 'package.nls.json', 'package.nls.ko.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore',
  'schemas', 'snippets', 'l10n', 'media/icon.png', 'media/preview.js', 'media/preview.css'];
/** What may be in the .vsix: anything else means .vscodeignore let it through. */
const allowed = [
  /^package\.json$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^dist\/(client|server)\.js$/, /^schemas\/[^/]+\.json$/,
  /^snippets\/[^/]+\.code-snippets$/, /^l10n\/bundle\.l10n\.[a-z-]+\.json$/, /^media\/(icon\.png|preview\.js|preview\.css)$/,
  /^(README\.md|CHANGELOG\.md|LICENSE)$/,
];

for (const f of shipped) if (!existsSync(join(root, f))) fail(`missing ${f}: the package needs it`);

// README links are relative to the repository; the engine's rule-docs base names it (one source).
const docsBase = /RULE_DOCS_BASE = '([^']+)'/.exec(readFileSync(join(root, 'server/src/engine/index.ts'), 'utf8'))?.[1] ?? '';
const m = /^(https:\/\/[^]+?)\/blob\/([^/]+)\/docs\/rules\/$/.exec(docsBase);
if (!m) fail(`cannot derive the repository URL from RULE_DOCS_BASE (${docsBase})`);
const [, repoBase, branch] = m;

const stage = mkdtempSync(join(tmpdir(), 'paper-digest-package-'));
try {
  // Build with the sources linked in and dist/ written inside the staging folder.
  const links = ['client', 'server', 'shared', 'node_modules', 'schemas', 'tsconfig.json'];
  for (const l of links) symlinkSync(join(root, l), join(stage, l));
  process.stdout.write(run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], stage));
  for (const l of links) unlinkSync(join(stage, l));
  rmSync(join(stage, 'dist', 'cli.js'), { force: true });
  for (const f of shipped) {
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    cpSync(join(root, f), join(stage, f), { recursive: true });
  }

  const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage).split('\n').map(s => s.trim()).filter(Boolean);
  const unexpected = files.filter(f => !allowed.some(re => re.test(f)));
  if (unexpected.length) fail(`.vscodeignore lets through files the package must not hold:\n  ${unexpected.join('\n  ')}`);
  for (const need of ['dist/client.js', 'dist/server.js', 'media/icon.png', 'LICENSE']) if (!files.includes(need)) fail(`the package lacks ${need}`);
  for (const b of ['dist/client.js', 'dist/server.js']) {
    if (/sourceMappingURL/.test(readFileSync(join(stage, b), 'utf8').slice(-300))) fail(`${b} is not a production build`);
  }

  process.stdout.write(run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out,
    '--baseContentUrl', `${repoBase}/blob/${branch}`, '--baseImagesUrl', `${repoBase}/raw/${branch}`], stage));
  const size = statSync(out).size;
  console.log(files.map(f => `  ${f}  ${(statSync(join(stage, f)).size / 1024).toFixed(1)} KB`).join('\n'));
  console.log(`${files.length} files → ${out.slice(root.length + 1)}: ${(size / 1024).toFixed(0)} KB (${size} bytes)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function run(file, args, cwd) {
  try {
    return execFileSync(file, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  } catch (e) {
    fail(`${args.join(' ')} failed (exit ${e.status})`);
  }
}
function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
