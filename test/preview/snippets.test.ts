import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, rules, type Finding } from '../../server/src/engine';
import { analyse, envGlossary } from '../../server/src/engine/glossary';
import { ROOT } from '../support/paths';
import { expandSnippet, parseSnippet } from './snippet-expander';
import { blockSnippet } from '../../server/src/features/structure-completion';

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }
const file = path.join(ROOT, 'snippets', 'paper-digest.code-snippets');
const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Snippet>;
const profile = builtinProfile('weekly-digest-ko')!;
const structureRules = new Set(rules.filter(r => r.category === 'structure').map(r => r.id));
const check = (text: string) => checkText(text, { profile, locale: 'en' });
// Stand-ins are reported until they are replaced (tested below), so they are left out here: block bodies
// (작성 필요) by block-empty, titles, subtitles and the intro sentence by placeholder-text, arXiv-id by resources-links.
const isPlaceholder = (f: Finding) => (f.rule === 'block-empty' && f.message.includes('(작성 필요)'))
  || f.rule === 'placeholder-text' || (f.rule === 'resources-links' && f.message.includes('"arXiv-id"'));
const structural = (fs: Finding[]) => fs.filter(f => structureRules.has(f.rule) && !isPlaceholder(f)).map(f => `${f.rule}: ${f.message}`);
const body = (name: string) => snippets[name].body;
const expand = (name: string, values: Record<number, string> = {}) => expandSnippet(body(name), values).text;

/** A digest with section 1 holding paper 1.1 (complete), for inserting snippets into. */
const host = (insert: string) => `목차:
1. 첫 섹션

### 1. 첫 섹션

${insert}
`;

