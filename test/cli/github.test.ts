// --format github on the built CLI: errors, then warnings, then notices; at most 10 of each
// (GitHub's limit per step) with a line saying what was cut; every finding in $GITHUB_STEP_SUMMARY.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { run, tempProject, digest } from './cli';

const KINDS = ['error', 'warning', 'notice'];
const kindOf = (line: string) => /^::(error|warning|notice) /.exec(line)?.[1];

describe('cli: --format github (annotations within GitHub\'s limits, step summary)', function () {
  this.timeout(60000);
  const example = fs.readFileSync(path.join(ROOT, 'examples', 'weekly.digest.md'), 'utf8');
  const p = tempProject({
    'a.digest.md': example, 'b.digest.md': example, 'defects.digest.md': digest('defects.digest.md'), 'clean.digest.md': digest('clean.digest.md'),
  });
  after(p.cleanup);
  const all = ['a.digest.md', 'b.digest.md', 'defects.digest.md'];
  // paper-numbering as an error: 3 errors (one per file) among many warnings and notices.
  const args = ['lint', '--format', 'github', '--rule', 'paper-numbering=error', ...all];
  const json = run(['lint', '--format', 'json', '--rule', 'paper-numbering=error', ...all], p.dir);
  const counts = { error: 0, warning: 0, notice: 0 } as Record<string, number>;
  for (const f of JSON.parse(json.stdout).files) for (const d of f.diagnostics) counts[d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice']++;

  it('the sample has more than 10 warnings and notices (so the limits matter)', () => {
    assert.ok(counts.error >= 1 && counts.warning > 10 && counts.notice > 4, JSON.stringify(counts));
  });

  it('errors first, then warnings, then notices; at most 10 of each; a line says what was cut', () => {
    const r = run(args, p.dir, { GITHUB_STEP_SUMMARY: '' });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const annotations = lines.filter(kindOf);
    const order = annotations.map(l => KINDS.indexOf(kindOf(l)!));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'errors, warnings, notices in that order');
    for (const k of KINDS) {
      const n = annotations.filter(l => kindOf(l) === k).length;
      assert.equal(n, Math.min(10, counts[k]), `${k}: ${n} shown of ${counts[k]}`);
    }
    const rest = lines.filter(l => !kindOf(l));
    assert.equal(rest.length, 1, rest.join('\n'));
    assert.equal(rest[0], `paper-digest: GitHub shows at most 10 annotations of each kind per step; shown: errors ${Math.min(10, counts.error)}/${counts.error}, warnings 10/${counts.warning}, notices ${Math.min(10, counts.notice)}/${counts.notice}. Run with --format stylish to see every finding.`);
  });

  it('no cut line when everything fits', () => {
    const r = run(['lint', '--format', 'github', 'defects.digest.md'], p.dir, { GITHUB_STEP_SUMMARY: '' });
    assert.equal(r.code, 0, r.stderr);
    for (const l of r.stdout.trimEnd().split('\n')) assert.ok(kindOf(l), l);
  });

  it('GITHUB_STEP_SUMMARY: every finding appended as a Markdown table, in the same order', () => {
    const summary = path.join(p.dir, 'summary.md');
    fs.writeFileSync(summary, '# earlier step\n\n');
    const r = run(args, p.dir, { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Every finding is listed in the job summary\.$/m);
    const md = fs.readFileSync(summary, 'utf8');
    assert.ok(md.startsWith('# earlier step\n\n### paper-digest\n'), 'appended, not overwritten');
    const total = counts.error + counts.warning + counts.notice;
    assert.match(md, new RegExp(`^Problems: ${total} \\(errors: ${counts.error}, warnings: ${counts.warning}, other: ${counts.notice}\\)$`, 'm'));
    assert.match(md, /^GitHub shows only the first 10 annotations of each kind; every finding is listed in the table below\.$/m);
    assert.match(md, /^\| Severity \| Location \| Message \| Rule \|$/m);
    const rows = md.split('\n').filter(l => /^\| (error|warning|information|hint) \|/.test(l));
    assert.equal(rows.length, total);
    const sev = rows.map(l => /^\| (\w+)/.exec(l)![1]).map(s => (s === 'error' ? 0 : s === 'warning' ? 1 : 2));
    assert.deepEqual(sev, [...sev].sort((a, b) => a - b));
    assert.ok(rows.some(l => /^\| error \| `a\.digest\.md:\d+:\d+` \| .+ \| `paper-numbering` \|$/.test(l)), rows.join('\n'));
    // Each row is one table row: exactly 5 unescaped pipes.
    for (const l of rows) assert.equal(l.replace(/\\\|/g, '').split('|').length, 6, l);
  });

  it('GITHUB_STEP_SUMMARY with no findings says so', () => {
    const summary = path.join(p.dir, 'clean-summary.md');
    const r = run(['lint', '--format', 'github', 'clean.digest.md'], p.dir, { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(summary, 'utf8'), '### paper-digest\n\nNo problems found\n\n');
  });
});
