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
      const edit = suppressionEdit(seed, before.digest.root, before.lineIndex, f, 'line');
      if (!edit) continue;
      offered++;
      const text = applyEdits(seed, [edit]);
      const after = check(text);
      const line = before.lineIndex.positionAt(f.span.start).line;
      const gone = key(before).filter(k => k.startsWith(`${f.rule}@${line}:`));
      const expected = key(before).filter(k => !gone.includes(k));
      assert.deepStrictEqual(key(after), expected, `${f.rule} at line ${line + 1}: ${edit.text}`);
      assert.strictEqual(html(after), html(before), `renders the same after silencing ${f.rule} at line ${line + 1}`);
    }
    assert.ok(offered >= before.findings.length - 3, `offered for ${offered} of ${before.findings.length}`);
  });

  it('for this file: the rule is silenced everywhere and only it; a second rule joins the same comment', () => {
    const f = before.findings.find(x => x.rule === 'promo-content')!;
    const once = applyEdits(seed, [suppressionEdit(seed, before.digest.root, before.lineIndex, f, 'file')!]);
    assert.ok(once.startsWith('<!-- digest-disable promo-content -->\n\n'));
    const r1 = check(once);
    assert.deepStrictEqual(key(r1).map(k => k.split('@')[0]).filter(x => x === 'promo-content'), []);
    assert.strictEqual(r1.findings.length, before.findings.length - before.findings.filter(x => x.rule === 'promo-content').length);
    const g = r1.findings.find(x => x.rule === 'cjk-emphasis')!;
    const twice = applyEdits(once, [suppressionEdit(once, r1.digest.root, r1.lineIndex, g, 'file')!]);
    assert.ok(twice.startsWith('<!-- digest-disable promo-content cjk-emphasis -->\n\n'), twice.slice(0, 80));
    assert.ok(!check(twice).findings.some(x => x.rule === 'cjk-emphasis' || x.rule === 'promo-content'));
    assert.strictEqual(html(check(twice)), html(before));
  });

  it('keeps a hard break at the line end, joins an existing comment, and stays out of code and front matter', () => {
    const text = '---\ntitle: x\n---\n\n**표현 오토인코더(RAE)**가 좋다  \n다음 줄\n';
    const r = check(text);
    const f = r.findings.find(x => x.rule === 'cjk-emphasis')!;
    const once = applyEdits(text, [suppressionEdit(text, r.digest.root, r.lineIndex, f, 'line')!]);
    assert.match(once, /가 좋다 <!-- digest-disable-line cjk-emphasis -->  \n다음 줄/);
    const fake = { ...f, rule: 'term-pair-style' };
    const r2 = check(once);
    assert.match(applyEdits(once, [suppressionEdit(once, r2.digest.root, r2.lineIndex, fake, 'line')!]), /<!-- digest-disable-line cjk-emphasis term-pair-style -->  \n/);
    assert.strictEqual(suppressionEdit(once, r2.digest.root, r2.lineIndex, { ...f }, 'line'), undefined, 'already silenced');
    const file = applyEdits(text, [suppressionEdit(text, r.digest.root, r.lineIndex, f, 'file')!]);
    assert.ok(file.startsWith('---\ntitle: x\n---\n<!-- digest-disable cjk-emphasis -->\n\n'), file);
    const code = '```\n**굵게**가\n```\n';
    const rc = check(code);
    assert.strictEqual(suppressionEdit(code, rc.digest.root, rc.lineIndex, { ...f, span: { start: 4, end: 8 } }, 'line'), undefined);
  });
});
