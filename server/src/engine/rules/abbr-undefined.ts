/**
 * abbr-undefined — an abbreviation used before a pair defines it in the scope: `한글(English,
 * ABBR)`, `한글(ABBR)`, `ABBR(English)`, `English (ABBR)` and `ABBR(한글)` all define it.
 * Abbreviations are all-capital tokens (SD-VAE, FID, LLMs) and the glossary's own (DiT, LoRA);
 * `knownAbbreviations` of every glossary are never flagged (GPU, AI, CLIP). A use in a heading
 * is fine when the scope defines it anywhere (titles come before the text that explains them);
 * a use in the body needs the definition before it. Only the first use per scope is reported.
 *
 * Why: a reader who does not know "FID" cannot look it up from the digest.
 *
 * ok:      프레셰 인셉션 거리(Fréchet Inception Distance, FID)가 … FID 점수
 * not ok:  1.13 FID를 달성   ← "FID" is used before it is defined
 *
 * Fix (not automatic): for a glossary abbreviation, replace the first use with `한글(English, ABBR)`.
 */
import type { Rule } from './rule';
import { srcStart } from '../text-runs';
import { scopeKey, type AbbrToken, type GlossaryAnalysis } from '../glossary/analysis';
import { isKnownAbbr } from '../glossary/compile';
import { plainSpan, ruleEnv } from './glossary-env';

const base = (s: string) => s.replace(/(?<=[A-Z])s$/, '');

const inPairs = new WeakMap<AbbrToken, boolean>();

/** The spans of each run's pairs (the Korean before the parenthesis included), in order. */
function spansOfPairs(a: GlossaryAnalysis): Map<number, { start: number; end: number }[]> {
  const pairSpans = new Map<number, { start: number; end: number }[]>();
  for (const p of a.pairs) {
    const from = p.ko && p.form !== 'en-ko' ? Math.min(p.ko.start, p.head.start) : p.head.start;
    const list = pairSpans.get(p.run);
    if (list) list.push({ start: from, end: p.close + 1 }); else pairSpans.set(p.run, [{ start: from, end: p.close + 1 }]);
  }
  for (const list of pairSpans.values()) list.sort((x, y) => x.start - y.start);
  return pairSpans;
}

/** Pairs do not overlap, so the last pair starting at or before a token is the only candidate. */
function inPair(pairSpans: Map<number, { start: number; end: number }[]>, run: number, start: number, end: number): boolean {
  const list = pairSpans.get(run);
  if (!list) return false;
  let lo = 0, hi = list.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (list[m].start <= start) lo = m + 1; else hi = m; }
  return list.slice(Math.max(0, lo - 2), lo).some(r => start >= r.start && end <= r.end);
}

export const abbrUndefined: Rule = {
  id: 'abbr-undefined',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'An abbreviation used before it is defined.', ko: '정의하기 전에 쓴 약어입니다.' },
  check(ctx) {
    const { a, g, settings, span } = ruleEnv(ctx);
    // Keys within a scope are the abbreviation's base.
    const scope = (run: number) => scopeKey(a, run, settings.firstUseScope, false);
    const order = (run: number, i: number) => srcStart(a.runs[run], i);
    const inScope = <T>(m: Map<string, Map<string, T>>, run: number) => {
      const s = scope(run);
      let x = m.get(s);
      if (!x) m.set(s, (x = new Map()));
      return x;
    };
    // Definitions per scope: abbreviation → the earliest offset where a pair defines it.
    const firstDef = new Map<string, Map<string, number>>();
    const define = (run: number, abbr: string, at: number) => {
      const defs = inScope(firstDef, run), k = base(abbr);
      defs.set(k, Math.min(defs.get(k) ?? Infinity, at));
    };
    let pairSpans: Map<number, { start: number; end: number }[]> | undefined;
    for (const p of a.pairs) if (p.abbr) define(p.run, p.abbr.text, order(p.run, p.head.start));
    // Whether a token sits inside a pair depends on its run alone: kept with the token.
    const within = (t: AbbrToken) => {
      let w = inPairs.get(t);
      if (w === undefined) inPairs.set(t, (w = inPair((pairSpans ??= spansOfPairs(a)), t.run, t.start, t.end)));
      return w;
    };
    // An abbreviation inside a pair's Korean is introduced with its English: "KV 캐싱(Key-Value Caching)".
    for (const t of a.abbrs) {
      if (within(t)) define(t.run, t.text, order(t.run, t.start));
    }
    const reported = new Map<string, Set<string>>();
    for (const t of a.abbrs) {
      if (isKnownAbbr(g, t.text)) continue;
      // Inside a pair (its Korean, like "KV 캐싱(Key-Value Caching)", or its parentheses) is not a use.
      if (within(t)) continue;
      const k = base(t.text);
      let done = reported.get(scope(t.run));
      if (!done) reported.set(scope(t.run), (done = new Set()));
      if (done.has(k)) continue;
      const at = order(t.run, t.start);
      const d = inScope(firstDef, t.run).get(k);
      const defined = d !== undefined && (a.runs[t.run].kind === 'heading' || d <= at);
      if (defined) continue;
      done.add(k);
      const entry = g.byAbbr.get(base(t.text));
      const plain = plainSpan(ctx, a.runs[t.run], t.start, t.end);
      ctx.report({
        span: span(t.run, t.start, t.end),
        messageId: entry ? 'undefined-known' : 'undefined',
        data: { abbr: t.text, ko: entry?.ko, en: entry?.en },
        fixes: entry && plain ? [{ messageId: 'fix', data: { ko: entry.ko, en: entry.en, abbr: entry.abbr }, edits: [{ ...plain, text: `${entry.ko}(${entry.en}, ${entry.abbr})` }], safe: false }] : [],
        extra: { abbr: t.text },
      });
    }
  },
};
