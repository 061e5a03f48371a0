import * as assert from 'assert';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { run, tempProject } from './cli';

describe('cli: glossary check', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempProject({
      'good.glossary.json': JSON.stringify({
        terms: [{ ko: '미세 조정', en: 'fine-tuning', avoid: ['파인튜닝'] }],
        specs: [{ from: '파인튜닝을 했다', to: '미세 조정을 했다' }],
      }, null, 2),
      'schema.glossary.json': '{\n  "terms": [\n    { "ko": "미세 조정", "english": "fine-tuning" }\n  ]\n}\n',
      'spec.glossary.json': JSON.stringify({
        terms: [{ ko: '미세 조정', en: 'fine-tuning', avoid: ['파인튜닝'] }],
        specs: [{ from: '파인튜닝을 했다', to: '파인 튜닝을 했다' }],
      }, null, 2),
      'dup.glossary.json': '{"terms": [\n{"ko": "정렬", "en": "alignment"},\n{"ko": "맞춤", "en": "Alignment"}\n]}\n',
      'broken.glossary.json': '{"terms": [}\n',
    }));
  });
  after(() => cleanup());

  it('a valid glossary whose specs pass: exit 0 and a summary', () => {
    const r = run(['glossary', 'check', 'good.glossary.json'], dir);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.strictEqual(r.stdout, 'good.glossary.json: 1 terms, 1 self-test specs passed\n');
  });

  it('the built-in glossary passes its own check', () => {
    const r = run(['glossary', 'check', path.join(ROOT, 'server/src/engine/glossary/default-glossary.json')], dir);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
  });

  it('schema errors, failing specs, duplicate terms and bad JSON: exit 1, each at file:line:col', () => {
    const r = run(['glossary', 'check', 'schema.glossary.json', 'spec.glossary.json', 'dup.glossary.json', 'broken.glossary.json'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^schema\.glossary\.json:3:\d+: .*english/m);
    assert.match(r.stdout, /^spec\.glossary\.json:\d+:\d+: Glossary spec failed: "파인튜닝을 했다" gives "미세 조정을 했다", expected "파인 튜닝을 했다"$/m);
    assert.match(r.stdout, /^dup\.glossary\.json:3:20: Duplicate English term "Alignment"/m);
    assert.match(r.stdout, /^broken\.glossary\.json:1:12: Invalid JSON/m);
    assert.doesNotMatch(r.stdout, /passed/);
  });

  it('usage errors: exit 2', () => {
    assert.strictEqual(run(['glossary', 'frob', 'x.json'], dir).code, 2);
    assert.strictEqual(run(['glossary', 'check'], dir).code, 2);
    assert.match(run(['glossary', 'check', 'missing.json'], dir).stderr, /Cannot read missing\.json: ENOENT/);
  });

  it('lint with a broken --glossary: exit 2 naming the glossary file', () => {
    const { dir: d2, cleanup: c2 } = tempProject({ 'x.digest.md': '### 1. 제목\n' });
    try {
      const r = run(['lint', '--glossary', path.join(dir, 'dup.glossary.json'), 'x.digest.md'], d2);
      assert.strictEqual(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /dup\.glossary\.json:3:20: Duplicate English term/);
    } finally { c2(); }
  });
});
