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
import { srcEnd } from '../text-runs';

export const termRepeatedPair: Rule = {
  id: 'term-repeated-pair',
  category: 'glossary',
  defaultSeverity: 'hint',
  fixable: true,
  description: { en: 'A term pair repeated after its first use.', ko: '첫 사용 뒤에 용어 쌍을 되풀이했습니다.' },
  check(ctx) {
    const { a, g, settings, span } = ruleEnv(ctx);
    const first = new Map<string, { span: { start: number; end: number }; abbrs: Set<string>; inner: string }>();
    for (const pair of a.pairs) {
      if (pair.form === 'en-abbr' || pair.form === 'abbr-en') continue;
      // The same term is the same English (or glossary entry) with the same Korean; the Korean alone
      // matches only when a side has no English (한글(English, ABBR) then 한글(ABBR)). 기억(Memory) then
      // 조건부 기억(Engram), or 튜닝(SFT) then SFT(지도 미세조정), are not repeats: the second says more.
      const scope = scopeKey(a, pair.run, settings.firstUseScope);
      const ko = pair.ko ? koKey(pair.ko.text) : '';
      const koOnly = `${scope}\u0000k:${ko}`;
      // A longer English through the same entry is another term: 어텐션(Attention), then 어텐션(Dense Attention).
      const v = verdict(g, pair);
      const term = v.kind === 'ok' && pair.en && !writesEntry(pair.en.text, v.entry) ? `n:${normEn(pair.en.text)}` : termKey(pair, v);
      const keys = [`${scope}\u0000${term}\u0000${ko}`, ...(pair.ko && !pair.en ? [koOnly] : [])];
      const run = a.runs[pair.run];
      const pairSpan = { start: span(pair.run, pair.head.start, pair.head.end).start, end: srcEnd(run, pair.close + 1) };
      const prior = keys.map(k => first.get(k)).find(x => x);
      if (!prior) {
        const entry = { span: pairSpan, abbrs: new Set(pair.abbr ? [pair.abbr.text] : []), inner: innerKey(run.text.slice(pair.open + 1, pair.close)) };
        for (const k of keys) first.set(k, entry);
        if (pair.ko && pair.en) first.set(koOnly, entry);
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
        fixes: innerKey(inner) === prior.inner ? [{ messageId: 'fix', data: { inner }, edits: [{ start, end, text: '' }] }] : [],
      });
    }
  },
};

const innerKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The English is the entry's own (or a listed variant, a regular plural), not a longer term containing it. */
function writesEntry(en: string, entry: GlossaryEntry): boolean {
  const k = normEn(en).replace(/s$/, '');
  return [entry.en, ...entry.enVariants ?? []].some(f => normEn(f).replace(/s$/, '') === k);
}
