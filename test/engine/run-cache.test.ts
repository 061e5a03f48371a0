// The glossary analysis caches each text run's result (issue 17); the cache is bounded by an
// estimate of what it holds, least recently used out, so a long editing session cannot grow it,
// and a document's own runs are never evicted to make room for each other.
import * as assert from 'assert';
import { RunCache, analyse, forgetRunAnalyses } from '../../server/src/engine/glossary/analysis';
import { compileGlossary } from '../../server/src/engine/glossary/compile';
import { builtinLayer } from '../../server/src/engine/glossary/builtin';
import { buildDigest, builtinProfile, parseMarkdown } from '../../server/src/engine';

describe('glossary run cache', () => {
  const value = { ko: [], en: [], pairs: [], abbrs: [], names: [] };
  const key = (i: number) => `${i}`.padEnd(36, '.'); // cost 36 + 64 = 100

  it('trims to its limit, least recently used first', () => {
    const c = new RunCache(1000);
    for (let i = 0; i < 50; i++) c.set(key(i), value);
    c.trim();
    assert.deepStrictEqual(c.size, { entries: 10, cost: 1000 });
    assert.ok(c.get(key(49)), 'the newest is kept');
    assert.strictEqual(c.get(key(0)), undefined, 'the oldest is gone');
  });

  it('a read makes an entry recent again; trim keeps the current document\'s keys even over the limit', () => {
    const c = new RunCache(800);
    for (let i = 1; i <= 8; i++) c.set(key(i), value);
    c.get(key(1));
    c.set(key(9), value);
    c.trim();
    assert.ok(c.get(key(1)), 'read just before: kept');
    assert.strictEqual(c.get(key(2)), undefined, 'least recently used: dropped');
    for (let i = 10; i < 20; i++) c.set(key(i), value);
    c.trim(new Set(Array.from({ length: 10 }, (_, k) => key(10 + k))));
    assert.strictEqual(c.size.entries, 10, 'all ten of the current document stay, the rest go');
  });

  it('setting a key again does not count it twice; a run too big for it is not kept', () => {
    const c = new RunCache(1000);
    c.set(key(1), value); c.set(key(1), value);
    assert.deepStrictEqual(c.size, { entries: 1, cost: 100 });
    c.set('x'.repeat(200), value);
    assert.strictEqual(c.get('x'.repeat(200)), undefined);
  });

  it('analysing a document gives the same result from a cold and from a warm cache', () => {
    const text = '# 제목\n\n확산 트랜스포머(Diffusion Transformers)와 LLM을 씁니다. 파인튜닝도 합니다.\n\n## 2\n\n강화 학습(RL)과 DiT를 봅니다.\n';
    const digest = () => buildDigest(parseMarkdown(text), text, builtinProfile('weekly-digest-ko')!);
    const g = compileGlossary([builtinLayer().layer]);
    const strip = (a: ReturnType<typeof analyse>) => ({ ko: a.ko, en: a.en, pairs: a.pairs, abbrs: a.abbrs });
    const cold = strip(analyse(digest(), g));
    const warm = strip(analyse(digest(), g));
    assert.deepStrictEqual(warm, cold);
    assert.ok(cold.ko.length > 2 && cold.pairs.length >= 2 && cold.abbrs.length >= 1, JSON.stringify(cold).slice(0, 200));
  });

  it('a paragraph repeated in one block is analysed once and placed at each of its runs; forgetting the cache changes nothing', () => {
    const para = '확산 트랜스포머(Diffusion Transformers)와 LLM을 씁니다.';
    const text = `# 제목\n\n- ${para}\n- 다른 줄입니다.\n- ${para}\n`;
    const digest = () => buildDigest(parseMarkdown(text), text, builtinProfile('weekly-digest-ko')!);
    const g = compileGlossary([builtinLayer().layer]);
    const a = analyse(digest(), g);
    const runsOf = (xs: { run: number }[]) => xs.map(x => x.run);
    const copies = a.runs.map((r, i) => [r.text, i] as const).filter(([t]) => t === para).map(([, i]) => i);
    assert.strictEqual(copies.length, 2);
    for (const list of [a.ko, a.pairs, a.abbrs]) {
      const at = runsOf(list);
      assert.ok(at.includes(copies[0]) && at.includes(copies[1]), `matches in both copies: ${at}`);
      assert.strictEqual(at.filter(r => r === copies[0]).length, at.filter(r => r === copies[1]).length);
    }
    // Analysed once: both copies' pairs are placed from one analysis (the same pieces inside).
    const [p0, p1] = copies.map(r => a.pairs.find(p => p.run === r)!);
    assert.ok(p0.head === p1.head && p0 !== p1, 'one analysis, placed twice');
    const strip = (x: ReturnType<typeof analyse>) => ({ ko: x.ko, en: x.en, pairs: x.pairs, abbrs: x.abbrs });
    forgetRunAnalyses();
    assert.deepStrictEqual(strip(analyse(digest(), g)), strip(a));
  });
});
