import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, parseMarkdown, buildDigest } from '../../server/src/engine';
import { renderDigest, glossaryTermMarks, commonMarkRenders, CJK_BOLD_CLASS, TERM_CLASS } from '../../server/src/engine/render';
import { analyse, envGlossary } from '../../server/src/engine/glossary';
import { FIXTURES, corpusFiles, hasCorpus } from '../support/paths';

const profile = builtinProfile('weekly-digest-ko')!;
const render = (text: string, opts: Parameters<typeof renderDigest>[1] = {}) => renderDigest(buildDigest(parseMarkdown(text), text, profile), opts);
const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

describe('preview rendering (render.ts)', () => {
  describe('sanitising: nothing from the document can run', () => {
    const attacks: [string, string, RegExp][] = [
      ['a <script> block', '<script>globalThis.pwned = 1</script>', /<script|pwned/i],
      ['an inline <script>', 'text <script>alert(1)</script> more', /<script/i],
      ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
      ['a javascript: link with entities', '[click](jav&#x09;ascript:alert(1))', /javascript|ascript:/i],
      ['a javascript: autolink reference', '[x][r]\n\n[r]: javascript:alert(1)', /javascript:/i],
      ['onerror= on an image', '<img src="x" onerror="alert(1)">', /onerror|alert/i],
      ['onerror= in a Markdown image title', '![a](x.png "t\\" onerror=\\"alert(1)")', /\sonerror="/i],
      ['an <iframe>', '<iframe src="https://example.com"></iframe>', /<iframe/i],
      ['SVG with a script', '<svg><script>alert(1)</script><circle onload="alert(2)"/></svg>', /<svg|<script|onload/i],
      ['a data: URL link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /href="data:/i],
      ['an inline style', '<p style="background:url(https://e.com/x)">x</p>', /style=|e\.com/i],
    ];
    for (const [name, md, bad] of attacks) {
      it(`drops ${name}`, () => {
        const { html } = render(`#### 1.1. 제목\n\n앞 문단\n\n${md}\n\n뒤 문단\n`);
        assert.doesNotMatch(html, bad, html);
        assert.match(html, /앞 문단/);
        assert.match(html, /뒤 문단/, 'the rest of the document still renders');
      });
    }
    it('keeps ordinary http(s) links', () => {
      const { html } = render('[arXiv 페이지 보기](https://arxiv.org/abs/2510.11690)');
      assert.match(html, /<a href="https:\/\/arxiv\.org\/abs\/2510\.11690">arXiv 페이지 보기<\/a>/);
    });
    it('drops a data-line the author wrote in raw HTML (it would steer scroll sync and reveal)', () => {
      const { html } = render('본문\n\n<div data-line="-5">가짜</div>\n\n<p data-line="99">문단</p>\n');
      assert.doesNotMatch(html, /data-line="(-5|99)"/, html);
      assert.match(html, /<p data-line="4">문단<\/p>/, 'our own line for the <p> the author wrote');
    });
    it('the preview\'s own marks cannot be faked by the document\'s raw HTML', () => {
      const { html } = render('<p class="pd-promo pd-empty-block">가짜 표시</p>\n');
      assert.doesNotMatch(html, /pd-promo|pd-empty-block/, html);
    });
    it('does not render front matter', () => {
      const { html } = render('---\npaper-digest: true\n---\n\n본문\n');
      assert.doesNotMatch(html, /paper-digest/);
      assert.match(html, /<p data-line="4">본문<\/p>/);
    });
  });

  it('puts the 0-based source line on every rendered block', () => {
    const { html } = render(seed);
    const lines = seed.split('\n');
    const tags = [...html.matchAll(/<(h[1-6]|p|li|ol|ul|hr)\b[^>]*?data-line="(\d+)"/g)];
    assert.ok(tags.length > 60, `${tags.length} blocks with data-line`);
    for (const [, tag, line] of tags) {
      const src = lines[Number(line)];
      if (tag === 'h3') assert.match(src, /^### /, `h3 at line ${line}`);
      if (tag === 'h4') assert.match(src, /^#### /, `h4 at line ${line}`);
      if (tag === 'hr') assert.match(src, /^---\s*$/, `hr at line ${line}`);
    }
    assert.match(html, new RegExp(`<h4 data-line="${lines.findIndex(l => l.startsWith('#### 2.1.'))}">2\\.1\\. `));
  });

  it('marks glossary terms from the real matcher, with ko ↔ en on hover', () => {
    const text = '#### 1.1. 제목\n\n확산 모델은 잠재 공간(latent space)에서 학습합니다. **잠재 공간**을 보세요. `잠재 공간` 코드는 제외.\n';
    const digest = buildDigest(parseMarkdown(text), text, profile);
    const glossary = envGlossary({ glossary: { terms: [{ ko: '잠재 공간', en: 'latent space' }] } });
    const terms = glossaryTermMarks(analyse(digest, glossary));
    assert.ok(terms.length >= 2, JSON.stringify(terms));
    for (const t of terms) assert.ok(['잠재 공간', 'latent space'].includes(text.slice(t.span.start, t.span.end)), text.slice(t.span.start, t.span.end));
    const { html } = renderDigest(digest, { terms });
    const marks = [...html.matchAll(new RegExp(`<mark class="${TERM_CLASS}" title="잠재 공간 ↔ latent space" data-ko="잠재 공간" data-en="latent space">([^<]*)</mark>`, 'g'))].map(m => m[1]);
    assert.deepStrictEqual(marks.slice(0, 2), ['잠재 공간', 'latent space']);
    assert.ok(marks.length >= 3, 'the bold occurrence is marked too');
    assert.match(html, /<code>잠재 공간<\/code>/, 'inline code is not marked');
  });

  it('marks a term span that crosses inline nodes piece by piece', () => {
    const text = '**확산** 트랜스포머가 있다\n';
    const start = 0, end = text.indexOf('트랜스포머') + 5;
    const { html } = render(text, { terms: [{ span: { start, end }, ko: '확산 트랜스포머', en: 'Diffusion Transformers' }] });
    assert.strictEqual((html.match(/<mark /g) ?? []).length, 2, html);
    assert.match(html, /<strong><mark[^>]*>확산<\/mark><\/strong><mark[^>]*> 트랜스포머<\/mark>가 있다/);
  });

  it('renders CJK bold as strong and marks the ones CommonMark would show as asterisks', () => {
    const text = '이를 통해 **표현 오토인코더(Representation Autoencoder, RAE)**가 생성됩니다. **정상 굵게** 글자와 **정렬(alignment)** 뒤 공백.\n';
    const { html } = render(text, { locale: 'en' });
    assert.match(html, new RegExp(`<strong class="${CJK_BOLD_CLASS}" title="[^"]*CommonMark[^"]*">표현 오토인코더\\(Representation Autoencoder, RAE\\)</strong>가`));
    assert.match(html, /<strong>정상 굵게<\/strong>/);
    assert.match(html, /<strong>정렬\(alignment\)<\/strong> 뒤/, 'followed by a space: CommonMark renders it');
    assert.doesNotMatch(html, /\*\*/, 'no literal asterisks');
  });

  it('agrees with the flanking rules on the seed: every marked bold is a CommonMark failure', () => {
    const { html } = render(seed);
    const marked = [...html.matchAll(new RegExp(`<strong class="${CJK_BOLD_CLASS}"[^>]*>([^<]*)</strong>(.)`, 'g'))];
    assert.ok(marked.length >= 4, `${marked.length} marked`);
    for (const [, inner, after] of marked) assert.ok(/[)）]$/.test(inner) || /\p{P}$/u.test(inner), `${inner}${after}`);
    assert.ok(marked.some(m => m[1] === '텍스트 전용 데이터(text-only data)' && m[2] === '를'));
    // Directly: flanking, on tiny inputs.
    const at = (t: string) => ({ position: { start: { line: 1, column: 1, offset: t.indexOf('**') }, end: { line: 1, column: 1, offset: t.lastIndexOf('**') + 2 } } });
    assert.strictEqual(commonMarkRenders('a **b(c)**d', at('a **b(c)**d')), false);
    assert.strictEqual(commonMarkRenders('a **b(c)** d', at('a **b(c)** d')), true);
    assert.strictEqual(commonMarkRenders('가**(c)b**', at('가**(c)b**')), false, 'opening run after a letter, before punctuation');
  });

  it('"as published": bold CommonMark does not render shows its asterisks, the rest is the same; promo text and empty blocks are marked', () => {
    const r = checkText(seed, { profile, locale: 'ko' });
    const out = renderDigest(r.digest, { findings: r.findings, lineIndex: r.lineIndex });
    assert.ok(out.publishedHtml, 'the seed has bold that breaks under CommonMark');
    assert.ok(out.publishedHtml!.includes('**표현 오토인코더(Representation Autoencoder, RAE)**가'));
    assert.strictEqual((out.publishedHtml!.match(/\*\*/g) ?? []).length, 22, 'the 11 broken bolds of the seed, written out');
    assert.doesNotMatch(out.publishedHtml!, /pd-cjk-bold|pd-term|pd-promo/, 'as readers see it: no marks');
    assert.ok(out.publishedHtml!.includes('<strong>정렬(alignment)</strong>'), 'bold that renders stays bold');
    assert.match(out.html, /<p data-line="0" class="pd-promo" title="다이제스트에 홍보 문구/);
    const text = '### 1. 섹션\n\n#### 1.1. 논문\n\n**핵심 아이디어**\n\n**주요 방법론**\n\n내용.\n';
    const e = checkText(text, { profile, locale: 'en' });
    assert.match(renderDigest(e.digest, { findings: e.findings, lineIndex: e.lineIndex }).html, /<p data-line="4" class="pd-empty-block" title="The &#x22;핵심 아이디어&#x22; block is empty/);
    assert.strictEqual(renderDigest(e.digest, { findings: e.findings, lineIndex: e.lineIndex }).publishedHtml, undefined, 'nothing breaks: no second rendering');
  });

  it('the checklist tells present, empty, without links and missing apart', () => {
    const text = '목차:\n1. 섹션\n\n### 1. 섹션\n\n#### 1.1. 논문\n\n**핵심 아이디어**\n\n내용.\n\n**주요 방법론**\n\n**중요 자료**: [arXiv](https://arxiv.org/abs/2510.11690)\n\n#### 1.2. 둘째\n\n**핵심 아이디어**\n\n내용.\n\n**중요 자료**:\narXiv 페이지 보기\n';
    const r = checkText(text, { profile, locale: 'en' });
    const { outline } = renderDigest(r.digest, { findings: r.findings, lineIndex: r.lineIndex });
    const states = outline.sections[0].papers.map(p => p.blocks.map(b => b.state));
    assert.deepStrictEqual(states, [['ok', 'empty', 'missing', 'ok'], ['ok', 'missing', 'missing', 'nolinks']]);
  });

  it('builds the outline: sections → papers → block checklist and findings', () => {
    const r = checkText(seed, { profile, locale: 'en' });
    const { outline } = renderDigest(r.digest, { findings: r.findings, lineIndex: r.lineIndex });
    assert.deepStrictEqual(outline.sections.map(s => s.number), ['1', '2', '3', '4']);
    assert.deepStrictEqual(outline.sections.map(s => s.papers.map(p => p.number)), [['1.1', '1.2', '1.3'], ['2.1', '2.2'], ['3.1', '3.2'], ['4.1', '4.2']]);
    const p11 = outline.sections[0].papers[0];
    // The seed's paper 1.1 lost its resources' URLs (plain "arXiv 페이지 보기" lines): not a ✓.
    assert.deepStrictEqual(p11.blocks.map(b => [b.label, b.state]), [['핵심 아이디어', 'ok'], ['주요 방법론', 'ok'], ['가장 중요한 발견', 'ok'], ['중요 자료', 'nolinks']]);
    const p13 = outline.sections[0].papers[2];
    assert.ok(p13.blocks.every(b => b.state === 'missing' && b.line === null));
    assert.ok(p13.findings.some(f => f.rule === 'block-missing' && f.line === p13.line));
    // every finding is in exactly one place
    const placed = outline.findings.length + outline.papers.reduce((n, p) => n + p.findings.length, 0)
      + outline.sections.reduce((n, s) => n + s.findings.length + s.papers.reduce((m, p) => m + p.findings.length, 0), 0);
    assert.strictEqual(placed, r.findings.length);
    assert.strictEqual(outline.counts.findings, r.findings.length);
    // Entries that survey a topic and cite no paper (1.2, 2.2, 3.x, 4.x) are overviews, not papers (issue 15).
    assert.deepStrictEqual(outline.sections.map(s => s.papers.map(p => `${p.number}:${p.kind}`)),
      [['1.1:paper', '1.2:overview', '1.3:paper'], ['2.1:paper', '2.2:overview'], ['3.1:overview', '3.2:overview'], ['4.1:overview', '4.2:overview']]);
    assert.deepStrictEqual([outline.counts.papers, outline.counts.overviews], [3, 6]);
    assert.ok(outline.findings.some(f => f.rule === 'promo-content' && f.line === 0), 'document-level findings stay at the document');
  });

  it('leaves the shared mdast untouched (one parse for checks and preview)', () => {
    const text = seed + '\n\n<script>x</script>\n';
    const digest = buildDigest(parseMarkdown(text), text, profile);
    const before = JSON.stringify(digest.root);
    render(text);
    renderDigest(digest, { terms: [{ span: { start: 100, end: 110 }, ko: 'a', en: 'b' }] });
    assert.strictEqual(JSON.stringify(digest.root), before);
  });

  it('renders real reviews from the corpus safely, with source lines on its headings', function () {
    if (!hasCorpus()) this.skip();
    this.timeout(120000);
    let headings = 0;
    // Every eighth file (a fixed sample, ~80 reviews) keeps the unit suite quick on a small machine.
    for (const f of corpusFiles().filter((_, i) => i % 8 === 0)) {
      const text = fs.readFileSync(f, 'utf8');
      const { html } = render(text);
      assert.doesNotMatch(html, /<(script|iframe|object|embed|style)\b|\shref="\s*(javascript|vbscript|data):|\son[a-z]+="/i, f);
      const lines = text.split(/\r?\n|\r/);
      for (const m of html.matchAll(/<h([1-6]) data-line="(\d+)"/g)) {
        headings++;
        // ATX headings start with #s on their line; setext headings have their underline below.
        const src = lines[Number(m[2])];
        let i = Number(m[2]);
        const atx = /^\s*(>\s*)*([-*+]\s+|\d+[.)]\s+)?#/.test(src);
        while (!atx && i + 1 < lines.length && lines[i + 1].trim() !== '' && !/^\s*(>\s*)*(=+|-+)\s*$/.test(lines[i + 1])) i++;
        assert.ok(atx || /^\s*(>\s*)*(=+|-+)\s*$/.test(lines[i + 1] ?? ''), `${f}:${m[2]}: ${src}`);
      }
    }
    assert.ok(headings > 150, `${headings} headings checked`);
  });
});
