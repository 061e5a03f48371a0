// `paper-digest glossary import` and `glossary export` through the real built CLI: term tables in
// the layouts people keep (PyTorch Korea's translation guide, d2l-ko's terminology table, a
// spreadsheet's CSV) become glossaries that `glossary check` accepts, with duplicates and
// conflicts reported at their lines; glossaries become word lists in the formats other tools
// read, checked against cspell itself and against each tool's file format.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { normEn } from '../../server/src/engine/glossary/compile';
import { FIXTURES, ROOT } from '../support/paths';
import { run, tempProject } from './cli';

// hanspell matches its ignore file with minimatch (a dev dependency here for this test).
import { minimatch } from 'minimatch';

const FX = path.join(FIXTURES, 'glossary-exchange');
/** The fixture in the repository (read by the tests as an oracle); the CLI runs on a copy in the temporary folder. */
const fixture = (name: string) => path.join(FX, name);
/** A temporary folder holding a copy of every fixture, so the CLI prints the names as given. */
const withFixtures = () => tempProject(Object.fromEntries(fs.readdirSync(FX).map(f => [f, fs.readFileSync(fixture(f), 'utf8')])));
const BUILTIN = path.join(ROOT, 'server/src/engine/glossary/default-glossary.json');

interface Entry { ko: string; en: string; abbr?: string; enVariants?: string[]; koVariants?: string[]; avoid?: string[]; note?: string }
interface Glossary { $schema?: string; terms: Entry[]; knownAbbreviations?: string[] }

const readJson = (file: string): Glossary => JSON.parse(fs.readFileSync(file, 'utf8'));
/** 1-based numbers of the lines of `file` that contain `needle`. */
const linesWith = (file: string, needle: string): number[] =>
  fs.readFileSync(file, 'utf8').split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
const hangul = (s: string) => /\p{Script=Hangul}/u.test(s);
const lines = (text: string) => text.split('\n').slice(0, -1);
const byEn = (g: Glossary, en: string) => g.terms.find(t => t.en === en);
/** Glossaries stacked as the checker stacks them: a later entry replaces an earlier one with the same English. */
function stack(...gs: Glossary[]): Glossary {
  const terms = new Map<string, Entry>();
  for (const gl of gs) for (const t of gl.terms) { terms.delete(normEn(t.en)); terms.set(normEn(t.en), t); }
  return { terms: [...terms.values()], knownAbbreviations: gs.flatMap(gl => gl.knownAbbreviations ?? []) };
}

/** The body rows of the Markdown tables in a file, as cells, with their line numbers (an oracle apart from the importer). */
function markdownRows(file: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let inTable = false;
  fs.readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
    if (!l.trim().startsWith('|')) { inTable = false; return; }
    const cells = l.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim());
    if (cells.every(c => /^:?-+:?$/.test(c))) { inTable = true; return; }
    if (inTable) out.push({ line: i + 1, cells });
  });
  return out;
}

