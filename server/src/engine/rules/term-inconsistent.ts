/**
 * term-inconsistent — in one document, one English term paired with two Korean renderings
 * (`정보 손실(Reward Collapse)` then `보상 붕괴(Reward Collapse)`), or one Korean term whose
 * English is spelled two ways (`regularisation`, `Regularization`), whether or not a glossary
 * knows the term. Spacing and plural differences do not count; pairs term-mismatch already
 * reports are left to it. One Korean word over two different Englishes (`직원(Data Presenter)`,
 * `직원(Insight Generator)`; `연산의 법칙(Compute Law)`, `정확도의 법칙(Accuracy Law)`) is two
 * terms sharing a word, not an inconsistency, and is not reported. The message names both
 * renderings: which one to keep is the author's choice.
 *
 * Why: the same English translated two ways reads as two different ideas.
 *
 * ok:      보상 붕괴(reward collapse) … 보상 붕괴(Reward Collapse)
 * not ok:  정보 손실(Reward Collapse) … 보상 붕괴(Reward Collapse)   ← second rendering
 *
 * Related information points to the first pair. Two fixes, by hand only: use the first rendering
 * here, or this one in the first pair; which is right is the author's call. One lowercase English
 * word outside the glossary counts (일관성(coherence), 정합성(coherence)); an everyday or a
 * capitalised one ("Scale", "Action") is glossed freely and does not.
 */
import type { Rule } from './rule';
import { enKeys, normKo } from '../glossary/compile';
import { bareNounBefore, termKey, verdict, type Verdict } from '../glossary/verdict';
import type { Pair } from '../glossary/pairs';
import type { CompiledGlossary } from '../glossary/compile';
import { plainSpan, ruleEnv } from './glossary-env';
import { everydayWord } from '../glossary/gloss';
import { srcEnd } from '../text-runs';
import type { Span } from '../types';

/** British and American spellings, hyphens and spaces aside: "regularisation" and "regularization" are one spelling key. */
interface PairFacts { compared: boolean; v: Verdict; koText: string; eKey: string; kKey: string; enKey?: string }
const pairFacts = new WeakMap<Pair, PairFacts>();

/**
 * Whether a pair takes part in the comparison, and its keys: worked out from the pair alone and
 * kept with it (the analysis reuses a block's pairs while the block is unchanged).
 */
function factsOf(g: CompiledGlossary, pair: Pair): PairFacts {
  const v = verdict(g, pair);
  const none = { compared: false, v, koText: '', eKey: '', kKey: '' };
  if (!pair.ko) return none;
  if (v.kind === 'mismatch-ko' || v.kind === 'mismatch-en') return none;
  // Without a glossary entry, only 한글(English) pairs compare: the Korean of "한글(ABBR)" is a guess,
  // and Korean after English ("Search(연산량)") is usually an explanation, not a rendering.
  if (v.kind !== 'ok' && pair.form !== 'ko-en') return none;
  // One everyday or capitalised English word ("Scale", "Action") is glossed freely; a lowercase
  // technical word is a term (일관성(coherence), then 정합성(coherence)).
  // Its Korean must stand alone: after a bare noun it may be the end of a compound (설정 파일(configurations)).
  if (v.kind !== 'ok' && pair.en!.text.trim().split(/[\s-]+/).length < 2 && (/^[A-Z]/.test(pair.en!.text) || everydayWord(pair.en!.text) || bareNounBefore(pair))) return none;
  const koText = v.kind === 'ok' && pair.koHit?.value.entry === v.entry ? pair.koHit.value.form : pair.ko.text;
  return { compared: true, v, koText, eKey: termKey(pair, v), kKey: normKo(koText), ...(pair.en ? { enKey: enKeys(pair.en.text).pop()! } : {}) };
}

const spellingKey = (k: string) => k.toLowerCase().replace(/[\s-]+/g, '').replace(/is(e|ing|ation|ed)/g, 'iz$1').replace(/our/g, 'or');

export const termInconsistent: Rule = {
  id: 'term-inconsistent',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'One term paired with two renderings in one document.', ko: '한 문서에서 같은 용어를 두 가지로 옮겼습니다.' },
  check(ctx) {
    const { a, g, span } = ruleEnv(ctx);
    const byEn = new Map<string, { ko: string; kKey: string; span: Span; written: string; plain: Span | undefined }>();
    const byKo = new Map<string, { en: string; key: string; span: Span }>();
    for (const pair of a.pairs) {
      let f = pairFacts.get(pair);
      if (!f) pairFacts.set(pair, (f = factsOf(g, pair)));
      if (!f.compared) continue;
      const { v, koText } = f;
      const run = a.runs[pair.run];
      const ko = pair.ko!;
      const whole = () => ({ start: span(pair.run, pair.head.start, pair.head.end).start, end: srcEnd(run, pair.close + 1) });
      const prior = byEn.get(f.eKey);
      if (!prior) byEn.set(f.eKey, { ko: koText, kKey: f.kKey, span: whole(), written: ko.text, plain: plainSpan(ctx, run, ko.start, ko.end) });
      else if (prior.kKey !== f.kKey) {
        const koPlain = plainSpan(ctx, run, ko.start, ko.end);
        // Which rendering stays is the author's choice: one fix for each, both by hand.
        const fixes = [
          ...(koPlain ? [{ messageId: 'fix-this', data: { ko: prior.written }, edits: [{ ...koPlain, text: prior.written }], safe: false }] : []),
          ...(prior.plain ? [{ messageId: 'fix-first', data: { ko: ko.text }, edits: [{ ...prior.plain, text: ko.text }], safe: false }] : []),
        ];
        ctx.report({ span: span(pair.run, ko.start, ko.end), messageId: 'ko', data: { found: koText, first: prior.ko, en: pair.en?.text ?? pair.abbr?.text }, related: [{ span: prior.span, messageId: 'first' }], fixes });
        continue;
      }
      if (!pair.en) continue;
      const enKey = f.enKey!;
      const priorKo = byKo.get(f.kKey);
      if (!priorKo) byKo.set(f.kKey, { en: pair.en.text, key: enKey, span: whole() });
      // One Korean for two Englishes is mostly two terms sharing a head word (연산의 법칙(Compute Law),
      // 정확도의 법칙(Accuracy Law)); only two spellings of one English (regularisation, Regularization) count.
      else if (priorKo.key !== enKey && spellingKey(priorKo.key) === spellingKey(enKey) && !(v.kind === 'ok' && enKeys(priorKo.en).some(k => g.byEn.get(k) === v.entry))) {
        ctx.report({ span: span(pair.run, pair.en.start, pair.en.end), messageId: 'en', data: { found: pair.en.text, first: priorKo.en, ko: koText }, related: [{ span: priorKo.span, messageId: 'first' }] });
      }
    }
  },
};
