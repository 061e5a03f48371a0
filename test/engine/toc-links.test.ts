import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import GithubSlugger from 'github-slugger';
import { FIXTURES } from '../support/paths';
import { applyEdits, builtinProfile, buildDigest, checkText, parseMarkdown, rules } from '../../server/src/engine';
import { headingAnchors, tocRewriteEdit, tocStyle } from '../../server/src/engine/toc';
import { run, tempProject } from '../cli/cli';

// The TOC rewrite (`toc --write`, Update Table of Contents, the toc-mismatch fix) keeps the TOC's
// style: links to GitHub anchors stay links, plain stays plain, bullets stay bullets.
const weekly = builtinProfile('weekly-digest-ko')!;
const DIR = path.join(FIXTURES, 'toc-links');
const fixture = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const digestOf = (text: string) => buildDigest(parseMarkdown(text), text, weekly);
const rewrite = (text: string) => {
  const e = tocRewriteEdit(digestOf(text));
  assert.ok(e, 'has a TOC');
  return applyEdits(text, [e]).text;
};
function check(text: string, only: string[]) {
  const off = Object.fromEntries(rules.filter(r => !only.includes(r.id)).map(r => [r.id, 'off' as const]));
  return checkText(text, { profile: weekly, locale: 'en', rules: off });
}
const tocOf = (text: string) => { const l = digestOf(text).toc!.list!; return text.slice(l.span.start, l.span.end); };

