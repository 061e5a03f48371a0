import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes } from 'mdast';
import { FIXTURES } from '../support/paths';
import { applyEdits, builtinProfile, checkText, loadProfileText, rules, type CheckOptions, type Finding, type Profile } from '../../server/src/engine';
import { messageIds } from '../../server/src/engine/messages';
import { validArxivId } from '../../server/src/engine/rules/resources-links';
import { flanking } from '../../server/src/engine/rules/cjk-emphasis';

// The structure half of the rule catalogue (spec section 5).
const STRUCTURE = ['toc-missing', 'toc-mismatch', 'section-numbering', 'paper-numbering', 'heading-level', 'empty-section', 'block-missing', 'block-order', 'block-empty', 'resources-links', 'duplicate-paper', 'promo-content', 'cjk-emphasis'];
const weekly = builtinProfile('weekly-digest-ko')!;
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

/** Only the structure rules named (everything else off), English messages. */
function check(text: string, only: string[], extra: Partial<CheckOptions> = {}) {
  const off = Object.fromEntries(rules.filter(r => !only.includes(r.id)).map(r => [r.id, 'off' as const]));
  return checkText(text, { profile: weekly, locale: 'en', ...extra, rules: { ...off, ...extra.rules } });
}
const fixWith = (text: string, f: Finding, i = 0) => applyEdits(text, f.fixes[i].edits).text;

/** Strong nodes as plain CommonMark (no CJK extension) parses them: what GitHub would render. */
function plainStrongs(text: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'strong' || n.type === 'emphasis') out.push(text.slice(n.position!.start.offset!, n.position!.end.offset!));
    if ('children' in n) (n.children as Nodes[]).forEach(walk);
  };
  walk(unified().use(remarkParse).parse(text) as Root);
  return out;
}

describe('structure rules: messages', () => {
  it('every structure message id exists in English and Korean', () => {
    const en = messageIds('en'), ko = new Set(messageIds('ko'));
    for (const rule of STRUCTURE) {
      const ids = en.filter(id => id.startsWith(rule + '/'));
      assert.ok(ids.length, `${rule} has messages`);
      for (const id of ids) assert.ok(ko.has(id), `ko ${id}`);
    }
  });

});

describe('structure rules: numbering does not cascade, TOC pairs by title', () => {
  it('one missing section is one section-numbering finding', () => {
    const text = '### 1. 가\n\n#### 1.1. 논문\n\n### 3. 나\n\n#### 3.1. 논문\n\n### 4. 다\n\n#### 4.1. 논문\n\n### 5. 라\n\n#### 5.1. 논문\n';
    const r = check(text, ['section-numbering', 'paper-numbering']);
    assert.deepStrictEqual(r.findings.map(f => [f.rule, f.message]), [['section-numbering', 'Section number 3 is out of sequence; use 2']]);
    assert.strictEqual(text.slice(r.findings[0].span.start, r.findings[0].span.end), '3.');
  });

  it('a renamed section is one "title differs" finding, not a missing plus an extra', () => {
    const text = seed.replace('\n3. LLM 추론 및 성능 향상 기법\n', '\n3. LLM 추론 기법과 성능 향상\n');
    const r = check(text, ['toc-mismatch']);
    assert.strictEqual(r.findings.length, 1);
    assert.match(r.findings[0].message, /^The table of contents says "LLM 추론 기법과 성능 향상", but section \d+ is titled "LLM 추론 및 성능 향상 기법"/);
    const fixed = fixWith(text, r.findings[0]);
    assert.strictEqual(fixed, seed);
  });

  it('the TOC rewrite keeps a bulleted TOC\'s bullets, and fills a label without a list', () => {
    const text = '목차:\n- 1. LLM 발전\n- 2. 멀티모달\n\n### 1. LLM 발전\n\n#### 1.1. 논문\n\n### 2. 비전 언어 모델\n\n#### 2.1. 논문\n';
    const r = check(text, ['toc-mismatch']);
    assert.deepStrictEqual(r.findings.map(f => f.message), ['The table of contents says "멀티모달", but section 2 is titled "비전 언어 모델"; make them the same']);
    const fixed = fixWith(text, r.findings[0]);
    assert.ok(fixed.startsWith('목차:\n- 1. LLM 발전\n- 2. 비전 언어 모델\n\n###'));
    assert.deepStrictEqual(check(fixed, ['toc-mismatch']).findings, []);
    const bare = '목차:\n\n### 1. LLM 발전\n\n#### 1.1. 논문\n';
    const n = check(bare, ['toc-mismatch', 'toc-missing']);
    assert.deepStrictEqual(n.findings.map(f => f.rule), ['toc-mismatch']);
    assert.deepStrictEqual(check(fixWith(bare, n.findings[0]), ['toc-mismatch', 'toc-missing']).findings, []);
  });

  it('renumber fixes both numbering rules at once and leaves titles alone', () => {
    const text = seed.replace('### 2. 멀티모달', '### 5. 멀티모달').replace('#### 2.2. 멀티모달', '#### 2.7. 멀티모달');
    const r = check(text, ['section-numbering', 'paper-numbering']);
    assert.deepStrictEqual(r.findings.map(f => f.rule), ['section-numbering', 'paper-numbering', 'paper-numbering']);
    assert.strictEqual(fixWith(text, r.findings[0]), seed);
  });
});

