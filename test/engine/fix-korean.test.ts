import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, builtinProfile, checkText, type CheckOptions, type Finding } from '../../server/src/engine';
import { fixAllText } from '../../server/src/engine/fix-all';
import { particleAt, particleFor, particleHost } from '../../server/src/engine/particles';
import { FIXTURES, SHARED, corpusFiles, hasCorpus } from '../support/paths';
import { auditFixAll } from '../support/fix-audit';

// Issue 12: a fix never leaves a particle that disagrees with the new word, never doubles a word,
// never changes meaning (terms with several senses get a choice), never deletes information.
const opts: CheckOptions = { profile: builtinProfile('weekly-digest-ko')!, locale: 'ko' };
const findings = (text: string, rule?: string): Finding[] => checkText(text, opts).findings.filter(f => !rule || f.rule === rule);
const fixAll = (text: string) => fixAllText(text, opts).text;
/** Applies the first fix of the first finding of `rule` (what a click on the quick fix does). */
function quickFix(text: string, rule: string, index = 0): string {
  const f = findings(text, rule)[0];
  assert.ok(f, `no ${rule} finding in: ${text}`);
  assert.ok(f.fixes[index], `${rule} offers no fix ${index}`);
  return applyEdits(text, f.fixes[index].edits).text;
}

