import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { FIXTURES, corpusFiles } from '../support/paths';
import { ConfigResolver, lintText, parseMarkdown, type LintOutcome } from '../../server/src/engine';
import type { FileReader } from '../../server/src/engine/config';
import { IncrementalParser } from '../../server/src/engine/incremental/parser';
import { PartMemo } from '../../server/src/engine/part-memo';
import { headingCandidates } from '../../server/src/engine/incremental/split';
import { compileGlossary } from '../../server/src/engine/glossary/compile';
import { builtinLayer } from '../../server/src/engine/glossary/builtin';

// No configuration files: every check uses the built-in defaults, as the server does for a bare file.
const noFiles: FileReader = { readFile: () => undefined, stamp: () => undefined };
const resolver = new ConfigResolver(noFiles);
const FILE = '/ws/digests/test.digest.md';

/** The server's check: the document's incremental tree and its memo of rule results per part. */
const lint = (text: string, root?: Root, memo?: PartMemo): LintOutcome => lintText(text, FILE, { resolver, root, memo });
/**
 * The reference check: a whole parse, and a glossary compiled afresh, so nothing comes from the
 * per-run analysis cache the incremental side fills (a cache is keyed by the glossary object).
 */
const coldLint = (text: string, root: Root): LintOutcome =>
  lintText(text, FILE, { resolver, root, env: { glossary: compileGlossary([builtinLayer().layer]) } });

/** What a reader of the results sees: findings (rule, span, message, fixes) and the outline. */
function observable(o: LintOutcome) {
  const d = o.result.digest;
  return {
    findings: o.result.findings.map(f => ({ rule: f.rule, severity: f.severity, span: f.span, message: f.message, fixes: f.fixes, related: f.related })),
    failures: o.result.failures,
    outline: {
      frontMatter: d.frontMatter?.span ?? null,
      toc: d.toc && { label: d.toc.labelSpan, items: d.toc.list?.items.map(i => [i.span, i.title]) ?? null },
      sections: d.sections.map(s => [s.heading.text, s.span, s.papers.length]),
      papers: d.papers.map(p => [p.heading?.text ?? null, p.span, p.blocks.map(b => [b.spec.id, b.labelSpan, b.span, b.hasContent])]),
    },
  };
}

function assertSame(parser: IncrementalParser, text: string, memo = new PartMemo()): void {
  const full = parseMarkdown(text);
  const inc = parser.parse(text);
  // The tree itself, positions included, is the strongest comparison; findings follow from it.
  assert.deepStrictEqual(inc, full, `trees differ for ${JSON.stringify(text.slice(0, 200))}…`);
  // Checking the full parse's tree is what checkText does after parsing; saves a second parse.
  assert.deepStrictEqual(observable(lint(text, inc, memo)), observable(coldLint(text, full)));
}

/**
 * Edits a document the way a writer does, one at a time at spread-out places (a character, a line
 * break, a heading line, a deletion), checking after each with the parser and memo of the checks
 * before, against a cold full check.
 */
function assertSameAfterEdits(text: string, label: string): void {
  const parser = new IncrementalParser();
  const memo = new PartMemo();
  lint(text, parser.parse(text), memo);
  const edits = ['한', '\n', '\n#### 9.9. 새 항목\n', '', '(attention)', '**'];
  for (let i = 0; i < 12; i++) {
    const at = Math.floor((text.length * (i + 0.5)) / 12);
    const line = text.lastIndexOf('\n', at) + 1;
    const ins = edits[i % edits.length];
    const place = ins.startsWith('\n#') ? line : at;
    text = text.slice(0, place) + ins + text.slice(ins === '' ? Math.min(text.length, place + 3) : place);
    try {
      assertSame(parser, text, memo);
    } catch (e) {
      (e as Error).message = `${label}, edit ${i} (${JSON.stringify(ins)} at ${place}): ${(e as Error).message}`;
      throw e;
    }
  }
}

const read = (f: string) => fs.readFileSync(f, 'utf8');
function markdownUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true } as never as { withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.md'))
    .map(e => path.join((e as unknown as { parentPath?: string; path?: string }).parentPath ?? (e as unknown as { path: string }).path, e.name));
}