describe('structure rules: fixes re-check clean', () => {
  it('toc-missing inserts a TOC that toc-mismatch accepts', () => {
    const text = seed.replace(/목차:\n(?:\d\. .*\n)+/, '');
    const r = check(text, ['toc-missing', 'toc-mismatch']);
    assert.deepStrictEqual(r.findings.map(f => f.rule), ['toc-missing']);
    assert.strictEqual(r.lineIndex.positionAt(r.findings[0].span.start).line + 1, 13);
    const again = check(fixWith(text, r.findings[0]), ['toc-missing', 'toc-mismatch']);
    assert.deepStrictEqual(again.findings, []);
    assert.ok(again.digest.toc && again.digest.toc.list!.items.length === 4);
  });

  it('heading-level moves `### 1.1.` to `####` and nothing else', () => {
    const text = seed.replace('#### 1.1. 표현', '### 1.1. 표현');
    const r = check(text, ['heading-level']);
    assert.strictEqual(r.findings.length, 1);
    assert.strictEqual(r.findings[0].message, 'The heading of paper 1.1. is level 3; make it level 4 (####)');
    assert.strictEqual(fixWith(text, r.findings[0]), seed);
  });

  it('resources-links points a PDF link at the abs id, adds a missing PDF link, and upgrades http', () => {
    const text = '#### 1.1. 논문\n\n**중요 자료**:\n[arXiv 페이지 보기](http://arxiv.org/abs/2510.11690)\n[PDF 보기](https://arxiv.org/pdf/2510.11609v2)\n';
    const r = check(text, ['resources-links']);
    assert.deepStrictEqual(r.findings.map(f => f.message), [
      'http://arxiv.org/abs/2510.11690 is not https; use https://',
      'The PDF link points at 2510.11609v2, but the abstract link at 2510.11690; make both point at the same paper',
    ]);
    const fixed = applyEdits(text, r.findings.flatMap(f => f.fixes[0].edits)).text;
    assert.strictEqual(fixed, '#### 1.1. 논문\n\n**중요 자료**:\n[arXiv 페이지 보기](https://arxiv.org/abs/2510.11690)\n[PDF 보기](https://arxiv.org/pdf/2510.11690)\n');
    assert.deepStrictEqual(check(fixed, ['resources-links']).findings, []);

    const noPdf = '#### 1.1. 논문\n\n**중요 자료**:\n[arXiv 페이지 보기](https://arxiv.org/abs/2510.11690)\n';
    const m = check(noPdf, ['resources-links']);
    assert.strictEqual(m.findings[0].message, 'The "중요 자료" block has no PDF link; add https://arxiv.org/pdf/…');
    const added = fixWith(noPdf, m.findings[0]);
    assert.match(added, /\[PDF 보기\]\(https:\/\/arxiv\.org\/pdf\/2510\.11690\)\n$/);
    assert.deepStrictEqual(check(added, ['resources-links']).findings, []);
  });

  it('arXiv ids: 5 digits after the dot from 2015, 4 before, old archive ids', () => {
    for (const ok of ['2510.11690', '2510.11690v3', '1412.6980', '0704.0001', 'hep-th/9901001', 'math.GT/0309136']) assert.ok(validArxivId(ok), ok);
    for (const bad of ['2510.1169', '1412.69801', '2513.11690', '', '2510.116900', 'abc']) assert.ok(!validArxivId(bad), bad);
  });

  it('cjk-emphasis: moving the particle inside makes plain CommonMark render the bold', () => {
    const text = '이를 통해 **표현 오토인코더(Representation Autoencoder, RAE)**가 생성됩니다.\n';
    assert.deepStrictEqual(plainStrongs(text), [], 'plain CommonMark leaves the asterisks');
    const r = check(text, ['cjk-emphasis']);
    assert.strictEqual(r.findings.length, 1);
    assert.strictEqual(r.findings[0].fixes[0].safe, true);
    const moved = fixWith(text, r.findings[0], 0);
    assert.strictEqual(moved, '이를 통해 **표현 오토인코더(Representation Autoencoder, RAE)가** 생성됩니다.\n');
    assert.deepStrictEqual(plainStrongs(moved), ['**표현 오토인코더(Representation Autoencoder, RAE)가**']);
    const html = fixWith(text, r.findings[0], 1);
    assert.strictEqual(html, '이를 통해 <strong>표현 오토인코더(Representation Autoencoder, RAE)</strong>가 생성됩니다.\n');
    assert.strictEqual(r.findings[0].fixes[1].safe, false);
    assert.deepStrictEqual(check(moved, ['cjk-emphasis']).findings, []);
  });

  it('cjk-emphasis agrees with plain CommonMark on every bold of the seed', () => {
    const r = check(seed, ['cjk-emphasis']);
    const plain = new Set(plainStrongs(seed));
    let strongs = 0;
    const walk = (n: Nodes) => {
      if (n.type === 'strong') {
        strongs++;
        const src = seed.slice(n.position!.start.offset!, n.position!.end.offset!);
        const reported = r.findings.some(f => f.span.start === n.position!.start.offset);
        assert.strictEqual(reported, !plain.has(src), src);
      }
      if ('children' in n) (n.children as Nodes[]).forEach(walk);
    };
    walk(r.digest.root);
    assert.ok(strongs > 40);
  });

  it('flanking follows CommonMark: Unicode punctuation includes symbols, text edges are whitespace', () => {
    const t = 'a)**가';
    assert.deepStrictEqual([flanking(t, 2, 4).left, flanking(t, 2, 4).right], [true, false]);
    assert.strictEqual(flanking('**', 0, 2).left, false);
    assert.strictEqual(flanking('x→**가', 2, 4).right, false, 'an arrow (a symbol) counts as punctuation');
  });

  it('promo-content deletes the paragraph and its blank line, but only by hand', () => {
    const r = check(seed, ['promo-content']);
    assert.strictEqual(r.findings.length, 3);
    for (const f of r.findings) assert.strictEqual(f.fixes[0].safe, false);
    const fixed = applyEdits(seed, r.findings.flatMap(f => f.fixes[0].edits)).text;
    assert.ok(fixed.startsWith('최근 몇 년간'));
    assert.ok(!/할인|전체 이야기 읽기|유세프/.test(fixed));
    assert.ok(fixed.includes('4. 후속 학습 및 정렬\n\n---\n'), 'no double blank line left');
  });
});