describe('Korean-safe fixes', () => {
  describe('particles', () => {
    it('finds variable particles only where they end a word', () => {
      assert.strictEqual(particleAt('를 설계')?.form, '를');
      assert.strictEqual(particleAt('으로서는')?.form, '으로서');
      assert.strictEqual(particleAt('과정을'), undefined, '과 of 과정 is not a particle');
      assert.strictEqual(particleAt('가능한'), undefined);
      assert.strictEqual(particleAt('이다'), undefined, 'the copula agrees by itself');
    });
    it('chooses the form for the new word, ㄹ included (es-hangul)', () => {
      assert.strictEqual(particleFor('신경망', '을/를'), '을');
      assert.strictEqual(particleFor('데이터', '을/를'), '를');
      assert.strictEqual(particleFor('추론', '으로/로'), '으로');
      assert.strictEqual(particleFor('모델', '으로/로'), '로');
      assert.strictEqual(particleFor('GPT', '이/가'), undefined, 'a Latin word is read aloud; not guessed');
    });
    it('reads through a pair and closing bold: 추론(inference)으로 agrees with 추론', () => {
      assert.strictEqual(particleHost('추론(inference)'), '론');
      assert.strictEqual(particleHost('**확산 모델**'), '델');
      assert.strictEqual(particleHost('병렬 사고 (Parallel Thinking)'), '고');
    });
  });

  describe('term-variant keeps the particle in agreement', () => {
    const cases: [string, string][] = [
      ['유도 바이어스를 제거합니다.\n', '유도 편향을 제거합니다.\n'],
      ['요인 및 바이어스로, 정규화합니다.\n', '요인 및 편향으로, 정규화합니다.\n'],
      ['정보가 담긴 데이터세트가 있습니다.\n', '정보가 담긴 데이터셋이 있습니다.\n'],
      ['로컬 인퍼런스로 구동합니다.\n', '로컬 추론으로 구동합니다.\n'],
      // 재순위화 always needs its English at first mention, so term-first-use adds it; 를 still agrees with 화.
      ['GPT-4보다 리랭킹을 잘한다.\n', 'GPT-4보다 재순위화(reranking)를 잘한다.\n'],
      ['파인튜닝은 비쌉니다.\n', '미세 조정은 비쌉니다.\n'],
    ];
    for (const [from, to] of cases) it(`${from.trim()} → ${to.trim()}`, () => assert.strictEqual(fixAll(from), to));
  });

  describe('bold no parser read is fixed only where the result renders', () => {
    it('__굵게(bold)__를 → __굵게(bold)를__ after a space', () => {
      assert.strictEqual(fixAll('그리고 __굵게(bold)__를 봅니다.\n'), '그리고 __굵게(bold)를__ 봅니다.\n');
    });
    it('이것은__굵게__를 stays: after a letter the opening cannot open either', () => {
      assert.strictEqual(fixAll('이것은__굵게__를 봅니다.\n'), '이것은__굵게__를 봅니다.\n');
    });
    it('arithmetic is not bold: x ** 2 + y ** 2 is left alone', () => {
      assert.strictEqual(fixAll('파이썬에서 x ** 2 + y ** 2 는 제곱합이다.\n'), '파이썬에서 x ** 2 + y ** 2 는 제곱합이다.\n');
      assert.strictEqual(fixAll('** Limitations: ** 한계는 이렇습니다.\n'), '**Limitations:** 한계는 이렇습니다.\n');
    });
  });

  describe('term-first-use adds the English only where the term stands alone', () => {
    it('증류는 → 증류(distillation)는, a term that always needs its English', () => {
      assert.strictEqual(fixAll('증류는 작은 모델을 가르칩니다.\n'), '증류(distillation)는 작은 모델을 가르칩니다.\n');
    });
    it('셀프 증류 is self-distillation: "(distillation)" would mislabel it, so by hand only', () => {
      assert.strictEqual(fixAll('오프라인 셀프 증류는 작은 모델을 가르칩니다.\n'), '오프라인 셀프 증류는 작은 모델을 가르칩니다.\n');
      assert.ok(findings('오프라인 셀프 증류는 작은 모델을 가르칩니다.\n', 'term-first-use')[0]?.fixes.length, 'the fix is still offered by hand');
    });
  });

  describe('term-first-use moves a later pair to the first mention, particles in agreement', () => {
    it('잠재 공간 … 잠재 공간(latent space)을 → the pair first, the later mention bare', () => {
      assert.strictEqual(fixAll('잠재 공간을 먼저 쓰고 나중에 잠재 공간(latent space)을 설명합니다.\n'), '잠재 공간(latent space)을 먼저 쓰고 나중에 잠재 공간을 설명합니다.\n');
    });
    it('a particle chosen for the English after ")" is made to agree with the Korean it now follows: never 잠재 공간를', () => {
      const out = fixAll('잠재 공간이 먼저 나오고 나중에 잠재 공간(latent space)를 설명합니다.\n');
      assert.strictEqual(out, '잠재 공간(latent space)이 먼저 나오고 나중에 잠재 공간을 설명합니다.\n');
    });
    it('never breaks markup: a parenthesis wrapped in a link or bold is not moved; a particle after closing markup is made to agree', () => {
      for (const [later, kept] of [['잠재 공간 [(latent space)](https://example.com)을', '잠재 공간 [(latent space)](https://example.com)'], ['잠재 공간 **(latent space)**을', '잠재 공간 **(latent space)'], ['잠재 공간**(latent space)**을', '잠재 공간**(latent space)']]) {
        const out = fixAll(`잠재 공간을 씁니다. 뒤에서 ${later} 봅니다.\n`);
        assert.ok(out.includes(kept), `${later} kept whole: ${out}`);
      }
      assert.match(fixAll('잠재 공간을 씁니다. [잠재 공간(latent space)](https://example.com)를 봅니다.\n'), /\[잠재 공간\]\(https:\/\/example\.com\)을 봅니다/);
      assert.match(fixAll('잠재 공간을 씁니다. **잠재 공간(latent space)**를 봅니다.\n'), /\*\*잠재 공간\*\*을 봅니다/);
    });
    it('the author\'s own parenthesis moves as written, abbreviation included, and the document gives the English once', () => {
      const out = fixAll('확산 트랜스포머가 먼저 나옵니다. 뒤에서 확산 트랜스포머(Diffusion Transformers, DiT)를 설명합니다.\n');
      assert.strictEqual(out.match(/Diffusion Transformers, DiT/g)?.length, 1, out);
      assert.ok(out.startsWith('확산 트랜스포머(Diffusion Transformers, DiT)가'), out);
    });
  });

  describe('term-pair-style swaps carry the particle with them', () => {
    it('discriminator(판별기)을 → 판별기(discriminator)를', () => {
      assert.strictEqual(fixAll('새로운 discriminator(판별기)을 설계\n'), '새로운 판별기(discriminator)를 설계\n');
    });
    it('an English word with a Korean explanation is not swapped by --fix', () => {
      const text = '카메라 extrinsic(단일 회전과 변환으로 매개변수화)을 사용.\n';
      assert.strictEqual(fixAll(text), text);
    });
  });

  describe('no doubled words', () => {
    it('검색 증강(RAG): the replacement takes the whole phrase, by hand only', () => {
      const text = '파편화된 검색 증강(RAG)으로 단기 기억만 활용했습니다.\n';
      assert.strictEqual(fixAll(text), text, '--fix leaves it');
      const f = findings(text, 'term-mismatch')[0];
      if (f && f.fixes[0]) {
        const out = applyEdits(text, f.fixes[0].edits).text;
        assert.ok(!/검색 검색/.test(out), out);
        assert.strictEqual(f.fixes[0].safe, false);
      }
    });
    it('프롬프트 미세 조정(Prompt Tuning) never becomes 프롬프트 프롬프트 튜닝', () => {
      const text = '3. 프롬프트 미세 조정(Prompt Tuning)\n프롬프트를 학습합니다.\n';
      for (const f of findings(text)) for (const fix of f.fixes) assert.ok(!/프롬프트 프롬프트/.test(applyEdits(text, fix.edits).text), f.rule);
    });
  });

  describe('meaning', () => {
    it('추론 meaning reasoning gets a choice, never an automatic (inference)', () => {
      const text = '그 결과, 추론 특화 모델이 나왔습니다. 추론(inference) 비용은 낮습니다.\n';
      assert.strictEqual(fixAll(text), text);
      const f = findings(text, 'term-first-use')[0];
      assert.ok(f, 'still reported');
      assert.deepStrictEqual(f.fixes.map(x => x.safe), [false, false]);
      assert.deepStrictEqual(f.fixes.map(x => applyEdits(text, x.edits).text.slice(6, 26)), ['추론(inference) 특화 모델이', '추론(reasoning) 특화 모델이']);
    });
    it('증강 현실 is not given (augmentation) automatically', () => {
      const text = '예: 증강 현실과 같은 응용. 데이터 증강(augmentation)을 씁니다.\n';
      assert.strictEqual(fixAll(text), text);
    });
    it('term-mismatch replacements are never applied by --fix (the words before "(" may be a verb)', () => {
      for (const text of ['연산량을 크게 줄입니다 (Routing).\n', '모델을 키우거나(Dense), 나누는 방식.\n', '후속 학습(fine-tuning)을 거칩니다.\n']) {
        assert.strictEqual(fixAll(text), text);
      }
      const f = findings('후속 학습(fine-tuning)을 거칩니다.\n', 'term-mismatch')[0];
      assert.ok(f && f.fixes.length === 1 && !f.fixes[0].safe, 'offered by hand');
    });
    it('a term-mismatch replacement after a particle or an adjective is offered: 모델은 환영 → 모델은 환각, 잘못된 환영 → 잘못된 환각', () => {
      for (const [text, fixed] of [['모델은 환영(hallucination)을 만든다.\n', '모델은 환각(hallucination)을 만든다.\n'], ['잘못된 환영(hallucination)이 많다.\n', '잘못된 환각(hallucination)이 많다.\n']]) {
        const f = findings(text, 'term-mismatch')[0];
        assert.deepStrictEqual(f?.fixes.map(x => applyEdits(text, x.edits).text), [fixed]);
      }
    });
    it('no term-mismatch replacement where a word before modifies the Korean: "잘못된 정보 생성" must not become "잘못된 정보 환각"', () => {
      for (const text of ['잘못된 정보 생성(hallucination)과 같은 문제를 줄입니다.\n', '모델의 처리 속도(Throughput)가 역전됩니다.\n']) {
        const f = findings(text, 'term-mismatch')[0];
        assert.ok(f, `still reported: ${text}`);
        assert.deepStrictEqual(f.fixes, [], `no fix: ${text}`);
      }
    });
  });

  describe('information', () => {
    it('the seed RAE line keeps its pair and abbreviation', () => {
      const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
      const out = fixAll(seed);
      assert.ok(out.includes('표현 오토인코더(Representation Autoencoder, RAE)'), 'RAE pair kept');
      assert.ok(!out.includes('**표현 오토인코더가**'));
    });
    it('a product name and a gloss survive --fix: Weights & Biases, disentanglement(얽힘 제거), (PDF)', () => {
      for (const text of [
        '학습 로그를 Weights & Biases를 통해 공개했습니다.\n',
        'forward diffusion 과정에서 disentanglement(얽힘 제거) 전략을 사용합니다.\n',
        '- [강연 자료 (PDF)](./a.pdf)와 [논문 (PDF)](./b.pdf)\n',
      ]) assert.strictEqual(fixAll(text), text);
    });
    it('a hint (repeated pair) is never fixed automatically', () => {
      const text = '잠재 공간(latent space)은 크고, 잠재 공간(latent space)에서 학습합니다.\n';
      assert.strictEqual(fixAll(text), text);
      assert.strictEqual(quickFix(text, 'term-repeated-pair'), '잠재 공간(latent space)은 크고, 잠재 공간에서 학습합니다.\n');
    });
    it('a different parenthetical is never offered for deletion: 어텐션(Attention) then 어텐션(Dense Attention)', () => {
      const text = '어텐션(Attention)은 비쌉니다. 어텐션(attention, 주의)은 여기서도 쓰입니다.\n';
      for (const f of findings(text, 'term-repeated-pair')) assert.deepStrictEqual(f.fixes, [], 'no deletion of other text');
    });
  });

  describe('code and math are not prose', () => {
    it('no fix edits inside inline code, code blocks or $…$', () => {
      const text = '`파인튜닝을` 하는 코드와 $파인튜닝$ 식.\n\n```\n파인튜닝을 합니다\n```\n';
      assert.strictEqual(fixAll(text), text);
      // An unclosed fence holding `$` pairs: the code span still covers everything after it.
      const unclosed = '파인튜닝은 비쌉니다.\n\n```\n$a$ 파인튜닝을 $b$ 합니다 $c$ 파인튜닝을\n';
      assert.strictEqual(fixAll(unclosed), unclosed.replace('파인튜닝은', '미세 조정은'));
    });
  });
});