describe('cli: glossary import', function () {
  this.timeout(120000);
  let dir: string, cleanup: () => void;
  before(() => ({ dir, cleanup } = withFixtures()));
  after(() => cleanup());

  describe('the PyTorch Korea translation guide layout (| 영문 | 한글 | 작성자 | 비고 |, two tables)', () => {
    let r: ReturnType<typeof run>, g: Glossary;
    const guide = fixture('pytorch-korea-guide.md');
    before(() => {
      r = run(['glossary', 'import', 'pytorch-korea-guide.md', '--no-merge', '--out', 'pt.glossary.json'], dir);
      g = readJson(path.join(dir, 'pt.glossary.json'));
    });

    it('writes a glossary that `glossary check` accepts, with a term for every row that has Hangul in its Korean cell', () => {
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(r.stdout, '', 'with --out nothing goes to stdout');
      const check = run(['glossary', 'check', 'pt.glossary.json'], dir);
      assert.strictEqual(check.code, 0, check.stdout + check.stderr);
      const translated = markdownRows(guide).filter(row => hangul(row.cells[1].replace(/~~[^~]*~~/g, '')));
      assert.ok(translated.length >= 30, 'the fixture has a few dozen rows');
      assert.strictEqual(g.terms.length, translated.length);
      assert.match(check.stdout, new RegExp(`^pt\\.glossary\\.json: ${translated.length} terms`));
    });

    it('pretty JSON with a final newline, sorted by English (case-insensitive), one entry per English term', () => {
      const text = fs.readFileSync(path.join(dir, 'pt.glossary.json'), 'utf8');
      assert.strictEqual(text, JSON.stringify(g, null, 2) + '\n');
      const keys = g.terms.map(t => t.en.toLowerCase());
      assert.deepStrictEqual(keys, [...keys].sort());
      assert.strictEqual(new Set(keys.map(k => k.replace(/[\s-]+/g, ' '))).size, keys.length);
      // Outside any project (a temporary folder) no $schema path would hold.
      assert.strictEqual(g.$schema, undefined);
    });

    it('reads every table of the file, strips emphasis and backticks, and ignores the author column', () => {
      const firstTable = byEn(g, 'activation function'), secondTable = byEn(g, 'attention');
      assert.deepStrictEqual(firstTable && { ko: firstTable.ko }, { ko: '활성화 함수' });
      assert.strictEqual(secondTable?.ko, '어텐션', '**attention** | **어텐션** in the second table');
      const all = JSON.stringify(g);
      assert.doesNotMatch(all, /\*\*|`|~~/);
      assert.ok(!/김지우|정유진|오지안/.test(all), 'the 작성자 column is not imported');
    });

    it('several renderings, abbreviations in parentheses or after a comma, struck-through spellings, notes', () => {
      assert.deepStrictEqual(byEn(g, 'fine-tuning'), { ko: '미세 조정', en: 'fine-tuning', koVariants: ['파인튜닝'], note: '앞의 것을 씁니다' });
      assert.deepStrictEqual(byEn(g, 'tokenizer')?.koVariants, ['토큰화기'], '"/" separates renderings too');
      assert.deepStrictEqual([byEn(g, 'Layer')?.ko, byEn(g, 'Layer')?.koVariants], ['계층', ['층']], 'a one-syllable rendering is a rendering');
      assert.deepStrictEqual([byEn(g, 'Large Language Model')?.abbr, byEn(g, 'Diffusion Transformers')?.abbr], ['LLM', 'DiT']);
      assert.strictEqual(byEn(g, 'learning rate')?.abbr, 'lr', '"learning rate, lr"');
      assert.deepStrictEqual([byEn(g, 'gradient')?.ko, byEn(g, 'gradient')?.avoid], ['변화도', ['그래디언트']]);
      assert.strictEqual(byEn(g, 'momentum')?.note, '(method) 음차 표기', 'a qualifier in parentheses moves to the note');
      assert.strictEqual(byEn(g, 'method')?.note, '음차 표기', 'a link in a note keeps its text');
    });

    it('rows that keep the English are skipped and reported at their lines', () => {
      for (const en of ['autograd', 'NumPy', 'Tensor / Tensors', 'zero-shot', '`state_dict`']) {
        const [line] = linesWith(guide, `| ${en} |`);
        assert.ok(line, en);
        const shown = en.replace(/ \/ Tensors|`/g, '');
        assert.match(r.stderr, new RegExp(`^pytorch-korea-guide\\.md:${line}:\\d+: "${shown}" has no Korean rendering`, 'm'), en);
        assert.ok(!g.terms.some(t => t.en === shown), `${shown} is not imported`);
      }
      assert.match(r.stderr, /pytorch-korea-guide\.md: \d+ terms imported from \d+ rows \(skipped: 7, duplicates: 0, conflicts: 0\)/);
    });

    it('round trip: export --to tsv, import again: the same glossary', () => {
      const ex = run(['glossary', 'export', 'pt.glossary.json', '--no-builtin', '--to', 'tsv', '--out', 'pt.tsv'], dir);
      assert.strictEqual(ex.code, 0, ex.stderr);
      const im = run(['glossary', 'import', 'pt.tsv', '--no-merge', '--out', 'again.glossary.json'], dir);
      assert.strictEqual(im.code, 0, im.stderr);
      assert.doesNotMatch(im.stderr, /No header|skipped: [1-9]/);
      assert.deepStrictEqual(readJson(path.join(dir, 'again.glossary.json')), g);
    });
  });

  it('the built-in glossary round-trips through TSV in every field TSV holds', () => {
    const ex = run(['glossary', 'export', '--to', 'tsv', '--out', 'builtin.tsv'], dir);
    assert.strictEqual(ex.code, 0, ex.stderr);
    const im = run(['glossary', 'import', 'builtin.tsv', '--no-merge', '--out', 'builtin-again.glossary.json'], dir);
    assert.strictEqual(im.code, 0, im.stderr);
    const fields = ['ko', 'en', 'abbr', 'enVariants', 'koVariants', 'avoid', 'note'] as const;
    const pick = (t: Entry) => Object.fromEntries(fields.filter(f => t[f] !== undefined).map(f => [f, t[f]]));
    const want = readJson(BUILTIN).terms.map(pick);
    const got = readJson(path.join(dir, 'builtin-again.glossary.json')).terms.map(pick);
    assert.strictEqual(got.length, want.length);
    assert.deepStrictEqual(new Map(got.map(t => [t.en, t])), new Map(want.map(t => [t.en, t])));
  });

  it('the d2l-ko layout (| 영어 | 한국어 |, padded, empty cells): untranslated rows skipped, abbreviations and variants read', () => {
    const file = fixture('d2l-ko-terminology.md');
    const r = run(['glossary', 'import', 'd2l-ko-terminology.md', '--no-merge'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const g: Glossary = JSON.parse(r.stdout);
    const [bucketing] = linesWith(file, '| bucketing ');
    assert.match(r.stderr, new RegExp(`^d2l-ko-terminology\\.md:${bucketing}:\\d+: "bucketing" has no Korean`, 'm'));
    assert.strictEqual(byEn(g, 'independent and identically distributed')?.abbr, 'i.i.d.');
    assert.strictEqual(byEn(g, 'continuous bag-of-words model')?.abbr, 'CBOW');
    assert.deepStrictEqual(byEn(g, 'tokenizer')?.enVariants, ['tokenization']);
    assert.deepStrictEqual(byEn(g, 'softmax')?.enVariants, ['hierarchical softmax'], 'a full-width comma separates too');
    assert.strictEqual(g.terms.length, markdownRows(file).filter(row => hangul(row.cells[1])).length);
  });

  it('CSV: quoted fields with commas, doubled quotes and line breaks; an unknown column ignored', () => {
    const r = run(['glossary', 'import', 'terms.csv', '--no-merge'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const g: Glossary = JSON.parse(r.stdout);
    assert.deepStrictEqual(byEn(g, 'large language model'), { ko: '대규모 언어 모델', en: 'large language model', abbr: 'LLM', note: '"LLM"으로 줄여 씁니다' });
    assert.deepStrictEqual(byEn(g, 'attention')?.koVariants, ['주의 집중']);
    assert.strictEqual(byEn(g, 'mixture of experts')?.note, '여러 줄 설명도 됩니다');
    assert.strictEqual(byEn(g, 'prompt')?.note, '쉼표, 따옴표 "예시"');
    assert.strictEqual(byEn(g, 'retrieval-augmented generation')?.abbr, 'RAG');
    assert.ok(!JSON.stringify(g).includes('김지우'), 'the Author column is not imported');
  });

  it('CSV line numbers count the line breaks inside quoted fields; a CRLF file reads the same', () => {
    const csv = 'English,Korean\r\n"a long\r\nnote term",긴 용어\r\nloss,손실\r\n"multi\r\nline",여러 줄\r\nLoss,손실\r\n';
    fs.writeFileSync(path.join(dir, 'crlf.csv'), csv);
    const r = run(['glossary', 'import', 'crlf.csv', '--no-merge'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    // Loss is on line 7 (the quoted fields span lines 2-3 and 5-6), first seen on line 4.
    assert.match(r.stderr, /^crlf\.csv:7:1: "Loss" is listed again with the same Korean "손실" \(first at line 4\); kept once$/m);
    assert.deepStrictEqual(JSON.parse(r.stdout).terms.map((t: Entry) => t.en), ['a long note term', 'loss', 'multi line']);
  });

  it('TSV without a header: column 1 English, column 2 Korean, and it says so', () => {
    const r = run(['glossary', 'import', 'no-header.tsv', '--no-merge'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /^no-header\.tsv:1:1: No header row names the English and Korean columns/m);
    const rows = fs.readFileSync(fixture('no-header.tsv'), 'utf8').trim().split('\n').map(l => l.split('\t'));
    assert.deepStrictEqual(new Set(JSON.parse(r.stdout).terms.map((t: Entry) => `${t.en}=${t.ko}`)), new Set(rows.map(([en, ko]) => `${en}=${ko}`)));
  });

  it('duplicates and conflicts: reported with their lines; the conflicting term is left out; exit 1', () => {
    const file = fixture('duplicates.md');
    const r = run(['glossary', 'import', 'duplicates.md', '--no-merge', '--out', 'dup.glossary.json'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    const [g1, g2] = linesWith(file, '| gradient |');
    const [loss] = linesWith(file, '| loss |'), [Loss] = linesWith(file, '| Loss |');
    assert.match(r.stderr, new RegExp(`^duplicates\\.md:${Loss}:\\d+: "Loss" is listed again with the same Korean "손실" \\(first at line ${loss}\\); kept once$`, 'm'));
    assert.match(r.stderr, new RegExp(`^duplicates\\.md:${g2}:\\d+: "gradient" is rendered "기울기" here but "변화도" at line ${g1}; the term is left out`, 'm'));
    assert.match(r.stderr, new RegExp(`^duplicates\\.md:${g1}:\\d+: "gradient" is rendered "변화도" here and differently at line ${g2}`, 'm'));
    assert.match(r.stderr, /duplicates: 1, conflicts: 1\)/);
    // The rest is written (and valid); the conflicting term is in neither rendering.
    const g = readJson(path.join(dir, 'dup.glossary.json'));
    assert.deepStrictEqual(g.terms.map(t => t.en), ['epoch', 'loss', 'weight']);
    assert.strictEqual(run(['glossary', 'check', 'dup.glossary.json'], dir).code, 0);
  });

  it('messages in Korean with --locale ko', () => {
    const r = run(['glossary', 'import', 'duplicates.md', '--no-merge', '--locale', 'ko'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /"gradient"를 여기서는 "기울기"로, \d+행에서는 "변화도"로 옮겼습니다/);
    assert.match(r.stderr, /"Loss"가 같은 번역 "손실"로 다시 나옵니다/);
  });

  it('usage errors: exit 2', () => {
    fs.writeFileSync(path.join(dir, 'cp949.csv'), Buffer.from([0x45, 0x6e, 0x67, 0x6c, 0x69, 0x73, 0x68, 0x2c, 0xc7, 0xd1, 0xb1, 0xdb, 0x0a]));
    fs.writeFileSync(path.join(dir, 'prose.md'), '# 메모\n\n| 이름 | 역할 |\n|---|---|\n| 김지우 | 번역 |\n');
    const cases: [string[], RegExp][] = [
      [['glossary', 'import'], /Name exactly one file/],
      [['glossary', 'import', 'a.md', 'b.md'], /Name exactly one file/],
      [['glossary', 'import', 'terms.csv', '--format', 'xlsx'], /Unknown format "xlsx"/],
      [['glossary', 'import', 'missing.csv'], /Cannot read missing\.csv: ENOENT/],
      [['glossary', 'import', 'cp949.csv'], /cp949\.csv is not UTF-8 text/],
      [['glossary', 'import', 'prose.md'], /prose\.md: no markdown table with an English and a Korean column/],
      [['glossary', 'import', 'prose.md', '--out', 'prose.md'], /--out prose\.md is the table being imported/],
      [['glossary', 'frob'], /Unknown glossary subcommand/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.strictEqual(fs.readFileSync(path.join(dir, 'prose.md'), 'utf8').startsWith('# 메모'), true, 'the table is not overwritten');
  });
});

describe('cli: glossary export', function () {
  this.timeout(120000);
  let dir: string, cleanup: () => void, g: Glossary;
  before(() => {
    ({ dir, cleanup } = withFixtures());
    const r = run(['glossary', 'import', 'pytorch-korea-guide.md', '--no-merge', '--out', 'pt.glossary.json'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    g = readJson(path.join(dir, 'pt.glossary.json'));
  });
  after(() => cleanup());

  const exportTo = (format: string, ...args: string[]) => {
    const r = run(['glossary', 'export', ...args, '--to', format], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    return r.stdout;
  };
  /** Every term form a word list should accept: English, abbreviations, Korean (never a spelling to avoid). */
  const forms = (gl: Glossary) => ({
    english: gl.terms.flatMap(t => [t.en, ...(t.enVariants ?? [])]),
    abbreviations: [...gl.terms.flatMap(t => (t.abbr ? [t.abbr] : [])), ...(gl.knownAbbreviations ?? [])],
    korean: gl.terms.flatMap(t => [t.ko, ...(t.koVariants ?? [])]),
    avoid: gl.terms.flatMap(t => t.avoid ?? []),
  });
  const wordsIn = (s: string) => s.split(/[^\p{L}\p{M}\p{N}']+/u).filter(w => [...w].length >= 2 && !/^\d+$/.test(w));

  /** A line list: one entry per line, a final newline, no blank lines, no duplicates, stable. */
  function assertLineList(format: string, text: string): string[] {
    const list = lines(text);
    assert.ok(list.length > 10, `${format}: entries`);
    assert.ok(text.endsWith('\n') && !text.includes('\r'), `${format}: LF lines, final newline`);
    assert.deepStrictEqual(list.filter(l => !l.trim() || l !== l.trim()), [], `${format}: blank lines or stray spaces`);
    assert.strictEqual(new Set(list).size, list.length, `${format}: duplicates`);
    assert.strictEqual(exportTo(format, 'pt.glossary.json'), text, `${format}: the same output every time`);
    return list;
  }

  it('cspell: a cspell config whose words cspell itself accepts, while a misspelling is still flagged', () => {
    const config = JSON.parse(exportTo('cspell', 'pt.glossary.json'));
    assert.strictEqual(config.version, '0.2');
    assert.deepStrictEqual(config.words, [...new Set(config.words)], 'no duplicates');
    const f = forms(stack(readJson(BUILTIN), g));
    const misspelt = 'tranformerz';
    const doc = ['# Glossary words', '', ...f.english.map(e => `- ${e}`), ...f.abbreviations.map(a => `- ${a}`), '', f.korean.join(', '), '', `A ${misspelt} here.`, ''].join('\n');
    fs.writeFileSync(path.join(dir, 'words.md'), doc);
    fs.writeFileSync(path.join(dir, 'exported.cspell.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(dir, 'empty.cspell.json'), JSON.stringify({ version: '0.2' }));
    const cspell = (cfg: string) => {
      const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cspell'), ['--no-progress', '--no-summary', '--no-config-search', '--words-only', '--unique', '--config', cfg, 'words.md'], { cwd: dir, encoding: 'utf8' });
      if (r.error) throw r.error;
      return { code: r.status, flagged: r.stdout.split('\n').map(s => s.trim()).filter(Boolean) };
    };
    // Without the glossary cspell flags some of its words (so the next check means something) and the misspelling.
    const before = cspell('empty.cspell.json');
    assert.strictEqual(before.code, 1);
    assert.ok(before.flagged.includes(misspelt), before.flagged.join(' '));
    assert.ok(before.flagged.filter(w => w !== misspelt).length >= 10, `glossary words unknown to cspell: ${before.flagged.join(' ')}`);
    assert.ok(before.flagged.includes('warmstart'), 'a word of the imported table that cspell does not know');
    const after = cspell('exported.cspell.json');
    assert.deepStrictEqual(after.flagged, [misspelt]);
    assert.strictEqual(after.code, 1);
  });

  it('vale: accept.txt entries are valid regular expressions matching every term exactly (and a capital at a sentence start)', () => {
    const list = assertLineList('vale', exportTo('vale', 'pt.glossary.json'));
    const res = list.map(e => {
      assert.ok(!e.startsWith('#'), `${e}: a comment line to Vale`);
      assert.doesNotMatch(e, /\(\?|\\[1-9bBdDsSwW]/, `${e}: no flags, groups, backreferences or classes Vale would read differently`);
      return new RegExp(`^(?:${e})$`);
    });
    const stacked = forms(stack(readJson(BUILTIN), g));
    const terms = [...stacked.english, ...stacked.abbreviations, ...stacked.korean];
    assert.deepStrictEqual(terms.filter(t => !res.some(re => re.test(t))), [], 'terms no entry matches');
    const lower = stacked.english.filter(t => /^[a-z]/.test(t));
    assert.ok(lower.length > 10);
    const capital = (t: string) => t[0].toUpperCase() + t.slice(1);
    assert.deepStrictEqual(lower.map(capital).filter(t => !res.some(re => re.test(t))), [], 'capitalised at a sentence start');
    // Abbreviations keep their case: Vale.Terms then flags "Dit" for DiT.
    assert.ok(res.some(re => re.test('DiT')) && !res.some(re => re.test('Dit')) && !res.some(re => re.test('dit')));
    // Metacharacters are escaped: "i.i.d." is matched literally, "iXiXdX" is not.
    const { dir: d2, cleanup: c2 } = tempProject({ 'meta.glossary.json': JSON.stringify({ terms: [{ ko: '독립 동일 분포', en: 'i.i.d. (sampling)+', abbr: 'i.i.d.' }] }) });
    try {
      const r = run(['glossary', 'export', 'meta.glossary.json', '--no-builtin', '--to', 'vale'], d2);
      const meta = lines(r.stdout).map(e => new RegExp(`^(?:${e})$`));
      assert.ok(meta.some(re => re.test('i.i.d. (sampling)+')) && meta.some(re => re.test('i.i.d.')));
      assert.ok(!meta.some(re => re.test('iXiXdX')) && !meta.some(re => re.test('i.i.d. sampling')));
    } finally { c2(); }
  });

  for (const format of ['ltex', 'harper']) {
    it(`${format}: a dictionary of single words, one per line, covering every word of every term`, () => {
      const list = assertLineList(format, exportTo(format, 'pt.glossary.json'));
      assert.deepStrictEqual(list.filter(w => /\s/.test(w)), [], 'one word per line');
      // LTeX reads a leading "-" as "remove this word"; Harper reads every line as it is.
      assert.deepStrictEqual(list.filter(w => w.startsWith('-') || w.startsWith('#')), []);
      const sorted = [...list].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
      assert.deepStrictEqual(list.map(w => w.toLowerCase()), sorted.map(w => w.toLowerCase()), 'sorted case-insensitively');
      const have = new Set(list);
      const f = forms(g);
      const missing = [...f.english, ...f.abbreviations, ...f.korean].flatMap(wordsIn).filter(w => !have.has(w) && !have.has(w.toLowerCase()));
      assert.deepStrictEqual(missing, []);
      // Spellings to avoid stay unknown to the checker (the built-in glossary prefers 그래디언트, so only without it).
      const own = new Set(lines(exportTo(format, 'pt.glossary.json', '--no-builtin')));
      assert.ok(g.terms.some(t => t.avoid?.includes('그래디언트')) && !own.has('그래디언트'), 'an avoided spelling is not accepted');
      // Stacked on the built-in glossary unless --no-builtin.
      const ownWords = new Set([...f.english, ...f.abbreviations, ...f.korean].flatMap(wordsIn).map(w => w.toLowerCase()));
      const builtinOnly = readJson(BUILTIN).terms.flatMap(t => wordsIn(t.en)).find(w => !ownWords.has(w.toLowerCase()));
      assert.ok(builtinOnly, 'the built-in glossary has words of its own');
      const listed = (set: Set<string>) => set.has(builtinOnly) || set.has(builtinOnly.toLowerCase());
      assert.ok(listed(have), `built-in word ${builtinOnly}`);
      assert.ok(!listed(own), '--no-builtin leaves it out');
    });
  }

  it('hanspell: glob patterns, one per line without spaces, that cover the particles after each Korean term', () => {
    const text = exportTo('hanspell', 'pt.glossary.json', '--no-builtin');
    const list = assertLineList('hanspell', exportTo('hanspell', 'pt.glossary.json'));
    assert.ok(list.length > lines(text).length, 'the built-in glossary is stacked below');
    const own = lines(text);
    assert.deepStrictEqual(own.filter(p => /\s/.test(p)), [], 'hanspell-cli splits patterns at spaces');
    // How hanspell-cli reads ~/.hanspell-ignore: [,{}] removed, lines and spaces joined into one brace pattern.
    const pattern = `{${text.replace(/[,{}]/g, '').replace(/[\n ][\n ]*/g, ',')}}`;
    const ignored = (token: string) => minimatch(token, pattern);
    for (const ko of forms(g).korean) {
      for (const particle of ['', '를', '는', '이', '에서']) {
        assert.ok(ignored(ko + particle), `${ko}${particle}`);
        const last = ko.split(' ').pop()!;
        if (ko.includes(' ') && [...last].length >= 2) assert.ok(ignored(last + particle), `${last}${particle} of ${ko}`);
      }
    }
    assert.ok(ignored('트랜스포머를') && ignored('확산 트랜스포머는'));
    assert.ok(!ignored('사과를') && !ignored('그래디언트를'), 'other words, and spellings to avoid, are still checked');
  });

  it('tsv: a header row, five tab-separated fields per row, stacked glossaries (a later file wins)', () => {
    fs.writeFileSync(path.join(dir, 'override.glossary.json'), JSON.stringify({ terms: [{ ko: '주의 메커니즘', en: 'attention' }] }));
    const list = lines(exportTo('tsv', 'pt.glossary.json', 'override.glossary.json'));
    assert.strictEqual(list[0], 'en\tko\tabbr\tavoid\tnote');
    assert.deepStrictEqual(list.filter(l => l.split('\t').length !== 5), []);
    const attention = list.filter(l => l.split('\t')[0].split(', ')[0] === 'attention');
    assert.deepStrictEqual(attention.map(l => l.split('\t')[1]), ['주의 메커니즘']);
    assert.strictEqual(list.length - 1, stack(readJson(BUILTIN), g).terms.length);
    const own = lines(exportTo('tsv', 'pt.glossary.json', '--no-builtin'));
    assert.strictEqual(own.length - 1, g.terms.length);
  });

  it('errors: no --to, an unknown format, an invalid glossary (located), --no-builtin without files: exit 2', () => {
    fs.writeFileSync(path.join(dir, 'bad.glossary.json'), '{\n  "terms": [\n    { "ko": "정렬" }\n  ]\n}\n');
    const noTo = run(['glossary', 'export', 'pt.glossary.json'], dir);
    assert.strictEqual(noTo.code, 2);
    assert.match(noTo.stderr, /Name the output format with --to \(one of cspell, vale, ltex, harper, hanspell, tsv\)/);
    const unknown = run(['glossary', 'export', '--to', 'aspell'], dir);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown format "aspell"/);
    const bad = run(['glossary', 'export', 'bad.glossary.json', '--to', 'tsv'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /^bad\.glossary\.json:3:\d+: .*en/m);
    assert.match(bad.stderr, /bad\.glossary\.json: not a valid glossary/);
    assert.strictEqual(bad.stdout, '');
    const none = run(['glossary', 'export', '--no-builtin', '--to', 'tsv'], dir);
    assert.strictEqual(none.code, 2);
  });

  it('--out writes the file (replacing an older one) and says so on stderr', () => {
    fs.writeFileSync(path.join(dir, 'accept.txt'), 'old\n');
    const r = run(['glossary', 'export', 'pt.glossary.json', '--to', 'vale', '--out', 'accept.txt'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, '');
    const written = fs.readFileSync(path.join(dir, 'accept.txt'), 'utf8');
    assert.strictEqual(written, exportTo('vale', 'pt.glossary.json'));
    assert.match(r.stderr, new RegExp(`^accept\\.txt: ${lines(written).length} vale entries written$`, 'm'));
    const nested = run(['glossary', 'export', 'pt.glossary.json', '--to', 'harper', '--out', 'sub/dir/dictionary.txt'], dir);
    assert.strictEqual(nested.code, 0, nested.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'sub/dir/dictionary.txt')));
  });

describe('cli: glossary import keeps what the built-in glossary knows of a term', () => {
  it('a bare row for a built-in term keeps its avoided spellings, variants and first-use rule; the table\'s Korean wins', () => {
    const { dir, cleanup } = tempProject({
      'team.md': '| 영문 | 한글 | 비고 |\n|---|---|---|\n| Fine-tuning | 미세 조정 | 팀 표기 |\n| Overfitting | 오버피팅 | |\n| Autograd | 자동 미분 엔진 | |\n',
    });
    try {
      const r = run(['glossary', 'import', 'team.md', '--out', 'g.json'], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stderr, /2 terms are in the built-in glossary too \(1 with the same Korean\)/);
      const terms = JSON.parse(fs.readFileSync(path.join(dir, 'g.json'), 'utf8')).terms as { en: string; ko: string; avoid?: string[]; note?: string; original?: string }[];
      const ft = terms.find(x => x.ko === '미세 조정')!;
      assert.strictEqual(ft.en, 'fine-tuning', 'spelled as the built-in glossary spells it');
      assert.ok(ft.avoid?.includes('파인튜닝'), JSON.stringify(ft));
      assert.strictEqual(ft.note, '팀 표기', 'the table\'s note, not the built-in curation note');
      const of = terms.find(x => x.en.toLowerCase() === 'overfitting')!;
      assert.strictEqual(of.ko, '오버피팅', 'the team\'s rendering wins');
      assert.ok(!(of.avoid ?? []).includes('오버피팅'), 'its own choice is not avoided');
      assert.strictEqual(terms.find(x => x.ko === '자동 미분 엔진')!.en, 'Autograd', 'a term the built-in glossary lacks is written as it is');
      // With --no-merge the rows are written as they are.
      const bare = run(['glossary', 'import', 'team.md', '--no-merge'], dir);
      assert.deepStrictEqual(JSON.parse(bare.stdout).terms.find((x: { ko: string }) => x.ko === '미세 조정'), { ko: '미세 조정', en: 'Fine-tuning', note: '팀 표기' });
    } finally { cleanup(); }
  });

  it('a CSV whose quote is never closed is not written', () => {
    const { dir, cleanup } = tempProject({ 'bad.csv': 'English,Korean\nloss,손실\n"dropout,드롭아웃\nlayer,층\n' });
    try {
      const r = run(['glossary', 'import', 'bad.csv', '--out', 'g.json'], dir);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(r.stderr, /not written: an unclosed quote/);
      assert.ok(!fs.existsSync(path.join(dir, 'g.json')));
    } finally { cleanup(); }
  });
});
});
