import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES } from '../support/paths';
import { applyEdits, builtinProfile, checkText, type CheckOptions, type CheckResult, type Finding } from '../../server/src/engine';
import { fixAllText } from '../../server/src/engine/fix-all';

// Issue 12 ("Skeletons that help"): the block-missing fix inserts placeholder blocks inside the entry,
// in profile order, with the entry's own arXiv id; it is never safe, so fix-all leaves it alone;
// block-empty reports the placeholder until it is replaced.
const DIR = path.join(FIXTURES, 'block-skeleton');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
const ko: CheckOptions = { profile: builtinProfile('weekly-digest-ko')!, locale: 'en' };
const en: CheckOptions = { profile: builtinProfile('weekly-digest-en')!, locale: 'en' };
const ORDER = ['key-idea', 'methodology', 'findings', 'resources'];

const check = (text: string, o = ko) => {
  const r = checkText(text, o);
  assert.deepStrictEqual(r.failures, []);
  return r;
};
const missingOf = (r: CheckResult, paper: string): Finding | undefined =>
  r.findings.find(f => f.rule === 'block-missing' && r.digest.text.slice(f.span.start, f.span.end).startsWith(`#### ${paper}. `));
const paperOf = (r: CheckResult, n: string) => r.digest.papers.find(p => p.heading?.number?.join('.') === n)!;
const placeholders = (r: CheckResult) => r.findings.filter(f => f.rule === 'block-empty' && /placeholder/.test(f.message));

/** Applies the first fix of the paper's block-missing finding (the "insert all" one when several blocks are missing). */
function fixPaper(text: string, paper: string, o = ko): string {
  const f = missingOf(check(text, o), paper);
  assert.ok(f && f.fixes.length, `a block-missing fix for ${paper}`);
  const out = applyEdits(text, f!.fixes[0].edits);
  assert.deepStrictEqual(out.skipped, []);
  return out.text;
}

/** Applies block-missing fixes by hand, one at a time (the single-block ones), until none is left. */
function fixAllByHand(text: string, o = ko, single = true): string {
  for (let i = 0; i < 200; i++) {
    const f = check(text, o).findings.find(x => x.rule === 'block-missing' && x.fixes.length);
    if (!f) return text;
    const fix = single ? f.fixes[f.fixes.length > 1 && /missing blocks/.test(f.fixes[0].title) ? 1 : 0] : f.fixes[0];
    text = applyEdits(text, fix.edits).text;
  }
  assert.fail('block-missing fixes did not settle');
}