describe('structure rules: configuration and profiles', () => {
  it('per-rule severity and off from configuration, then the profile, then the rule default', () => {
    const text = seed;
    const base = checkText(text, { profile: weekly, locale: 'en' });
    assert.ok(base.findings.filter(f => f.rule === 'block-missing').every(f => f.severity === 'warning'));
    const custom = checkText(text, { profile: weekly, locale: 'en', rules: { 'block-missing': 'error', 'cjk-emphasis': 'off', 'promo-content': ['hint', {}] } });
    assert.ok(custom.findings.filter(f => f.rule === 'block-missing').every(f => f.severity === 'error'));
    assert.ok(!custom.findings.some(f => f.rule === 'cjk-emphasis'));
    assert.ok(custom.findings.filter(f => f.rule === 'promo-content').every(f => f.severity === 'hint'));
    const profile: Profile = { ...weekly, rules: { ...weekly.rules, 'block-missing': 'information' } };
    const viaProfile = checkText(text, { profile, locale: 'en' });
    assert.ok(viaProfile.findings.filter(f => f.rule === 'block-missing').every(f => f.severity === 'information'));
  });

  it('weekly-digest-en extends weekly-digest-ko with English labels', () => {
    const en = builtinProfile('weekly-digest-en')!;
    assert.deepStrictEqual(en.blocks.map(b => b.label), ['Key Idea', 'Methodology', 'Key Findings', 'Resources']);
    assert.deepStrictEqual([en.sections?.depth, en.papers?.depth, en.locale], [3, 4, 'en']);
    const text = 'Contents:\n\n1. LLMs\n\n### 1. LLMs\n\n#### 1.1. A paper\n\n**Key Idea: small**\n\nText.\n\n**Methodology**\n\nText.\n\n**Key Findings**\n\nText.\n\n**Resources**:\n[arXiv](https://arxiv.org/abs/2510.11690)\n[PDF](https://arxiv.org/pdf/2510.11690)\n';
    const r = checkText(text, { profile: en, locale: 'en', rules: Object.fromEntries(rules.filter(x => !STRUCTURE.includes(x.id)).map(x => [x.id, 'off' as const])) });
    assert.deepStrictEqual(r.findings.map(f => f.message), []);
  });

  it('paper-review-ko recognises the corpus\'s heading forms (emoji, numbers, English names)', () => {
    const review = builtinProfile('paper-review-ko')!;
    const text = '# RodinHD\n\n## ⚡ 요약 (Summary)\n\n요약.\n\n## 1. Introduction\n\n서론.\n\n## 3. Method\n\n방법.\n\n## 4. Experiments\n\n결과.\n\n## 🔗 References\n\n- [paper](https://arxiv.org/abs/2407.06938)\n';
    const r = checkText(text, { profile: review, locale: 'en' });
    assert.deepStrictEqual(r.failures, []);
    assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), ['summary', 'method', 'results', 'references']);
    assert.deepStrictEqual(r.findings.filter(f => STRUCTURE.includes(f.rule)).map(f => f.rule), []);
  });

  it('a profile file can extend a built-in and replace its promo phrases', () => {
    const { profile, problems } = loadProfileText('{"id": "team-review", "extends": "paper-review-ko", "promo": {"phrases": ["광고 문의"]}}');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(profile!.blocks.length, builtinProfile('paper-review-ko')!.blocks.length);
    const r = checkText('## 요약\n\n광고 문의는 메일로.\n', { profile: profile!, locale: 'en' });
    assert.deepStrictEqual(r.findings.filter(f => f.rule === 'promo-content').map(f => f.message), ['Promotional text ("광고 문의") does not belong in a digest; delete it']);
  });
});