describe('snippets (snippets/paper-digest.code-snippets)', () => {
  it('is valid JSON whose every snippet has Korean and English prefixes, a description and a body that parses', () => {
    assert.ok(Object.keys(snippets).length >= 8);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = ([] as string[]).concat(s.prefix);
      assert.ok(prefixes.some(p => /\p{Script=Hangul}/u.test(p)), `${name}: a Korean prefix`);
      assert.ok(prefixes.some(p => /^[a-z]+$/.test(p)), `${name}: an English prefix`);
      assert.ok(/\p{Script=Hangul}/u.test(s.description) && /[A-Za-z]{3}/.test(s.description), `${name}: Korean and English description`);
      assert.doesNotThrow(() => parseSnippet(([] as string[]).concat(s.body).join('\n')), name);
    }
  });

  it('the expander follows VS Code syntax: defaults, nesting, mirrors, choices, escapes', () => {
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $2 ${3|x,y|} \\$4 $1').text, 'a b b x $4 a b');
    assert.strictEqual(expandSnippet('${1:a}-$1', { 1: 'z' }).text, 'z-z');
    assert.throws(() => expandSnippet('${1:a'));
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'));
  });

  it('the digest skeleton is a digest the checker accepts: no structure findings', () => {
    const text = expand('Digest skeleton');
    const r = check(text);
    assert.deepStrictEqual(structural(r.findings), []);
    assert.strictEqual(r.digest.frontMatter?.data?.['paper-digest'], true);
    assert.deepStrictEqual(r.digest.sections.map(s => s.heading.text), ['1. 섹션 제목']);
    assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), ['key-idea', 'methodology', 'findings', 'resources']);
  });

  it('the skeleton mirrors the section title into the TOC: a typed title still matches', () => {
    const r = check(expandSnippet(body('Digest skeleton'), { 3: 'LLM 발전 및 기술 보고서' }).text);
    assert.deepStrictEqual(structural(r.findings), []);
    assert.strictEqual(r.digest.toc?.list?.items[0].title, 'LLM 발전 및 기술 보고서');
  });

  it('a paper entry inside a section has every block in profile order', () => {
    const r = check(host(expand('Paper entry')));
    assert.deepStrictEqual(structural(r.findings), []);
    assert.strictEqual(r.digest.sections[0].papers.length, 1);
    assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), ['key-idea', 'methodology', 'findings', 'resources']);
    // a second entry numbered by the author is just as complete
    const two = check(host(expand('Paper entry') + '\n' + expandSnippet(body('Paper entry'), { 1: '1.2', 2: '두 번째 논문', 12: '2510.00002' }).text));
    assert.deepStrictEqual(structural(two.findings), []);
  });

  it('every stand-in the paper entry inserts is reported until replaced, each once', () => {
    const shown = (text: string) => check(host(text)).findings.filter(isPlaceholder).map(f => f.rule).sort();
    assert.deepStrictEqual(shown(expand('Paper entry')), [
      'block-empty', 'block-empty', 'block-empty', // key idea, methodology and findings bodies
      'placeholder-text', 'placeholder-text', 'placeholder-text', 'placeholder-text', // title, intro, two subtitles
      'resources-links', 'resources-links', // arXiv-id in the abs and PDF links
    ]);
    const written = expandSnippet(body('Paper entry'), {
      1: '1.1', 2: '표현 오토인코더를 쓰는 확산 모델', 3: 'Diffusion with Representation Autoencoders', 4: '이 논문은 VAE 대신 표현 오토인코더를 씁니다.',
      5: '의미론적 잠재 공간', 6: '핵심 주장입니다.', 7: '인코더 고정', 8: '방법입니다.', 10: '결과입니다.', 12: '2510.11690',
    }).text;
    assert.deepStrictEqual(shown(written), []);
    assert.deepStrictEqual(structural(check(host(written)).findings), []);
  });

  it('block bodies hold the placeholder (작성 필요), reported by block-empty until replaced', () => {
    const placeholders = (text: string) => check(host(text)).findings.filter(f => isPlaceholder(f) && f.rule === 'block-empty').length;
    assert.strictEqual(placeholders(expand('Paper entry')), 3, 'key idea, methodology and findings');
    assert.strictEqual(placeholders(expandSnippet(body('Paper entry'), { 6: '핵심 주장입니다.', 8: '방법입니다.', 10: '결과입니다.' }).text), 0);
    for (const name of ['Key idea block', 'Methodology block', 'Findings block']) {
      assert.match(expand(name), /\(작성 필요\)/, name);
      assert.strictEqual(placeholders(`#### 1.1. 제목\n\n${expand(name)}\n`), 1, name);
    }
  });

  it('a section after an existing one is recognised as that numbered section', () => {
    const text = host(expand('Paper entry')) + '\n' + expand('Section') + expandSnippet(body('Paper entry'), { 1: '2.1', 2: '세 번째 논문', 12: '2510.00003' }).text;
    const r = check(text.replace('1. 첫 섹션\n', '1. 첫 섹션\n2. 섹션 제목\n'));
    assert.deepStrictEqual(structural(r.findings), []);
    assert.deepStrictEqual(r.digest.sections.map(s => s.heading.number), [[1], [2]]);
  });

  it('each block alone is found as that block; the four in order make a complete entry', () => {
    const names = ['Key idea block', 'Methodology block', 'Findings block', 'Resources block'];
    const ids = ['key-idea', 'methodology', 'findings', 'resources'];
    names.forEach((name, i) => {
      const r = check(host(`#### 1.1. 제목\n\n${expand(name)}\n`));
      assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), [ids[i]], name);
      assert.ok(r.digest.papers[0].blocks[0].hasContent, `${name} has content`);
    });
    const r = check(host(`#### 1.1. 제목\n\n${names.map(n => expand(n)).join('\n\n')}\n`));
    assert.deepStrictEqual(structural(r.findings), []);
  });

  it('the resources block mirrors one arXiv id into the abs and PDF links', () => {
    const text = expandSnippet(body('Resources block'), { 1: '2510.11690' }).text;
    assert.match(text, /\(https:\/\/arxiv\.org\/abs\/2510\.11690\)/);
    assert.match(text, /\(https:\/\/arxiv\.org\/pdf\/2510\.11690\)/);
    const r = check(host(`#### 1.1. 제목\n\n${text}\n`));
    assert.ok(!r.findings.some(f => f.rule === 'resources-links'), JSON.stringify(structural(r.findings)));
  });

  it('the term pair expands to a pair the glossary matcher recognises', () => {
    const text = `#### 1.1. 제목\n\n모델은 ${expandSnippet(body('Term pair'), { 1: '잠재 공간', 2: 'latent space' }).text}에서 학습합니다.\n`;
    assert.match(text, /잠재 공간\(latent space\)에서/);
    const r = check(text);
    const a = analyse(r.digest, envGlossary({ glossary: { terms: [{ ko: '잠재 공간', en: 'latent space' }] } }));
    assert.deepStrictEqual(a.pairs.map(p => [p.ko?.text, p.en?.text]), [['잠재 공간', 'latent space']]);
  });

  it('the `**` completion snippets of the language server expand to the blocks they name', () => {
    const text = profile.blocks.map(spec => '**' + expandSnippet(blockSnippet(spec, '부제목'), { 1: spec.resources ? '2510.11690' : ': 부제목' }).text + '본문').join('\n\n');
    const r = check(host(`#### 1.1. 제목\n\n${text}\n`));
    assert.deepStrictEqual(r.digest.papers[0].blocks.map(b => b.spec.id), profile.blocks.map(b => b.id));
    assert.deepStrictEqual(structural(r.findings), []);
  });

  it('is contributed for Markdown in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === 'markdown' && path.resolve(ROOT, s.path) === file));
  });
});