describe('block-missing skeletons (issue 12)', () => {
  describe('insertion inside the entry', () => {
    const text = read('inside-entry.md');

    it('goes before the entry\'s closing `---`, after the last content of the previous block', () => {
      const fixed = fixPaper(text, '1.1');
      const at = (s: string, from = 0) => fixed.indexOf(s, from);
      const free = at('자유 형식의 소제목 아래 내용입니다.');
      const inserted = at('**주요 방법론**');
      const hr = at('\n---\n', free);
      assert.ok(free < inserted && at('**중요 자료**') < hr && hr < at('#### 1.2.'), fixed);
      const p = paperOf(check(fixed), '1.1');
      assert.deepStrictEqual(p.blocks.map(b => b.spec.id), ORDER);
      assert.ok(!missingOf(check(fixed), '1.1'));
      // The entry still ends with its `---`, and the placeholder is a paragraph, not a setext heading.
      assert.strictEqual(p.nodes[p.nodes.length - 1].type, 'thematicBreak');
      assert.ok(!check(fixed).digest.headings.some(h => h.text.includes('작성 필요')));
    });

    it('goes before the next heading when the entry has no `---`, with a blank line before it', () => {
      const fixed = fixPaper(text, '1.2');
      assert.match(fixed, /목록으로 끝나는 블록입니다\.\n\n\*\*주요 방법론\*\*\n\n\(작성 필요\)\n\n[\s\S]*\*\*중요 자료\*\*:\n\n\(작성 필요\)\n\n#### 1\.3\./);
      assert.deepStrictEqual(paperOf(check(fixed), '1.2').blocks.map(b => b.spec.id), ORDER);
      assert.deepStrictEqual(paperOf(check(fixed), '1.3').blocks, []);
    });

    it('an entry without blocks gets them at the end of its content, before `---`', () => {
      const fixed = fixPaper(text, '1.3');
      assert.ok(fixed.endsWith('소개 문단만 있습니다.\n\n**핵심 아이디어**\n\n(작성 필요)\n\n**주요 방법론**\n\n(작성 필요)\n\n**가장 중요한 발견**\n\n(작성 필요)\n\n**중요 자료**:\n\n(작성 필요)\n\n---\n'), fixed);
    });

    it('fixes by hand, one block at a time, give the same text as inserting all at once', () => {
      let all = text;
      for (const p of ['1.1', '1.2', '1.3']) all = fixPaper(all, p);
      assert.strictEqual(fixAllByHand(text), all);
      assert.strictEqual(fixAllByHand(text, ko, false), all);
    });
  });

  describe('profile order', () => {
    const text = read('profile-order.md');

    it('a missing block goes before the first later block present when no earlier one is present', () => {
      const r = check(text);
      const f = missingOf(r, '1.1')!;
      assert.deepStrictEqual(f.fixes.map(x => x.title), [
        'Insert the 3 missing blocks',
        'Insert "핵심 아이디어" before "가장 중요한 발견"',
        'Insert "주요 방법론" before "가장 중요한 발견"',
        'Insert "중요 자료" after "가장 중요한 발견"',
      ]);
      const fixed = fixPaper(text, '1.1');
      assert.deepStrictEqual(paperOf(check(fixed), '1.1').blocks.map(b => b.spec.id), ORDER);
      assert.ok(fixed.includes('소개 문단입니다.\n\n**핵심 아이디어**\n\n(작성 필요)\n\n**주요 방법론**\n\n(작성 필요)\n\n**가장 중요한 발견**\n\n*   **발견**: 설명입니다.\n\n**중요 자료**:\n\n(작성 필요)\n\n---'), fixed);
    });

    it('missing middle blocks go right after the preceding block, before the later one', () => {
      const fixed = fixPaper(text, '1.2');
      assert.ok(fixed.includes('핵심 주장입니다.\n\n**주요 방법론**\n\n(작성 필요)\n\n**가장 중요한 발견**\n\n(작성 필요)\n\n**중요 자료**:\n[arXiv'), fixed);
      const r = check(fixed);
      assert.deepStrictEqual(paperOf(r, '1.2').blocks.map(b => b.spec.id), ORDER);
      assert.deepStrictEqual(r.findings.filter(f => f.rule === 'block-order'), []);
    });

    it('hand-picked single fixes in any order keep the profile order', () => {
      let t = text;
      for (const pick of [3, 2, 1]) { // resources first, then methodology, then key idea
        const f = missingOf(check(t), '1.1')!;
        const fix = f.fixes.find(x => x.title.includes(['', '핵심 아이디어', '주요 방법론', '중요 자료'][pick]))!;
        t = applyEdits(t, fix.edits).text;
      }
      assert.deepStrictEqual(paperOf(check(t), '1.1').blocks.map(b => b.spec.id), ORDER);
      assert.strictEqual(t, fixPaper(text, '1.1'));
    });
  });

  describe('arXiv id of the inserted resources block', () => {
    const text = read('arxiv-id.md');
    const fixed = fixAllByHand(text);
    const resources = (n: string) => {
      const r = check(fixed);
      const b = paperOf(r, n).blocks.find(x => x.spec.id === 'resources')!;
      return fixed.slice(b.span.start, b.span.end).replace(/\s*---$/, '');
    };

    it('takes the id of the entry\'s own abstract link (version kept)', () => {
      assert.strictEqual(resources('1.1'), '**중요 자료**:\n[arXiv 페이지 보기](https://arxiv.org/abs/2510.11690v2)\n[PDF 보기](https://arxiv.org/pdf/2510.11690v2)');
    });

    it('takes the id of a PDF link, also through a reference definition', () => {
      assert.strictEqual(resources('1.2'), '**중요 자료**:\n[arXiv 페이지 보기](https://arxiv.org/abs/2510.04871)\n[PDF 보기](https://arxiv.org/pdf/2510.04871)');
    });

    it('with no arXiv link in the entry, inserts the placeholder instead of an id-less URL', () => {
      assert.strictEqual(resources('1.3'), '**중요 자료**:\n\n(작성 필요)');
      assert.doesNotMatch(fixed, /arxiv\.org\/(?:abs|pdf)\/\)/);
    });

    it('the filled-in links satisfy resources-links; the placeholder block is reported by block-empty', () => {
      const r = check(fixed);
      const line = (f: Finding) => r.lineIndex.positionAt(f.span.start).line;
      const p13 = paperOf(r, '1.3').span;
      const inP13 = (f: Finding) => f.span.start >= p13.start && f.span.end <= p13.end;
      assert.ok(r.findings.filter(f => f.rule === 'resources-links').every(inP13), 'no resources-links finding in 1.1 or 1.2');
      assert.deepStrictEqual(placeholders(r).map(line), [r.lineIndex.positionAt(paperOf(r, '1.3').blocks[3].labelSpan.start).line]);
      assert.ok(!r.findings.some(f => f.rule === 'block-missing'));
    });

    it('English profile: English skeleton and placeholder', () => {
      const t = '#### 1.1. A paper\n\nSee [the paper](https://arxiv.org/abs/2510.11690).\n\n**Key Idea**\n\nText.\n';
      const out = fixAllByHand(t, en);
      assert.ok(out.includes('**Key Idea**\n\nText.\n\n**Methodology**\n\n(to be written)\n\n**Key Findings**\n\n(to be written)\n\n**Resources**:\n[arXiv](https://arxiv.org/abs/2510.11690)\n[PDF](https://arxiv.org/pdf/2510.11690)\n'), out);
      assert.strictEqual(placeholders(check(out, en)).length, 2);
    });
  });

  describe('block-empty reports the placeholder until it is replaced', () => {
    it('a block whose only content is the placeholder (paragraph, list item or the label\'s next line)', () => {
      const text = read('placeholder.md');
      const r = check(text);
      const marks = placeholders(r).map(f => `${r.lineIndex.positionAt(f.span.start).line + 1}: ${f.message}`);
      assert.deepStrictEqual(marks, [
        '10: The "핵심 아이디어" block holds only the placeholder "(작성 필요)"; replace it with real content',
        '14: The "주요 방법론" block holds only the placeholder "(작성 필요)"; replace it with real content',
        '22: The "중요 자료" block holds only the placeholder "(작성 필요)"; replace it with real content',
      ]);
      // Only the placeholder message, not "empty" as well.
      assert.strictEqual(r.findings.filter(f => f.rule === 'block-empty').length, 3);
    });

    it('Korean message: what is wrong, then what to do', () => {
      const r = checkText(read('placeholder.md'), { ...ko, locale: 'ko' });
      assert.strictEqual(r.findings.filter(f => f.rule === 'block-empty')[0].message, '"핵심 아이디어" 블록에 자리 표시 문구 "(작성 필요)"만 있습니다. 실제 내용으로 바꾸세요');
    });

    it('the English placeholder is reported too, and replacing it clears the finding', () => {
      const text = read('placeholder-en.md');
      const r = check(text, en);
      assert.deepStrictEqual(placeholders(r).map(f => f.message), ['The "Key Idea" block holds only the placeholder "(to be written)"; replace it with real content']);
      assert.deepStrictEqual(placeholders(check(text.replace('(to be written)', 'The idea.'), en)), []);
      assert.deepStrictEqual(check(text.replace('(to be written)', 'The idea.'), en).findings.filter(f => f.rule === 'block-empty'), []);
    });
  });

  describe('never safe, never inside code', () => {
    it('no block-missing fix is safe, so fix-all and --fix never insert skeletons', () => {
      const r = check(seed);
      const fixes = r.findings.filter(f => f.rule === 'block-missing').flatMap(f => f.fixes);
      assert.ok(fixes.length > 0);
      assert.ok(fixes.every(f => !f.safe));
      const fixed = fixAllText(seed, ko).text;
      assert.ok(!fixed.includes('(작성 필요)'));
      assert.strictEqual(check(fixed).findings.filter(f => f.rule === 'block-missing').length, 7);
    });

    it('an unclosed code fence at the end: no fix offered, and fix-all converges with the text unchanged', () => {
      const text = read('unclosed-fence.md');
      const r = check(text);
      const f = r.findings.filter(x => x.rule === 'block-missing');
      assert.strictEqual(f.length, 1);
      assert.deepStrictEqual(f[0].fixes, []);
      const once = fixAllText(text, ko);
      assert.strictEqual(once.text, text);
      assert.strictEqual(once.rounds, 0);
      // The same with CRLF line endings and with a tilde fence.
      for (const t of [text.replace(/\n/g, '\r\n'), text.replace('```python', '~~~~')]) {
        assert.deepStrictEqual(check(t).findings.find(x => x.rule === 'block-missing')!.fixes, []);
        assert.strictEqual(fixAllText(t, ko).text, t);
      }
    });

    it('a closed fence at the end of the entry: the blocks go after it', () => {
      const text = read('unclosed-fence.md') + '```\n';
      const fixed = fixPaper(text, '1.1');
      assert.ok(fixed.includes('return model.fit()\n```\n\n**주요 방법론**\n\n(작성 필요)'), fixed);
      assert.deepStrictEqual(paperOf(check(fixed), '1.1').blocks.map(b => b.spec.id), ORDER);
    });

    it('a shorter closing fence does not close it: still no fix', () => {
      const text = read('unclosed-fence.md').replace('```python', '````python') + '```\n';
      assert.deepStrictEqual(check(text).findings.find(x => x.rule === 'block-missing')!.fixes, []);
    });

    it('an unclosed HTML comment at the end swallows the rest too: no fix', () => {
      const text = read('unclosed-fence.md').replace(/```python[\s\S]*$/, '<!-- 나중에 쓸 메모\n\n남은 내용\n');
      assert.deepStrictEqual(check(text).findings.find(x => x.rule === 'block-missing')!.fixes, []);
    });
  });

  describe('the seed, every block-missing fix applied by hand', () => {
    const before = check(seed);
    const fixed = fixAllByHand(seed);
    const after = check(fixed);
    const missingBlocks = before.findings.filter(f => f.rule === 'block-missing').reduce((n, f) => n + (f.data?.blocks as string[] | undefined ?? []).length, 0);

    it('leaves no block-missing, every entry with its blocks in profile order', () => {
      assert.deepStrictEqual(after.findings.filter(f => f.rule === 'block-missing'), []);
      for (const p of after.digest.papers) assert.deepStrictEqual(p.blocks.map(b => b.spec.id), ORDER, p.heading?.text);
      assert.deepStrictEqual(after.findings.filter(f => f.rule === 'block-order'), []);
    });

    it('puts every block inside its entry: before the entry\'s closing `---`, none in a section intro', () => {
      for (const p of after.digest.papers) {
        const lastBreak = [...p.nodes].reverse().find(n => n.type === 'thematicBreak');
        const trailing = lastBreak && p.nodes.indexOf(lastBreak) === p.nodes.length - 1 ? lastBreak.position!.start.offset! : Infinity;
        for (const b of p.blocks) assert.ok(b.labelSpan.end <= trailing, `${p.heading?.text}: ${b.spec.label} after the closing ---`);
        const body = fixed.slice(p.span.start, Math.min(p.span.end, trailing));
        assert.strictEqual(fixed.slice(p.span.start, p.span.end).split('(작성 필요)').length, body.split('(작성 필요)').length, `${p.heading?.text}: a placeholder after the closing ---`);
      }
      assert.strictEqual(after.digest.papers.reduce((n, p) => n + fixed.slice(p.span.start, p.span.end).split('(작성 필요)').length - 1, 0), fixed.split('(작성 필요)').length - 1, 'every placeholder is in an entry');
      for (const s of after.digest.sections) for (const n of s.intro) assert.ok(!fixed.slice(n.position!.start.offset!, n.position!.end.offset!).includes('작성 필요'));
    });

    it('block-empty reports each placeholder; only insertions were made', () => {
      assert.ok(missingBlocks > 0);
      assert.strictEqual(placeholders(after).length, missingBlocks);
      assert.strictEqual(before.findings.filter(f => f.rule === 'block-empty').length, 0);
      // Removing the inserted skeletons gives the seed back.
      const stripped = fixed.replace(/\n\n\*\*(?:핵심 아이디어|주요 방법론|가장 중요한 발견|중요 자료)\*\*:?\n\n\(작성 필요\)/g, '');
      assert.strictEqual(stripped.replace(/\n\n\n+/g, '\n\n'), seed.replace(/\n\n\n+/g, '\n\n'));
    });

    it('the other rules report what they reported before (resources-links adds the placeholder resources blocks\' missing links)', () => {
      const count = (r: CheckResult, skip: string[]) => r.findings.filter(f => !skip.includes(f.rule)).map(f => `${f.rule}: ${f.message}`).sort();
      const skip = ['block-missing', 'block-empty', 'resources-links'];
      assert.deepStrictEqual(count(after, skip), count(before, skip));
    });
  });

  it('a review whose blocks are headings gets a heading block, which the check then finds (paper-review-ko)', () => {
    const review = { profile: builtinProfile('paper-review-ko')!, locale: 'en' as const };
    const text = '# 리뷰\n\n## Abstract\n\n요약입니다.\n\n## 5. Experiments\n\n실험 결과입니다.\n';
    const f = check(text, review).findings.find(x => x.rule === 'block-missing');
    assert.ok(f && f.fixes.length, 'the missing method block is reported with a fix');
    const fixed = applyEdits(text, f.fixes[0].edits).text;
    assert.match(fixed, /## Abstract\n\n요약입니다\.\n\n## 방법\n\n\(작성 필요\)\n/);
    assert.ok(!check(fixed, review).findings.some(x => x.rule === 'block-missing'), 'the inserted heading is the block');
  });
});