describe('fix-all on the seed and the corpus (issue 12)', function () {
  this.timeout(600_000);
  const seedFile = path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md');
  const check = (file: string) => {
    const audit = auditFixAll(fs.readFileSync(file, 'utf8'), file);
    assert.ok(audit.converged, `${file}: fix-all did not converge`);
    const bad = audit.applied.filter(a => a.problems.length);
    assert.deepStrictEqual(bad.map(b => `${b.rule}: ${b.problems.join('; ')}: ${b.after}`), [], file);
    // A second round changes nothing.
    assert.strictEqual(auditFixAll(audit.text, file).applied.length, 0, `${file}: second round changed text`);
    return audit;
  };
  it('the seed: no broken particle, no doubled word, converges', () => {
    const a = check(seedFile);
    assert.ok(!a.applied.some(x => x.rule === 'term-repeated-pair' || x.rule === 'term-mismatch' || x.rule === 'block-missing'), 'only meaning-preserving fixes');
  });
  it('every corpus file: no broken particle, no doubled word, converges', function () {
    if (!hasCorpus()) { console.log(`    SKIPPED: no corpus at ${SHARED}`); this.skip(); }
    const counts = new Map<string, number>();
    for (const file of corpusFiles()) for (const a of check(file).applied) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
    for (const unsafe of ['term-mismatch', 'term-repeated-pair', 'block-missing', 'promo-content', 'abbr-undefined']) assert.ok(!counts.has(unsafe), `${unsafe} applied by --fix`);
  });
});

describe('fixes in headings keep the anchors', () => {
  it('a glossary fix inside a heading is offered by hand only (a linked TOC would break)', () => {
    const text = '## ⚡ 요약 (Summary)\n\n본문에서 요약(Summary)을 씁니다. 파인튜닝을 합니다.\n';
    const out = fixAllText(text, opts).text;
    assert.ok(out.startsWith('## ⚡ 요약 (Summary)\n'), out);
    assert.ok(out.includes('미세 조정을 합니다'), 'the same fix in prose is applied');
  });
});

describe('renumbering keeps sub-numbering', () => {
  it('a heading numbered 3.2.2 at section level is not rewritten as "3."', () => {
    const text = '목차:\n1. 소개\n2. 방법\n\n### 1. 소개\n\n본문입니다.\n\n### 3.2.2 Architecture\n\n본문입니다.\n';
    const out = fixAllText(text, opts).text;
    assert.ok(out.includes('### 3.2.2 Architecture'), out);
  });
});
