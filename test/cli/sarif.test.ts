// --format sarif on the built CLI: artifact URIs relative to the working folder (or --sarif-root),
// absolute file: URIs for files outside it, tool.driver.version set; every log valid against the
// official SARIF 2.1.0 schema (@microsoft/jest-sarif's copy, checked with ajv).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv';
import { ROOT } from '../support/paths';
import { run, tempProject, digest } from './cli';

/** The schema is draft-04: ajv 8 reads it once "id" is "$id"; formats unchecked, patterns without the u flag. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}
const validate = sarifValidator();
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sarif(args: string[], cwd: string): any {
  const r = run(['lint', '--format', 'sarif', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return log;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const locations = (log: any): { uri: string; uriBaseId?: string }[] => log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation);

describe('cli: --format sarif (URIs, driver version, SARIF 2.1.0 schema)', function () {
  this.timeout(60000);
  const p = tempProject({
    'repo/docs/digests/w1.md': digest('defects.digest.md'),
    'repo/sub/defects.digest.md': digest('defects.digest.md'),
    'outside/defects.digest.md': digest('defects.digest.md'),
  });
  after(p.cleanup);
  const repo = () => path.join(p.dir, 'repo');

  it('the validator rejects a broken log (so passing it means something)', () => {
    const log = sarif(['sub/defects.digest.md'], repo());
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], tool: {} }] }), false);
  });

  it('tool.driver.version is the package version', () => {
    const log = sarif(['sub/defects.digest.md'], repo());
    assert.equal(log.runs[0].tool.driver.version, VERSION);
    assert.equal(log.runs[0].tool.driver.semanticVersion, VERSION);
  });

  it('files in the working folder: relative URIs with %SRCROOT% = the working folder', () => {
    const log = sarif(['sub/defects.digest.md', 'docs'], repo());
    const locs = locations(log);
    assert.ok(locs.length > 0);
    assert.deepEqual(new Set(locs.map(l => `${l.uriBaseId} ${l.uri}`)), new Set(['%SRCROOT% sub/defects.digest.md', '%SRCROOT% docs/digests/w1.md']));
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(repo()).href + '/');
    // Fixes point at the same artifact.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const fix = log.runs[0].results.find((x: any) => x.fixes)?.fixes[0].artifactChanges[0].artifactLocation;
    assert.ok(fix && fix.uriBaseId === '%SRCROOT%' && !fix.uri.startsWith('/'), JSON.stringify(fix));
  });

  it('a file outside the working folder: an absolute file: URI without uriBaseId (never a %SRCROOT%-based absolute path)', () => {
    const outside = path.join(p.dir, 'outside', 'defects.digest.md');
    for (const arg of ['../outside/defects.digest.md', outside]) {
      const locs = locations(sarif([arg], repo()));
      assert.ok(locs.length > 0);
      for (const l of locs) {
        assert.equal(l.uriBaseId, undefined, JSON.stringify(l));
        assert.equal(l.uri, pathToFileURL(outside).href);
      }
    }
  });

  it('--sarif-root DIR: URIs relative to DIR, %SRCROOT% = DIR', () => {
    const log = sarif(['--sarif-root', '..', 'sub/defects.digest.md', '../outside/defects.digest.md'], repo());
    assert.deepEqual(new Set(locations(log).map(l => `${l.uriBaseId} ${l.uri}`)), new Set(['%SRCROOT% repo/sub/defects.digest.md', '%SRCROOT% outside/defects.digest.md']));
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(p.dir).href + '/');
    const inner = sarif(['--sarif-root', 'sub', 'sub/defects.digest.md'], repo());
    assert.deepEqual(new Set(locations(inner).map(l => l.uri)), new Set(['defects.digest.md']));
  });
});
