import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, builtinProfile, applyEdits as applyAll, type CheckResult, type OffsetEdit } from '../../server/src/engine';
const applyEdits = (text: string, edits: OffsetEdit[]) => applyAll(text, edits).text;
import { suppressionEdit } from '../../server/src/engine/suppress';
import { renderDigest } from '../../server/src/engine/render';
import { FIXTURES } from '../support/paths';

// "Disable RULE for this line / for this file" (issue 15): the comment each quick fix writes must
// silence exactly that finding (line) or that rule (file), leave every other finding as it was, and
// change nothing a reader sees. Checked on every finding of the seed, in memory.
const profile = builtinProfile('weekly-digest-ko')!;
const check = (text: string) => checkText(text, { profile, locale: 'en' });
const key = (r: CheckResult) => r.findings.map(f => { const p = r.lineIndex.positionAt(f.span.start); return `${f.rule}@${p.line}:${f.message}`; });
// What a reader sees: the rendered HTML with whitespace collapsed as a browser does (the comment leaves a space at a line end).
const html = (r: CheckResult) => renderDigest(r.digest, { lineIndex: r.lineIndex }).html.replace(/ data-line="\d+"/g, '').replace(/\s+/g, ' ').replace(/ (<\/?(p|li|h\d|ul|ol|blockquote)\b)/g, '$1').replace(/(<\/?(p|li|h\d|ul|ol|blockquote)\b[^>]*>) /g, '$1');

describe('suppression quick fixes', function () {
  this.timeout(60000);
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const before = check(seed);

  it('for this line: every seed finding silenced alone, nothing else changes, nothing renders differently', () => {
    let offered = 0;
    for (const f of before.findings) {
      const edit = suppressionEdit(seed, before.digest.root, f, 'line');
      if (!edit) continue;
      offered++;
      const text = applyEdits(seed, [edit]);
      const after = check(text);
      const line = before.lineIndex.positionAt(f.span.start).line;
      const gone = key(before).filter(k => k.startsWith(`${f.rule}@${line}:`));
      const expected = key(before).filter(k => !gone.includes(k));
      // A comment on a line of its own (before a heading) moves the lines below it down: compare in the old numbering.
      const added = (edit.text.match(/\n/g) ?? []).length, at = before.lineIndex.positionAt(edit.start).line;
      const oldLines = after.findings.map(g => { const p = after.lineIndex.positionAt(g.span.start); return `${g.rule}@${p.line >= at + added ? p.line - added : p.line}:${g.message}`; });
      assert.deepStrictEqual(oldLines, expected, `${f.rule} at line ${line + 1}: ${edit.text}`);
      assert.strictEqual(html(after), html(before), `renders the same after silencing ${f.rule} at line ${line + 1}`);
    }
    assert.ok(offered >= before.findings.length - 3, `offered for ${offered} of ${before.findings.length}`);
  });

  it('for this file: the rule is silenced everywhere and only it; a second rule joins the same comment', () => {
    const f = before.findings.find(x => x.rule === 'promo-content')!;
    const once = applyEdits(seed, [suppressionEdit(seed, before.digest.root, f, 'file')!]);
    assert.ok(once.startsWith('<!-- digest-disable promo-content -->\n\n'));
    const r1 = check(once);
    assert.deepStrictEqual(key(r1).map(k => k.split('@')[0]).filter(x => x === 'promo-content'), []);
    assert.strictEqual(r1.findings.length, before.findings.length - before.findings.filter(x => x.rule === 'promo-content').length);
    const g = r1.findings.find(x => x.rule === 'cjk-emphasis')!;
    const twice = applyEdits(once, [suppressionEdit(once, r1.digest.root, g, 'file')!]);
    assert.ok(twice.startsWith('<!-- digest-disable promo-content cjk-emphasis -->\n\n'), twice.slice(0, 80));
    assert.ok(!check(twice).findings.some(x => x.rule === 'cjk-emphasis' || x.rule === 'promo-content'));
    assert.strictEqual(html(check(twice)), html(before));
  });

  it('keeps a hard break at the line end, joins an existing comment, and stays out of code and front matter', () => {
    const text = '---\ntitle: x\n---\n\n**표현 오토인코더(RAE)**가 좋다  \n다음 줄\n';
    const r = check(text);
    const f = r.findings.find(x => x.rule === 'cjk-emphasis')!;
    const once = applyEdits(text, [suppressionEdit(text, r.digest.root, f, 'line')!]);
    assert.match(once, /가 좋다 <!-- digest-disable-line cjk-emphasis -->  \n다음 줄/);
    const fake = { ...f, rule: 'term-pair-style' };
    const r2 = check(once);
    assert.match(applyEdits(once, [suppressionEdit(once, r2.digest.root, fake, 'line')!]), /<!-- digest-disable-line cjk-emphasis term-pair-style -->  \n/);
    assert.strictEqual(suppressionEdit(once, r2.digest.root, { ...f }, 'line'), undefined, 'already silenced');
    const file = applyEdits(text, [suppressionEdit(text, r.digest.root, f, 'file')!]);
    assert.ok(file.startsWith('---\ntitle: x\n---\n<!-- digest-disable cjk-emphasis -->\n\n'), file);
    const code = '```\n**굵게**가\n```\n';
    const rc = check(code);
    assert.strictEqual(suppressionEdit(code, rc.digest.root, { ...f, span: { start: 4, end: 8 } }, 'line'), undefined);
  });

  it('headings, thematic breaks and definitions get the comment on a line of their own; multi-line inline code gets none', () => {
    const at = (text: string, needle: string, rule = 'heading-level') => {
      const r = check(text);
      const start = text.indexOf(needle);
      return suppressionEdit(text, r.digest.root, { rule, severity: 'warning', message: '', span: { start, end: start + 1 }, fixes: [], related: [] }, 'line');
    };
    const heading = '앞 문단\n\n## 1. 제목 ##\n';
    assert.deepStrictEqual(at(heading, '## 1.'), { start: heading.indexOf('## 1.'), end: heading.indexOf('## 1.'), text: '<!-- digest-disable-next-line heading-level -->\n' });
    const once = applyEdits(heading, [at(heading, '## 1.')!]);
    assert.strictEqual(check(once).digest.root.children.find(n => n.type === 'heading')!.children.map(c => ('value' in c ? c.value : '')).join(''), '1. 제목', 'the closing ## is still a closing sequence');
    assert.match(applyEdits(once, [at(once, '## 1.', 'toc-mismatch')!]), /<!-- digest-disable-next-line heading-level toc-mismatch -->\n## 1\./);
    assert.match(at('문단\n\n---\n', '---')!.text, /^<!-- digest-disable-next-line/);
    assert.match(at('[논문]: https://arxiv.org/abs/2510.11690\n', '[논문]')!.text, /^<!-- digest-disable-next-line/);
    assert.strictEqual(at('글 `코드가\n이어짐` 끝\n', '글'), undefined, 'the comment would be code text');
    const slash = at('끝에 역빗금 두 개\\\\\n다음\n', '끝에')!;
    assert.strictEqual(slash.start, '끝에 역빗금 두 개\\\\'.length, 'an escaped backslash is not a hard break: the comment goes after it');
    const fm = '---\ntitle: x\n---';
    const r = check(fm);
    const file = suppressionEdit(fm, r.digest.root, { rule: 'toc-missing', severity: 'warning', message: '', span: { start: 0, end: 1 }, fixes: [], related: [] }, 'file')!;
    assert.strictEqual(applyEdits(fm, [file]), '---\ntitle: x\n---\n<!-- digest-disable toc-missing -->\n', 'the closing fence keeps its line');
  });
});