// Small documents built to hit what crosses chunk boundaries.
const TRICKY = [
  // A bare `#` is a heading and a chunk cut: the guard's scan resets there too, as chunks scan alone.
  '# a\nx *a *b *c *d *e *f *g *h *i *j\n#\n*a *b *c *d *e *f *g *h\n',
  // The guard's scan sees a fence run on past the heading (a quote's fence ends with the quote), and
  // would skip the closers below as code: the chunks' own scans are not clean, so the whole scan decides.
  '# a\n> ```\n# b\n' + 'a* '.repeat(80) + '\n',
  '# a\n> ```\n# b\n' + 'a* '.repeat(80) + '\n# c\n```\n# d\n' + '- '.repeat(40) + 'x\n',
  '---\ntitle: x\n# not a heading\n---\n# 1. 제목\n본문\n',
  '\uFEFF# 1. 제목\r\n본문\r\n## 1.1. 논문\r\n**요약**: 내용\r\n',
  '# a\r본문\r# b\r끝',
  '# a\n```python\n# comment, not a heading\n```\n# b\n',
  '# a\n    ```\n# b\n```\n# c\n',
  '# a\n- ```\n# b\n```\n# c\n',
  '# a\n<!-- open comment\n# b\n-->\n# c\n',
  '# a\n<div>\n# b\n\n# c\n',
  '# a\n<pre>\n# b\n</pre>\n# c\n',
  '# a\n> quote\n# b\n> lazy\ncontinued\n# c\n',
  '# a\n- item\n\n  more\n\n# b\n1. one\n2. two\n\n\n# c\n',
  '# a\nsetext\n===\n# b\ntext\n---\n# c\n',
  '# a\n| x | y |\n|---|---|\n| 1 | 2 |\n# b | c\n--|--\n',
  '# a\n[ref] and [^1]\n# b\n[ref]: http://a\n[^1]: note\n',
  '# a\n\t# tab-indented\n#\tb\n#\n##\n####### seven\n',
  '---\n# a\n',
  // An unclosed front matter fence changes how later lines parse (a micromark-extension-frontmatter quirk).
  '---\ntitle: x\n# h\n-\r--\n# b\n',
  '',
  '#',
  '# only\n',
];

