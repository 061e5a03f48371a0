import * as assert from 'assert';
import { applyEdits, buildDigest, builtinProfile, checkText, parseMarkdown } from '../../server/src/engine';
import { analyse, compileGlossary, envGlossary } from '../../server/src/engine/glossary';
import { textRuns } from '../../server/src/engine/text-runs';
import type { GlossaryFile } from '../../server/src/engine/glossary';

const G: GlossaryFile = {
  terms: [
    { ko: '확산 트랜스포머', en: 'Diffusion Transformers', abbr: 'DiT', enVariants: ['Diffusion Transformer'], avoid: ['디퓨전 트랜스포머'] },
    { ko: '미세 조정', en: 'fine-tuning', avoid: ['파인튜닝', '파인 튜닝'] },
    { ko: '후속 학습', en: 'post-training' },
    { ko: '잠재 공간', en: 'latent space' },
    { ko: '토큰 차원', en: 'token dimension' },
    { ko: '잠재 토큰 차원', en: 'latent token dimension' },
    { ko: '표현 오토인코더', en: 'Representation Autoencoders', abbr: 'RAE' },
  ],
  knownAbbreviations: ['GPU'],
};
const profile = builtinProfile('weekly-digest-ko')!;

function pairsOf(text: string, glossary: GlossaryFile = G) {
  const g = envGlossary({ glossary });
  const a = analyse(buildDigest(parseMarkdown(text), text, profile), g);
  return a.pairs.map(p => ({ form: p.form, ko: p.ko?.text, en: p.en?.text, abbr: p.abbr?.text, space: p.space }));
}
function check(text: string, rule: string, env: Record<string, unknown> = {}) {
  return checkText(text, { profile, locale: 'en', rules: Object.fromEntries([[rule, rule === 'term-first-use' ? ['warning', { require: 'all' }] : 'warning']]), env: { glossary: G, ...env } }).findings.filter(f => f.rule === rule);
}
const fixed = (text: string, rule: string, env: Record<string, unknown> = {}) => {
  const f = check(text, rule, env);
  assert.ok(f.length, `no ${rule} finding in ${text}`);
  return applyEdits(text, f[0].fixes[0].edits).text;
};