describe('TOC rewrite keeps links', () => {
  for (const name of ['linked', 'plain', 'bulleted', 'mixed']) {
    it(`${name}: the rewrite gives the expected TOC, and a second rewrite changes nothing`, () => {
      const once = rewrite(fixture(`${name}.digest.md`));
      assert.strictEqual(once, fixture(`${name}.expected.md`));
      assert.strictEqual(rewrite(once), once);
      // Only the TOC list changed.
      const input = fixture(`${name}.digest.md`);
      const head = input.indexOf('---\n### 1.');
      assert.strictEqual(once.slice(once.indexOf('---\n### 1.')), input.slice(head));
    });
  }

  it('anchors are github-slugger slugs of every heading in document order (Korean, punctuation, emoji, duplicates)', () => {
    const text = fixture('linked.digest.md');
    const d = digestOf(text);
    const anchors = headingAnchors(d.root);
    const slugger = new GithubSlugger();
    // The document title, the "## 목차" heading, sections and papers all take part in the suffixes.
    const expected = ['# 1. 확산 트랜스포머(DiT)의 재발견', '## 목차', '### 1. 확산 트랜스포머(DiT)의 재발견', '#### 1.1. 표현 오토인코더로 다시 보기',
      '### 2. 🚀 LLM 발전: 추론 & 정렬!', '#### 2.1. 긴 추론의 비용', '### 3. 요약', '#### 3.1. 한 주 정리', '### 4. 요약', '#### 4.1. 같은 제목의 다른 섹션']
      .map(h => slugger.slug(h.replace(/^#+ /, '')));
    assert.deepStrictEqual([...anchors.values()], expected);
    assert.deepStrictEqual(d.sections.map(s => anchors.get(s.heading.node)),
      ['1-확산-트랜스포머dit의-재발견-1', '2--llm-발전-추론--정렬', '3-요약', '4-요약']);
  });

  it('duplicate headings get GitHub\'s -1, -2 suffixes, headings that are not sections included', () => {
    const text = '# 1. 요약\n\n목차:\n1. [요약](#1-요약)\n2. [요약](#1-요약)\n\n### 1. 요약\n\n#### 1.1. 논문\n\n##### 1. 요약\n\n### 1. 요약\n\n#### 1.2. 논문\n';
    const fixed = rewrite(text);
    assert.strictEqual(tocOf(fixed), '1. [요약](#1-요약-1)\n2. [요약](#1-요약-3)');
    assert.strictEqual(rewrite(fixed), fixed);
  });

  it('anchors count nested headings and use the rendered text (no raw HTML, no image alt)', () => {
    const text = '> ## 요약\n\n## 요약 <br> ![그림](a.png)\n\n## `코드` 요약\n';
    const anchors = [...headingAnchors(parseMarkdown(text)).values()];
    assert.deepStrictEqual(anchors, ['요약', '요약-1', '코드-요약']);
  });

  it('the toc-mismatch fix on a linked TOC keeps the links and re-checks clean', () => {
    const text = fixture('linked.digest.md');
    const r = check(text, ['toc-mismatch']);
    assert.ok(r.findings.length >= 2, 'stale titles and a missing section');
    for (const f of r.findings) {
      assert.strictEqual(f.fixes.length, 1, f.message);
      assert.strictEqual(applyEdits(text, f.fixes[0].edits).text, fixture('linked.expected.md'));
    }
    assert.deepStrictEqual(check(fixture('linked.expected.md'), ['toc-mismatch']).findings, []);
  });

  it('a plain TOC stays plain through the toc-mismatch fix', () => {
    const text = fixture('plain.digest.md');
    const r = check(text, ['toc-mismatch']);
    assert.ok(r.findings.length);
    assert.strictEqual(applyEdits(text, r.findings[0].fixes[0].edits).text, fixture('plain.expected.md'));
  });

  it('mixed items follow the majority; a tie is linked', () => {
    const base = fixture('plain.digest.md');
    const withToc = (toc: string) => base.replace('1. 확산 트랜스포머의 재발견\n2. LLM 발전\n3. 요약\n', toc);
    const twoPlain = withToc('1. [확산 트랜스포머의 재발견](#x)\n2. LLM 발전\n3. 요약\n');
    assert.strictEqual(tocStyle(digestOf(twoPlain)).linked, false);
    assert.strictEqual(tocOf(rewrite(twoPlain)), tocOf(fixture('plain.expected.md')));
    const tie = withToc('1. [확산 트랜스포머의 재발견](#x)\n2. LLM 발전\n');
    assert.strictEqual(tocStyle(digestOf(tie)).linked, true);
    assert.match(tocOf(rewrite(tie)), /^1\. \[확산 트랜스포머\(DiT\)의 재발견\]\(#1-확산-트랜스포머dit의-재발견-1\)\n/);
  });

  it('a bulleted TOC with the number outside the link keeps that shape; an ordered one never puts it inside', () => {
    const base = fixture('linked.digest.md');
    const bullets = base.replace(/^\d\. \[/gm, m => '- ' + m);
    assert.strictEqual(tocOf(rewrite(bullets)).split('\n')[1], '- 2. [🚀 LLM 발전: 추론 & 정렬!](#2--llm-발전-추론--정렬)');
    const inside = base.replace(/^(\d)\. \[/gm, '$1. [$1. ');
    assert.strictEqual(tocOf(rewrite(inside)).split('\n')[2], '3. [요약](#3-요약)');
  });

  it('percent-encoded anchors stay encoded', () => {
    const text = fixture('linked.digest.md').replace('(#3-요약)', `(#${encodeURIComponent('3-요약')})`);
    const lines = tocOf(rewrite(text)).split('\n');
    assert.strictEqual(lines[3], `4. [요약](#${encodeURIComponent('4-요약')})`);
    assert.strictEqual(decodeURIComponent(lines[0]), '1. [확산 트랜스포머(DiT)의 재발견](#1-확산-트랜스포머dit의-재발견-1)');
  });

  it('link text escapes what would break the link', () => {
    const text = '목차:\n1. [옛 제목](#x)\n\n### 1. 배열 a\\[i\\]와 \\*별표\\*\n\n#### 1.1. 논문\n';
    const fixed = rewrite(text);
    assert.strictEqual(tocOf(fixed), '1. [배열 a\\[i\\]와 \\*별표\\*](#1-배열-ai와-별표)');
    assert.deepStrictEqual(check(fixed, ['toc-mismatch']).findings, []);
    assert.strictEqual(rewrite(fixed), fixed);
  });

  it('no automatic fix when items carry formatting or links elsewhere (the rewrite would drop them)', () => {
    const base = fixture('linked.digest.md');
    for (const toc of ['1. **확산 트랜스포머**\n2. LLM 발전\n', '1. [확산 트랜스포머](https://example.com)\n2. LLM 발전\n', '1. [**확산** 트랜스포머](#x)\n2. LLM 발전\n']) {
      const text = base.replace(/^1\. \[.*\n2\. .*\n3\. .*\n/m, toc);
      const r = check(text, ['toc-mismatch']);
      assert.ok(r.findings.length, toc);
      assert.ok(r.findings.every(f => f.fixes.length === 0), toc);
    }
  });

  it('toc-missing still inserts a plain TOC', () => {
    const text = fixture('linked.digest.md').replace(/## 목차\n\n(?:\d\. .*\n)+\n/, '');
    const r = check(text, ['toc-missing']);
    assert.strictEqual(r.findings.length, 1);
    const fixed = applyEdits(text, r.findings[0].fixes[0].edits).text;
    assert.strictEqual(tocOf(fixed), tocOf(fixture('plain.expected.md')));
  });
});

describe('cli: toc on a linked TOC', function () {
  this.timeout(60000);
  let dir: string, cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempProject({
      'linked.digest.md': fixture('linked.digest.md'),
      'crlf.digest.md': fixture('linked.digest.md').replace(/\n/g, '\r\n'),
    }));
  });
  afterEach(() => cleanup());
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  it('toc FILE prints the linked TOC', () => {
    const r = run(['toc', 'linked.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, tocOf(fixture('linked.expected.md')) + '\n');
  });

  it('toc --write keeps the links, then reports it is up to date', () => {
    const r = run(['toc', '--write', 'linked.digest.md'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(read('linked.digest.md'), fixture('linked.expected.md'));
    const again = run(['toc', '--write', 'linked.digest.md'], dir);
    assert.strictEqual(again.code, 0);
    assert.match(again.stderr, /already up to date/);
    assert.strictEqual(read('linked.digest.md'), fixture('linked.expected.md'));
  });

  it('toc --write keeps CRLF line endings with the links', () => {
    run(['toc', '--write', 'crlf.digest.md'], dir);
    assert.strictEqual(read('crlf.digest.md'), fixture('linked.expected.md').replace(/\n/g, '\r\n'));
  });
});
