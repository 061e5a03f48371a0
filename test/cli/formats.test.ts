import * as assert from 'assert';
import * as fs from 'fs';
import Ajv from 'ajv';
import { rules } from '../../server/src/engine';
import { run, tempProject, digest, type JsonReport } from './cli';
import { columns } from '../../server/src/cli/columns';

/**
 * The official SARIF 2.1.0 schema (OASIS, 2.1.0-rtm.5), as shipped by Microsoft's
 * @microsoft/jest-sarif. It is draft-04 JSON Schema: ajv 8 reads it once the draft-04 "id"
 * keyword is renamed "$id" (the schema uses no other draft-04-only keyword). Formats (uri,
 * date-time) are not validated by ajv here (URIs are checked separately below), and its patterns
 * are compiled without the "u" flag, as they were written for (one is invalid in unicode mode).
 */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

describe('cli: output formats', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempProject({
      'clean.digest.md': digest('clean.digest.md'),
      'defects.digest.md': digest('defects.digest.md'),
      // Korean name, comma and colon: escaping in URIs and workflow commands.
      '주간,2025:w4.digest.md': digest('defects.digest.md'),
    }));
  });
  after(() => cleanup());

  it('json: exactly the public shape, one document, 0-based UTF-16 ranges', () => {
    const r = run(['lint', '--format', 'json', 'clean.digest.md', 'defects.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as JsonReport;
    assert.deepStrictEqual(Object.keys(doc), ['version', 'files']);
    assert.strictEqual(doc.version, 1);
    assert.deepStrictEqual(doc.files.map(f => f.path), ['clean.digest.md', 'defects.digest.md']);
    assert.deepStrictEqual(doc.files[0].diagnostics, []);
    for (const f of doc.files) {
      assert.deepStrictEqual(Object.keys(f), ['path', 'diagnostics']);
      for (const d of f.diagnostics) {
        assert.deepStrictEqual(Object.keys(d), ['rule', 'severity', 'message', 'range', 'fixable']);
        assert.deepStrictEqual(Object.keys(d.range), ['start', 'end']);
        assert.deepStrictEqual(Object.keys(d.range.start), ['line', 'character']);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      }
    }
    const toc = doc.files[1].diagnostics.find(d => d.rule === 'toc-mismatch')!;
    // "1. 첫째 묶음 동향" on line 4 (0-based 3): the title starts after "1. ".
    assert.deepStrictEqual(toc.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 11 } });
    assert.strictEqual(toc.fixable, true);
    const num = doc.files[1].diagnostics.find(d => d.rule === 'paper-numbering')!;
    assert.deepStrictEqual(num.range.start, { line: 29, character: 5 });
  });

  it('stylish: file:line:col  severity  message  rule, 1-based, with a summary', () => {
    const r = run(['lint', 'defects.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('defects.digest.md:4:4  warning  The table of contents says "첫째 묶음 동향", but section 1 is titled "첫째 묶음"; make them the same  toc-mismatch'), r.stdout);
    assert.ok(lines.some(l => /^defects\.digest\.md:30:6  warning  .*  paper-numbering$/.test(l)), r.stdout);
    assert.match(r.stdout, /Problems: \d+ \(errors: 0, warnings: \d+, other: \d+\)/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
    // Each finding is followed by its source line, the span underlined in terminal columns (Hangul is two wide).
    const at = lines.indexOf('defects.digest.md:4:4  warning  The table of contents says "첫째 묶음 동향", but section 1 is titled "첫째 묶음"; make them the same  toc-mismatch');
    assert.match(lines[at + 1], /^  4 \| 1\. 첫째 묶음 동향/);
    const caret = lines[at + 2].indexOf('^'), text = lines[at + 1];
    assert.strictEqual(caret, columns(text.slice(0, text.indexOf('첫째'))), 'the underline starts under "첫째" (columns, not UTF-16 units)');
    assert.strictEqual(lines[at + 2].trim().replace(/^\|\s*/, ''), '^'.repeat(columns('첫째 묶음 동향')));
    const clean = run(['lint', 'clean.digest.md'], dir);
    assert.strictEqual(clean.stdout, 'No problems found\n');
  });

  it('stylish: Korean messages with --locale ko', () => {
    const r = run(['lint', '--locale', 'ko', 'defects.digest.md'], dir);
    assert.match(r.stdout, /문제 \d+개 \(오류 0, 경고 \d+, 기타 \d+\)/);
  });

  it('stylish: a Korean profile speaks Korean on an English system (no --locale, LANG=C.UTF-8); an English profile speaks English', () => {
    const english = { PAPER_DIGEST_LOCALE: '', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const ko = run(['lint', 'defects.digest.md'], dir, english);
    assert.match(ko.stdout, /블록이 없습니다/);
    assert.match(ko.stdout, /문제 \d+개 \(오류 0, 경고 \d+, 기타 \d+\)/, 'the summary speaks the findings\' language');
    const en = run(['lint', '--profile', 'weekly-digest-en', 'defects.digest.md'], dir, { ...english, LANG: 'ko_KR.UTF-8' });
    assert.doesNotMatch(en.stdout, /[가-힣]{2,}(이|가|을|를)? (없습니다|있습니다)/);
    assert.match(en.stdout, /Problems: \d+ \(errors/);
    // Asked for, the language is what was asked.
    assert.doesNotMatch(run(['lint', '--locale', 'en', 'defects.digest.md'], dir, english).stdout, /블록이 없습니다/);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rules, help links, 1-based regions and fixes', () => {
    const r = run(['lint', '--format', 'sarif', 'clean.digest.md', 'defects.digest.md', '주간,2025:w4.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const log: any = JSON.parse(r.stdout);
    const validate = sarifValidator();
    const valid: boolean = validate(JSON.parse(r.stdout));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    // The validator does reject a broken log (so the check above means something).
    assert.strictEqual(validate({ ...log, version: '2.0.0' }), false);

    const run0 = log.runs[0];
    assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
    const driverRules: { id: string; helpUri: string }[] = run0.tool.driver.rules;
    assert.deepStrictEqual(driverRules.map(x => x.id), rules.map(x => x.id));
    for (const x of driverRules) assert.match(x.helpUri, new RegExp(`/docs/rules/${x.id}\\.md$`));
    const toc = run0.results.find((x: { ruleId: string }) => x.ruleId === 'toc-mismatch');
    assert.strictEqual(driverRules[toc.ruleIndex].id, 'toc-mismatch');
    assert.strictEqual(toc.level, 'warning');
    const loc = toc.locations[0].physicalLocation;
    assert.strictEqual(loc.artifactLocation.uri, 'defects.digest.md');
    assert.deepStrictEqual(loc.region, { startLine: 4, startColumn: 4, endLine: 4, endColumn: 12 });
    const change = toc.fixes[0].artifactChanges[0];
    assert.strictEqual(change.artifactLocation.uri, 'defects.digest.md');
    assert.ok(change.replacements[0].insertedContent.text.includes('1. 첫째 묶음'));
    // Every artifact URI is a well-formed relative reference (Korean, comma and colon escaped).
    const uris = new Set<string>(run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('%EC%A3%BC%EA%B0%84%2C2025%3Aw4.digest.md'), [...uris].join(' '));
    for (const u of uris) assert.match(u, /^[A-Za-z0-9%._~\-/]+$/);
    assert.strictEqual(new URL(run0.originalUriBaseIds['%SRCROOT%'].uri).protocol, 'file:');
  });

  it('github: workflow commands with escaped properties', () => {
    const r = run(['lint', '--format', 'github', 'clean.digest.md', '주간,2025:w4.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length >= 3);
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    assert.ok(lines.includes('::warning file=주간%2C2025%3Aw4.digest.md,line=4,col=4,endLine=4,endColumn=12,title=toc-mismatch::The table of contents says "첫째 묶음 동향", but section 1 is titled "첫째 묶음"; make them the same'), r.stdout);
  });

  it('github: error severity becomes ::error', () => {
    const r = run(['lint', '--format', 'github', '--rule', 'paper-numbering=error', 'defects.digest.md'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^::error file=defects\.digest\.md,line=30,col=6,.*title=paper-numbering::/m);
  });

  it('machine-readable stdout carries nothing else, even with --progress', () => {
    const r = run(['lint', '--format', 'json', '--progress', 'clean.digest.md', 'defects.digest.md'], dir);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
    assert.match(r.stderr, /\[2\/2\] 100%/);
  });
});