describe('glossary matching', () => {
  describe('text runs', () => {
    it('maps flattened text back to source offsets across escapes, bold and links', () => {
      const src = '**확산 트랜스포머**\\(DiT\\)와 [표현](http://x.org/a)(RAE) `code`';
      const [run] = textRuns(parseMarkdown(src), src);
      assert.strictEqual(run.text, '확산 트랜스포머(DiT)와 표현(RAE) \uFFFC');
      for (let i = 0; i < run.text.length - 1; i++) {
        if (run.text[i] === '\uFFFC') continue;
        assert.strictEqual(src[run.base + run.offsets[i]], run.text[i], `char ${i}`);
      }
    });
    it('never contains code, URLs, link destinations or math', () => {
      const src = '`잠재 공간` <https://a.org/잠재> [x](https://b.org/잠재 "t") $잠재 공간$ 끝';
      const runs = textRuns(parseMarkdown(src), src);
      assert.ok(!runs.some(r => r.text.includes('잠재')), JSON.stringify(runs.map(r => r.text)));
    });
  });

  describe('pairs: every form of the spec table', () => {
    const cases: [string, object][] = [
      ['잠재 공간(latent space)이다.', { form: 'ko-en', ko: '잠재 공간', en: 'latent space', space: false }],
      ['확산 트랜스포머 (Diffusion Transformers)다.', { form: 'ko-en', ko: '확산 트랜스포머', en: 'Diffusion Transformers', space: true }],
      ['대조 학습(contrastive learning, CL)을 쓴다.', { form: 'ko-en', ko: '대조 학습', en: 'contrastive learning', abbr: 'CL' }],
      ['대규모 언어 모델(LLM)은 크다.', { form: 'ko-abbr', ko: '대규모 언어 모델', abbr: 'LLM' }],
      ['PPO(Proximal Policy Optimization)는 쓰인다.', { form: 'abbr-en', en: 'Proximal Policy Optimization', abbr: 'PPO' }],
      ['이 Mixture-of-Experts (MoE) 구조.', { form: 'en-abbr', en: 'Mixture-of-Experts', abbr: 'MoE', space: true }],
      ['Diffusion Transformers(확산 트랜스포머)를 쓴다.', { form: 'en-ko', ko: '확산 트랜스포머', en: 'Diffusion Transformers' }],
      ['은닉 차원(hidden dimension, 너비)을 맞춘다.', { form: 'ko-en', ko: '은닉 차원', en: 'hidden dimension' }],
      ['**확산 트랜스포머**(Diffusion Transformers)는', { form: 'ko-en', ko: '확산 트랜스포머' }],
      ['[표현 오토인코더](https://x.org)(RAE)는', { form: 'ko-abbr', ko: '표현 오토인코더', abbr: 'RAE' }],
      ['잠재 공간\\(latent space\\)은', { form: 'ko-en', ko: '잠재 공간', en: 'latent space' }],
      ['프레셰 인셉션 거리(Fréchet Inception Distance, FID)', { form: 'ko-en', en: 'Fréchet Inception Distance', abbr: 'FID' }],
    ];
    for (const [text, want] of cases) {
      it(text, () => {
        const got = pairsOf(text);
        assert.strictEqual(got.length, 1, JSON.stringify(got));
        for (const [k, v] of Object.entries(want)) assert.deepStrictEqual((got[0] as Record<string, unknown>)[k], v, k);
      });
    }
  });

  describe('not pairs', () => {
    for (const text of [
      '인코더(예: DINO 또는 SigLIP)를', '효율적(예: 14배 더 효율적)', '생성 성능(x축)과', '논문(2023)에서', '결과(그림 3)는',
      '결과(Figure 3)는', '인용(Vaswani et al., 2017)', '인코더(DINO, SigLIP)를', '코드 `f(x)`와', '수식 $f(x)$와', '값(10%)이',
      '모델(Qwen2.5-Omni)을', '주소(https://x.org)를', '(latent space)로 시작', '설명 (일반적으로 VAE)이',
    ]) it(text, () => assert.deepStrictEqual(pairsOf(text), []));
  });

  describe('Korean boundaries', () => {
    it('matches with particles attached and after punctuation, never glued to a preceding Hangul syllable', () => {
      const g = envGlossary({ glossary: G });
      const t = '"잠재 공간"을, 잠재 공간에서 비잠재 공간은';
      const a = analyse(buildDigest(parseMarkdown(t), t, profile), g);
      assert.deepStrictEqual(a.ko.map(h => [h.start, t.slice(h.start, h.end)]), [[1, '잠재 공간'], [10, '잠재 공간']]);
    });
    it('prefers the longest term: 잠재 토큰 차원 over 토큰 차원', () => {
      const f = check('잠재 토큰 차원이 크다.', 'term-first-use');
      assert.deepStrictEqual(f.map(x => x.data?.en), ['latent token dimension']);
    });
    it('matches a term broken across a soft line break', () => {
      const f = check('잠재\n공간이 크다.', 'term-first-use');
      assert.strictEqual(f.length, 1);
      assert.deepStrictEqual(f[0].span, { start: 0, end: 5 });
    });
    it('matches English case-insensitively with variants and plurals', () => {
      const g = envGlossary({ glossary: G });
      const t = 'diffusion transformer and DIFFUSION TRANSFORMERS and latent spaces and Fine Tuning';
      const a = analyse(buildDigest(parseMarkdown(t), t, profile), g);
      assert.deepStrictEqual(a.en.map(h => h.value.en), ['Diffusion Transformers', 'Diffusion Transformers', 'latent space', 'fine-tuning']);
    });
  });

  describe('Korean span of a pair the glossary does not know', () => {
    const ko = (t: string) => pairsOf(t, { terms: [] })[0]?.ko;
    it('takes as many words as the English has content words', () => {
      assert.strictEqual(ko('뉴욕 대학교의 이 논문은 잠재 확산 모델(latent diffusion models)이'), '잠재 확산 모델');
      assert.strictEqual(ko('새로운 텍스트 전용 데이터(text-only data)를'), '텍스트 전용 데이터');
      assert.strictEqual(ko('이 차원 의존적 노이즈 스케줄링(Dimension-Dependent Noise Scheduling)은'), '차원 의존적 노이즈 스케줄링');
    });
    it('stops at a word ending in a particle, at punctuation and at the start of the text', () => {
      assert.strictEqual(ko('서사적 및 문화적 충실도(narrative and cultural fidelity)를'), '문화적 충실도');
      assert.strictEqual(ko('모델의 성능(model performance)'), '성능');
      assert.strictEqual(ko('핵심: 보상 모델(reward model training loop)'), '보상 모델');
    });
    it('uses the capitals of an abbreviation as the word count', () => {
      assert.strictEqual(ko('최근 멀티모달 대규모 언어 모델(MLLM)은'), '멀티모달 대규모 언어 모델');
    });
    it('keeps hyphenated Korean words whole', () => {
      assert.strictEqual(ko('핵심은 생성-표현 스케일링 법칙(Generation-Representation Scaling Law)이다'), '생성-표현 스케일링 법칙');
    });
  });

  describe('fixes', () => {
    it('term-first-use inserts after closing bold, before the particle', () => {
      assert.strictEqual(fixed('**잠재 공간**을 본다.', 'term-first-use'), '**잠재 공간**(latent space)을 본다.');
      assert.strictEqual(fixed('[잠재 공간](https://x.org)을 본다.', 'term-first-use'), '[잠재 공간](https://x.org)(latent space)을 본다.');
      assert.strictEqual(fixed('잠재 공간에서', 'term-first-use'), '잠재 공간(latent space)에서');
      assert.strictEqual(fixed('잠재 공간에서', 'term-first-use', { glossarySettings: { pairSpacing: 'space' } }), '잠재 공간 (latent space)에서');
    });
    it('term-mismatch replaces the Korean with the glossary form', () => {
      assert.strictEqual(fixed('후속 학습(fine-tuning)을', 'term-mismatch'), '미세 조정(fine-tuning)을');
    });
    it('term-variant keeps the particle', () => {
      assert.strictEqual(fixed('디퓨전 트랜스포머를 쓴다', 'term-variant'), '확산 트랜스포머를 쓴다');
    });
    it('term-repeated-pair drops the parenthetical and its space', () => {
      assert.strictEqual(fixed('잠재 공간(latent space)과 잠재 공간 (latent space)을', 'term-repeated-pair'), '잠재 공간(latent space)과 잠재 공간을');
    });
    it('term-pair-style removes the space, also before an MDX-escaped parenthesis', () => {
      assert.strictEqual(fixed('잠재 공간 (latent space)', 'term-pair-style', { glossarySettings: { pairSpacing: 'none' } }), '잠재 공간(latent space)');
      assert.strictEqual(fixed('잠재 공간 \\(latent space\\)', 'term-pair-style', { glossarySettings: { pairSpacing: 'none' } }), '잠재 공간\\(latent space\\)');
    });
    it('term-pair-style swaps an English-first pair', () => {
      assert.strictEqual(fixed('Diffusion Transformers(확산 트랜스포머)를', 'term-pair-style'), '확산 트랜스포머(Diffusion Transformers)를');
    });
  });

  it('compiles a 300-entry glossary into one trie, not one pattern per entry', () => {
    const terms = Array.from({ length: 300 }, (_, i) => ({ ko: `용어${i} 가`, en: `term ${i}` }));
    const g = compileGlossary([{ file: 'x', text: '', data: { terms }, entrySpans: [], specSpans: [] }]);
    assert.strictEqual(g.ko.size, 300);
    assert.strictEqual(g.en.size, 300);
  });
});