describe('incremental parsing', () => {
  it('cuts before headings only, never inside front matter or a fence', () => {
    const text = '---\n# fm\n---\n# a\n```\n# in fence\n```\n## b\n#nope\n####### nope\n### c';
    assert.deepStrictEqual(headingCandidates(text).map(i => text.slice(i, text.indexOf('\n', i) < 0 ? undefined : text.indexOf('\n', i))), ['# a', '## b', '### c']);
  });

  it('gives the same tree and findings as a full parse on tricky documents', () => {
    for (const t of TRICKY) assertSame(new IncrementalParser(), t);
  });

  it('re-parses only the edited chunk and reuses the others', () => {
    const seed = read(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'));
    const p = new IncrementalParser();
    p.parse(seed);
    assert.ok(p.stats.chunks > 5, `only ${p.stats.chunks} chunks`);
    const mid = seed.indexOf('\n', seed.length >> 1) + 1;
    const edited = seed.slice(0, mid) + '한' + seed.slice(mid);
    assertSame(p, edited);
    assert.strictEqual(p.stats.parsed, 1);
    assert.strictEqual(p.stats.reused, p.stats.chunks - 1);
  });

  it('checks again only the parts an edit touched', () => {
    const seed = read(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'));
    const p = new IncrementalParser();
    const memo = new PartMemo();
    lint(seed, p.parse(seed), memo);
    const cold = memo.stats.computed;
    assert.ok(cold > 30, `only ${cold} parts on the first check`);
    assert.strictEqual(memo.stats.reused, 0);
    // One character in the middle of a paper entry: that entry's and that block group's parts are new.
    const mid = seed.indexOf('\n', seed.length >> 1) + 1;
    const edited = seed.slice(0, mid) + '한' + seed.slice(mid);
    assertSame(p, edited, memo);
    assert.ok(memo.stats.computed > 0 && memo.stats.computed <= 8, `${memo.stats.computed} parts worked out again`);
    assert.ok(memo.stats.reused >= cold - memo.stats.computed, `${memo.stats.reused} reused of ${cold}`);
    // The same text again: everything is reused.
    assertSame(p, seed, memo);
    assert.ok(memo.stats.computed <= 8, `${memo.stats.computed} parts worked out going back`);
  });

  it('stays equal to a cold check where parts cannot be kept', () => {
    const session = (texts: string[]) => {
      const p = new IncrementalParser();
      const memo = new PartMemo();
      for (const t of texts) assertSame(p, t, memo);
    };
    const head = '## 1. 섹션\n\n#### 1.1. 첫째\n\n';
    // The last entry ends in an unclosed fence (its node outlasts the entry's span), and an edit
    // elsewhere makes a paragraph long enough for the guard to parse without bare-URL links.
    const open = '#### 1.2. 둘째\n\n**중요 자료**:\nhttps://arxiv.org/abs/2510.11690\nhttps://arxiv.org/pdf/2510.11690\n\n```\nunclosed code\n\n';
    session([head + '본문.\n\n' + open, head + Array.from({ length: 1001 }, (_, i) => `줄 ${i}`).join('\n') + '\n\n' + open]);
    // An autolink made by a transform has no position: its finding is at 0, wherever its entry moves.
    const posless = '#### 1.2. 둘째\n\n**중요 자료**:\n[a http://arxiv.org/abs/2510.11690\n';
    session([head + '본문.\n\n' + posless, head + '본문 하나.\n\n' + posless, head + '본문 하나 둘.\n\n' + posless]);
  });

  it('falls back to a full parse when the document has a link definition', () => {
    const p = new IncrementalParser();
    assertSame(p, '# a\nsee [x]\n# b\n[x]: http://a\n');
    assert.strictEqual(p.stats.fullParse, true);
  });

  it('falls back to a full parse when the parse guard simplifies the text', () => {
    const p = new IncrementalParser();
    assertSame(p, '# a\ntext\n# b\n' + '- '.repeat(40) + 'deep\n# c\n');
    assert.strictEqual(p.stats.fullParse, true);
  });

  it('gives the same tree and findings on every rule fixture as it is', () => {
    for (const f of markdownUnder(path.join(FIXTURES, 'rules'))) assertSame(new IncrementalParser(), read(f));
  });

  it('gives the same findings as a cold full check after edits to the seed and every rule fixture', () => {
    const files = [path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), ...markdownUnder(path.join(FIXTURES, 'rules'))];
    for (const f of files) assertSameAfterEdits(read(f), path.relative(FIXTURES, f));
  });

  it('gives the same findings as a cold full check after edits to corpus reviews', function () {
    const files = corpusFiles();
    if (!files.length) this.skip();
    // Every 12th review: about 50 of the 624, a spread of authors and layouts.
    for (const f of files.filter((_, i) => i % 12 === 0)) assertSameAfterEdits(read(f), path.basename(f));
  });

  it('merges chunks whose end would swallow the next heading', () => {
    const p = new IncrementalParser();
    assertSame(p, '# a\n<div>\n# b\n\n# c\n');
    assert.ok(p.stats.merges >= 1);
    assert.strictEqual(p.stats.fullParse, false);
  });

  describe('equals a full check after random edits (property)', () => {
    const seedFile = path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md');
    // A few corpus files with headings, fences or HTML, kept small so the property stays quick.
    const corpus = corpusFiles().filter(f => fs.statSync(f).size < 12000)
      .filter(f => /^#{1,6} /m.test(read(f)) && /```|<[a-z!]/i.test(read(f))).slice(0, 6);
    const docs = [seedFile, ...markdownUnder(path.join(FIXTURES, 'rules')), ...corpus].map(read).concat(TRICKY.filter(t => t.length > 20));

    const pieces = ['#', '# ', '## 2. 새 섹션\n', '### 2.1. 논문\n', '```', '```\n', '~~~\n', '---', '---\n', '===\n', '[x]: http://a\n', '[x]', '[^1]', '\r\n', '\n', '\r', '\t',
      '<!--', '-->', '<div>\n', '</div>\n', '> ', '- ', '1. ', '| a | b |\n|---|---|\n', '**', '한국어 문장(term)입니다', ' ', '    ', '목차:\n1. 하나\n'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }));
    type Edit = { at: number; lineStart: boolean; del: number; ins: string };
    const edit = fc.record({ at: fc.nat(), lineStart: fc.boolean(), del: fc.oneof(fc.constant(0), fc.nat(40)), ins: fc.oneof(fc.constant(''), piece, fc.array(piece, { maxLength: 4 }).map(a => a.join(''))) });

    function apply(text: string, e: Edit): string {
      let at = e.at % (text.length + 1);
      if (e.lineStart) {
        // Edits at line starts make and break headings, fences and front matter.
        const nl = text.lastIndexOf('\n', at - 1);
        at = nl + 1;
      }
      const del = e.lineStart && e.del > 0 ? Math.max(0, text.indexOf('\n', at) + 1 - at) || e.del : e.del;
      return text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + del));
    }

    const runs = Number(process.env.INCREMENTAL_RUNS) || 200;
    it(`${docs.length} documents, ${runs} runs of up to 4 edits (INCREMENTAL_RUNS=n for more)`, function () {
      this.timeout(Math.max(120000, runs * 1000));
      fc.assert(fc.property(fc.nat(docs.length - 1), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 4 }), (d, bom, edits) => {
        const p = new IncrementalParser();
        const memo = new PartMemo();
        let text = (bom ? '\uFEFF' : '') + docs[d];
        lint(text, p.parse(text), memo);
        for (const e of edits) {
          text = apply(text, e);
          assertSame(p, text, memo);
        }
      }), { numRuns: runs });
    });
  });
});
