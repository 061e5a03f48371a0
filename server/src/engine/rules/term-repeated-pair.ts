/**
 * term-repeated-pair — a pair repeated after its first use in the same scope (hint): the
 * English original belongs to the first mention only. A repeat that defines an abbreviation
 * not defined before (`표현 오토인코더(Representation Autoencoders, RAE)` after a pair without
 * RAE) is kept.
 *
 * Why: repeated parentheticals make Korean prose heavy; the guide gives the original once.
 *
 * ok:      잠재 공간(latent space)은 … 잠재 공간에서
 * not ok:  잠재 공간(latent space)은 … 잠재 공간(latent space)에서   ← repeated pair
 *
 * Fix (by hand only: a hint is never fixed automatically): drop the parenthetical and the space
 * before it, offered only when it is exactly the parenthetical of the first pair.
 */
import type { Rule } from './rule';
import { scopeKey } from '../glossary/analysis';
import { koKey, termKey, verdict } from '../glossary/verdict';
import { openOffset, ruleEnv } from './glossary-env';
import { normEn } from '../glossary/compile';
import type { GlossaryEntry } from '../glossary/types';
import type { Pair } from '../glossary/pairs';
import type { CompiledGlossary } from '../glossary/compile';
import { srcEnd } from '../text-runs';

export const termRepeatedPair: Rule = {
  id: 'term-repeated-pair',
  category: 'glossary',
  defaultSeverity: 'hint',
  fixable: true,
  description: { en: 'A term pair repeated after its first use.', ko: '첫 사용 뒤에 용어 쌍을 되풀이했습니다.' },
  check(ctx) {
    const { a, g, settings, span } = ruleEnv(ctx);
    // The first pair of each term by scope (nested maps: the keys within a scope are kept with the pair).
    const first = new Map<string, Map<string, FirstPair>>();
    for (const pair of a.pairs) {
      if (pair.form === 'en-abbr' || pair.form === 'abbr-en') continue;
      let f = pairFacts.get(pair);
      if (!f) pairFacts.set(pair, (f = factsOf(g, pair, a.runs[pair.run].text)));
      const scope = scopeKey(a, pair.run, settings.firstUseScope);
      let inScope = first.get(scope);
      if (!inScope) first.set(scope, (inScope = new Map()));
      const run = a.runs[pair.run];
      let prior: FirstPair | undefined;
      for (const k of f.keys) if ((prior = inScope.get(k))) break;
      if (!prior) {
        const pairSpan = { start: span(pair.run, pair.head.start, pair.head.end).start, end: srcEnd(run, pair.close + 1) };
        const entry = { span: pairSpan, abbrs: new Set(pair.abbr ? [pair.abbr.text] : []), inner: f.inner };
        for (const k of f.keys) inScope.set(k, entry);
        if (f.koOnly) inScope.set(f.koOnly, entry);
        continue;
      }
      if (pair.abbr && !prior.abbrs.has(pair.abbr.text)) { prior.abbrs.add(pair.abbr.text); continue; }
      const start = pair.space ? openOffset(ctx, run, pair) - 1 : openOffset(ctx, run, pair);
      const end = srcEnd(run, pair.close + 1);
      const inner = run.text.slice(pair.open + 1, pair.close);
      ctx.report({
        span: { start: openOffset(ctx, run, pair), end },
        messageId: 'repeated',
        data: { pair: run.text.slice(pair.head.start, pair.close + 1) },
        related: [{ span: prior.span, messageId: 'first' }],
        // Deleting is offered only for exactly the parenthetical already given: anything else carries information.
        fixes: f.inner === prior.inner ? [{ messageId: 'fix', data: { inner }, edits: [{ start, end, text: '' }] }] : [],
      });
    }
  },
};

interface FirstPair { span: { start: number; end: number }; abbrs: Set<string>; inner: string }
interface PairFacts { keys: string[]; koOnly?: string; inner: string }
const pairFacts = new WeakMap<Pair, PairFacts>();

/**
 * A pair's keys within its scope (what makes two pairs the same term), worked out from the pair and
 * its run alone: kept with the pair, which later checks reuse while its block is unchanged.
 */
function factsOf(g: CompiledGlossary, pair: Pair, text: string): PairFacts {
  // The same term is the same English (or glossary entry) with the same Korean; the Korean alone
  // matches only when a side has no English (한글(English, ABBR) then 한글(ABBR)). 기억(Memory) then
  // 조건부 기억(Engram), or 튜닝(SFT) then SFT(지도 미세조정), are not repeats: the second says more.
  const ko = pair.ko ? koKey(pair.ko.text) : '';
  const koOnly = `k:${ko}`;
  // A longer English through the same entry is another term: 어텐션(Attention), then 어텐션(Dense Attention).
  const v = verdict(g, pair);
  const term = v.kind === 'ok' && pair.en && !writesEntry(pair.en.text, v.entry) ? `n:${normEn(pair.en.text)}` : termKey(pair, v);
  const keys = [`${term}\u0000${ko}`, ...(pair.ko && !pair.en ? [koOnly] : [])];
  return { keys, ...(pair.ko && pair.en ? { koOnly } : {}), inner: innerKey(text.slice(pair.open + 1, pair.close)) };
}

const innerKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The English is the entry's own (or a listed variant, a regular plural), not a longer term containing it. */
function writesEntry(en: string, entry: GlossaryEntry): boolean {
  const k = normEn(en).replace(/s$/, '');
  return [entry.en, ...entry.enVariants ?? []].some(f => normEn(f).replace(/s$/, '') === k);
}
