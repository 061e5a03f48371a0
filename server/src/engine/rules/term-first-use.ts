/**
 * term-first-use — the first mention of a glossary term in a scope gives its English original:
 * `잠재 공간(latent space)`. Scope: the document (default), its section or its paper entry
 * (config `glossary.firstUseScope` or this rule's option `scope`); headings and body count
 * separately, as in the PyTorch Korea translation guide. A mention inside a pair's Korean
 * (`잠재 확산 모델(latent diffusion models)` for 확산 모델) counts as given; a mention inside
 * another pair's parentheses is a gloss and does not count.
 *
 * Why: a reader meets the Korean term once with its English and can then follow the text.
 *
 * ok:      잠재 공간(latent space)은 … 잠재 공간에서
 * not ok:  잠재 공간은 … 잠재 공간(latent space)   ← Unexpected first use of "잠재 공간" without "(latent space)"
 *
 * By default (option `require: "paired-later"`) a first mention is reported only when the same
 * scope gives the pair later: the author meant to pair the term and put it in the wrong place.
 * `["information", {"require": "all"}]` reports every glossary term's first mention (strict styles).
 *
 * Fix: insert `(English)` after the term (after closing bold or a link around it). Safe only
 * when the term is a word of its own (a particle may follow) and its glossary entry has no other
 * `senses`; a term with senses gets one fix per meaning, chosen by hand.
 */
import type { Rule } from './rule';
import { scopeKey } from '../glossary/analysis';
import { enCovers, insertionAfter, ruleEnv } from '../glossary/verdict';
import type { Pair } from '../glossary/pairs';
import { particleAt } from '../particles';

export const termFirstUse: Rule = {
  id: 'term-first-use',
  category: 'glossary',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'The first mention of a glossary term gives its English original.', ko: '용어집 용어를 처음 쓸 때 영어 원어를 함께 적습니다.' },
  check(ctx) {
    const { a, g, settings, span } = ruleEnv(ctx);
    // "paired-later" (default): only where the document does give the pair, but after the first
    // mention — a clear slip. "all": every glossary term's first mention (strict house styles).
    const requireAll = ctx.options.require === 'all';
    const near = pairsNear(a.pairs);
    const mentions = a.ko.map(h => {
      const entry = h.value.entry;
      const pairs = near(h.run, h.start);
      // Inside parentheses: the Korean of an English-first pair counts as paired; a gloss is ignored.
      const inside = pairs.find(p => h.start > p.open && h.end <= p.close);
      const around = pairs.filter(p => p.ko && p.form !== 'en-ko' && h.start >= p.ko.start && h.end <= p.ko.end);
      // Direct: the pair is this term's own (`토큰(token)`); covered: a compound around it (`메모리 토큰(memory token)`).
      const direct = !!inside && inside.form === 'en-ko' || around.some(p => (p.koHit?.value.entry === entry && p.koHit.start === p.ko!.start) || p.enEntry === entry || (!!p.abbr && p.abbr.text === entry.abbr));
      const paired = direct || !!inside || around.some(p => p.en && enCovers(g, p.en.text, entry));
      return { h, entry, gloss: !!inside && inside.form !== 'en-ko', paired, direct, key: `${scopeKey(a, h.run, settings.firstUseScope)}\u0000${entry.en}` };
    }).filter(m => !m.gloss);
    // Only the term's own pair later in the scope makes an unpaired first mention a slip.
    const pairedSomewhere = new Set(mentions.filter(m => m.direct).map(m => m.key));
    const seen = new Set<string>();
    for (const { h, entry, paired, key } of mentions) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (paired || (!requireAll && !pairedSomewhere.has(key))) continue;
      const run = a.runs[h.run];
      const at = insertionAfter(ctx, run, h.start, h.end);
      const space = settings.pairSpacing === 'space' ? ' ' : '';
      const escaped = ctx.text.slice(run.block.start, run.block.end).includes('\\(') ? ['\\(', '\\)'] : ['(', ')'];
      const pairText = (en: string) => `${space}${escaped[0]}${en}${escaped[1]}`;
      // Safe only where the Korean has one meaning and stands as a word of its own: 추론 may be
      // reasoning, and 증강 in 증강 현실 is augmented reality, not augmentation.
      const senses = entry.senses ?? [];
      const safe = !senses.length && wholeWord(ctx.text, span(h.run, h.start, h.end), at);
      ctx.report({
        span: span(h.run, h.start, h.end),
        messageId: requireAll && !pairedSomewhere.has(key) ? 'missing' : 'later',
        data: { ko: run.text.slice(h.start, h.end), en: entry.en },
        fixes: [entry.en, ...senses].map(en => ({ messageId: 'fix', data: { en }, edits: [{ start: at, end: at, text: pairText(en) }], safe })),
        extra: { en: entry.en },
      });
    }
  },
};

/**
 * The pairs of a run that can hold a mention at `at`: those starting at or before it, nearest
 * first, a few deep (pairs do not nest). A binary search, so a 1 MB paragraph stays linear-ish.
 */
function pairsNear(all: Pair[]): (run: number, at: number) => Pair[] {
  const byRun = new Map<number, Pair[]>();
  for (const p of all) {
    const list = byRun.get(p.run);
    if (list) list.push(p); else byRun.set(p.run, [p]);
  }
  const lo = (p: Pair) => Math.min(p.ko?.start ?? p.open, p.head.start, p.open);
  for (const list of byRun.values()) list.sort((x, y) => lo(x) - lo(y));
  return (run, at) => {
    const list = byRun.get(run);
    if (!list) return [];
    let a = 0, b = list.length;
    while (a < b) { const m = (a + b) >> 1; if (lo(list[m]) <= at) a = m + 1; else b = m; }
    return list.slice(Math.max(0, a - 3), a);
  };
}

/** The mention is a word of its own: no letter glued before it, and after it only a particle or a boundary. */
function wholeWord(text: string, mention: { start: number; end: number }, insertAt: number): boolean {
  if (/[\p{L}\p{N}]/u.test(text[mention.start - 1] ?? '')) return false;
  const rest = text.slice(insertAt, insertAt + 8);
  if (/^[\p{L}\p{N}]/u.test(rest) && !particleAt(rest)) return false;
  // Inside another parenthetical or a link's text, a pair nests or lands in a TOC entry: by hand.
  const near = text.slice(Math.max(0, mention.start - 2000), mention.start);
  const line = near.slice(near.lastIndexOf('\n') + 1);
  let depth = 0;
  for (const c of line) depth += c === '(' || c === '[' || c === '（' ? 1 : c === ')' || c === ']' || c === '）' ? -1 : 0;
  return depth <= 0;
}
