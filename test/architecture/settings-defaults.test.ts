// Settings are defined once (shared/settings.ts): package.json's contributed defaults, the CLI's
// default digest globs and the server's fallbacks are that one definition (issue 16).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../shared/settings';
import { DEFAULT_DIGEST_GLOBS } from '../../server/src/engine';
import { ROOT } from '../support/paths';

describe('settings defaults: one definition', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;

  it('package.json contributes every setting, with the default of shared/settings.ts', () => {
    const contributed = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.replace(`${SETTINGS_SECTION}.`, ''), v.default]));
    assert.deepStrictEqual(contributed, { ...DEFAULT_SETTINGS });
  });

  it('the CLI and the server pick digest files by the same default globs', () => {
    assert.strictEqual(DEFAULT_DIGEST_GLOBS, DEFAULT_SETTINGS.files);
  });
});
