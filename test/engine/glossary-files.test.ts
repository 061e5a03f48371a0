import * as assert from 'assert';
import * as path from 'path';
import { ConfigResolver, lintText, formatProblem, type FileReader } from '../../server/src/engine';
import { GlossaryResolver, builtinLayer, validateBuiltinGlossary, loadGlossaryText, addEntryEdits, lookupEn, BUILTIN_GLOSSARY } from '../../server/src/engine/glossary';

/** An in-memory file system whose stamps change when a file's text changes. */
function memFs(files: Record<string, string>): FileReader & { files: Record<string, string> } {
  let n = 0;
  const stamps = new Map<string, string>();
  return {
    files,
    readFile: f => files[f],
    stamp: f => {
      if (!(f in files)) return undefined;
      const key = `${f}\0${files[f]}`;
      if (!stamps.has(key)) stamps.set(key, String(++n));
      return stamps.get(key);
    },
  };
}
const at = (text: string, offset: number) => formatProblem('g.json', text, { span: { start: offset, end: offset }, message: '', path: '' }).split(':').slice(1, 3).join(':');

describe('glossary files', () => {
  it('the built-in glossary validates, has at least 300 terms, and its specs pass', () => {
    // Validated here, not at every start (builtin.ts).
    assert.deepStrictEqual(validateBuiltinGlossary(), []);
    const b = builtinLayer();
    assert.deepStrictEqual(b.problems, []);
    assert.ok(b.layer.data.terms.length >= 300, `${b.layer.data.terms.length} terms`);
    const r = new GlossaryResolver(memFs({})).resolve('/w/a.md');
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(lookupEn(r.glossary, 'fine-tuning')?.ko, '미세 조정');
    assert.strictEqual(lookupEn(r.glossary, 'post-training')?.ko, '후속 학습');
  });

  it('locates a schema error at the offending entry value', () => {
    const text = '{\n  "terms": [\n    { "ko": "잠재 공간", "en": "latent space" },\n    { "ko": "정렬", "en": 42 }\n  ]\n}\n';
    const r = loadGlossaryText(text, 'g.json');
    assert.strictEqual(r.layer, undefined);
    assert.strictEqual(r.problems.length, 1);
    assert.strictEqual(at(text, r.problems[0].span.start), '4:25');
    assert.match(r.problems[0].message, /terms\/1\/en/);
  });

  it('locates an unknown property, a missing field and a duplicate English term', () => {
    const text = '{"terms": [{"ko": "가", "en": "a", "kor": "x"}, {"ko": "나"}, {"ko": "다", "en": "A"}]}';
    const r = loadGlossaryText(text, 'g.json');
    const msgs = r.problems.map(p => `${text.slice(p.span.start, p.span.end)} ${p.message}`);
    assert.ok(msgs.some(m => m.startsWith('"kor" Unknown property')), msgs.join('\n'));
    assert.ok(msgs.some(m => /required/.test(m)), msgs.join('\n'));
    const dup = loadGlossaryText('{"terms": [{"ko": "가", "en": "a b"}, {"ko": "다", "en": "A-B"}]}', 'g.json');
    assert.match(dup.problems[0].message, /Duplicate English term "A-B"/);
  });

  it('reports a failing self-test spec at that spec, and passes a good one', () => {
    const text = '{\n  "terms": [{ "ko": "미세 조정", "en": "fine-tuning", "avoid": ["파인튜닝"] }],\n  "specs": [\n    { "from": "파인튜닝을 했다", "to": "미세 조정을 했다" },\n    { "from": "파인튜닝은", "to": "파인튜닝은" }\n  ]\n}';
    const fs = memFs({ '/w/.paper-digest/glossary.json': text });
    const r = new GlossaryResolver(fs).resolve('/w/doc.md');
    assert.strictEqual(r.problems.length, 1);
    const [p] = r.problems[0].problems;
    assert.strictEqual(r.problems[0].file, '/w/.paper-digest/glossary.json');
    assert.strictEqual(at(text, p.span.start), '5:5');
    assert.match(p.message, /gives "미세 조정은", expected "파인튜닝은"/);
  });

  it('stacks built-in, configured, then workspace glossaries; later entries win for the same English', () => {
    const fs = memFs({
      '/w/team.json': JSON.stringify({ terms: [{ ko: '파인튜닝', en: 'fine-tuning' }, { ko: '팀 용어', en: 'team term' }] }),
      '/w/proj/.paper-digest/glossary.json': JSON.stringify({ terms: [{ ko: '팀의 용어', en: 'Team Term' }] }),
    });
    const r = new GlossaryResolver(fs).resolve('/w/proj/sub/doc.md', ['/w/team.json']);
    assert.deepStrictEqual(r.files, [BUILTIN_GLOSSARY, '/w/team.json', '/w/proj/.paper-digest/glossary.json']);
    assert.strictEqual(lookupEn(r.glossary, 'fine-tuning')?.ko, '파인튜닝');
    assert.strictEqual(lookupEn(r.glossary, 'team term')?.ko, '팀의 용어');
    assert.strictEqual(lookupEn(r.glossary, 'team term')?.file, '/w/proj/.paper-digest/glossary.json');
  });

  it('keeps the last good glossary when the file becomes malformed, and recovers', () => {
    const file = '/w/.paper-digest/glossary.json';
    const fs = memFs({ [file]: JSON.stringify({ terms: [{ ko: '우리 용어', en: 'our term' }] }) });
    const resolver = new GlossaryResolver(fs);
    assert.strictEqual(lookupEn(resolver.resolve('/w/a.md').glossary, 'our term')?.ko, '우리 용어');
    fs.files[file] = '{"terms": [ {"ko": "우리 용어", "en": } ]}';
    const broken = resolver.resolve('/w/a.md');
    assert.strictEqual(broken.problems[0].file, file);
    assert.match(broken.problems[0].problems[0].message, /Invalid JSON/);
    assert.strictEqual(lookupEn(broken.glossary, 'our term')?.ko, '우리 용어', 'last good glossary still in use');
    fs.files[file] = JSON.stringify({ terms: [{ ko: '새 용어', en: 'our term' }] });
    const fixed = resolver.resolve('/w/a.md');
    assert.deepStrictEqual(fixed.problems, []);
    assert.strictEqual(lookupEn(fixed.glossary, 'our term')?.ko, '새 용어');
  });

  it('lintText uses the workspace glossary and reports its problems as configuration problems', () => {
    const fs = memFs({
      '/w/.paper-digest/glossary.json': JSON.stringify({ terms: [{ ko: '후속 학습', en: 'fine-tuning' }] }),
      '/w/bad/.paper-digest/glossary.json': '{"terms": 3}',
    });
    const resolver = new ConfigResolver(fs);
    const ok = lintText('후속 학습(fine-tuning)을 했다.', '/w/doc.md', { resolver });
    assert.ok(!ok.result.findings.some(f => f.rule === 'term-mismatch'), 'the workspace glossary overrides the built-in entry');
    const bad = lintText('후속 학습(fine-tuning)을 했다.', '/w/bad/doc.md', { resolver });
    assert.strictEqual(bad.config.problems.length, 1);
    assert.strictEqual(bad.config.problems[0].file, path.join('/w/bad', '.paper-digest', 'glossary.json'));
    assert.ok(bad.result.findings.some(f => f.rule === 'term-mismatch'), 'built-in glossary still used');
  });

  describe('adding an entry to the workspace glossary', () => {
    it('creates the file when there is none', () => {
      const r = addEntryEdits(undefined, { ko: '표현 오토인코더', en: 'Representation Autoencoders', abbr: 'RAE' });
      assert.strictEqual(r.create, true);
      const parsed = JSON.parse(r.text);
      assert.deepStrictEqual(parsed.terms, [{ ko: '표현 오토인코더', en: 'Representation Autoencoders', abbr: 'RAE' }]);
      assert.deepStrictEqual(loadGlossaryText(r.text, 'x').problems, []);
    });
    it('appends keeping the existing formatting and comments-free JSON valid', () => {
      const text = '{\n    "terms": [\n        {"ko": "가", "en": "a"}\n    ],\n    "knownAbbreviations": ["XYZ"]\n}\n';
      const r = addEntryEdits(text, { ko: '나', en: 'b' });
      assert.strictEqual(r.create, false);
      assert.ok(r.text.startsWith('{\n    "terms": [\n        {"ko": "가", "en": "a"},\n'), r.text);
      assert.ok(r.text.includes('"knownAbbreviations": ["XYZ"]'));
      assert.deepStrictEqual(JSON.parse(r.text).terms.map((t: { en: string }) => t.en), ['a', 'b']);
    });
    it('replaces an entry with the same English instead of duplicating it', () => {
      const r = addEntryEdits('{"terms": [{"ko": "가", "en": "A"}]}', { ko: '나', en: 'a' });
      assert.deepStrictEqual(JSON.parse(r.text).terms, [{ ko: '나', en: 'a' }]);
    });
  });
});

describe('adding an entry: formatting styles', () => {
  it('copies a pretty-printed style', () => {
    const text = '{\n  "terms": [\n    {\n      "ko": "가",\n      "en": "a"\n    }\n  ]\n}\n';
    const r = addEntryEdits(text, { ko: '나', en: 'b' });
    assert.strictEqual(r.text, '{\n  "terms": [\n    {\n      "ko": "가",\n      "en": "a"\n    },\n    {\n      "ko": "나",\n      "en": "b"\n    }\n  ]\n}\n');
  });
  it('fills an empty terms array and a file without one', () => {
    assert.deepStrictEqual(JSON.parse(addEntryEdits('{"terms": []}', { ko: '나', en: 'b' }).text).terms, [{ ko: '나', en: 'b' }]);
    assert.deepStrictEqual(JSON.parse(addEntryEdits('{"knownAbbreviations": []}', { ko: '나', en: 'b' }).text), { terms: [{ ko: '나', en: 'b' }], knownAbbreviations: [] });
    assert.deepStrictEqual(JSON.parse(addEntryEdits('{}', { ko: '나', en: 'b' }).text), { terms: [{ ko: '나', en: 'b' }] });
  });
});
