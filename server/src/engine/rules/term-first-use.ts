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
 * not ok:  잠재 공간은 … 잠재 공간(latent space)   ← the first use of "잠재 공간" has no "(latent space)"
 *
 * By default (option `require: "paired-later"`) a first mention is reported only when the same
 * scope gives the pair later: the author meant to pair the term and put it in the wrong place.
 * `["information", {"require": "all"}]` reports every glossary term's first mention (strict styles).
 *
 * Fix: insert `(English)` after the term (after closing bold or a link around it). Safe only
 * when the term is a word of its own (a particle may follow) and its glossary entry has no other
 * `senses`; a term with senses gets one fix per meaning, chosen by hand.
 */
import type { Rule, RuleContext } from './rule';
import type { OffsetEdit } from '../types';
import { srcEnd } from '../text-runs';
import { scopeKey } from '../glossary/analysis';
import { enCovers, sharesAbbr, sharesStem } from '../glossary/verdict';
import { insertionAfter, openOffset, ruleEnv } from './glossary-env';
import { koIsTerm, type Pair } from '../glossary/pairs';
import type { GlossaryAnalysis, KoHit } from '../glossary/analysis';
import type { CompiledGlossary } from '../glossary/compile';
import type { TextRun } from '../text-runs';
import { particleAt, particleFor } from '../particles';
import { bareNoun } from '../glossary/gloss';

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
    let near: ReturnType<typeof pairsNear> | undefined;
    // An index page (many links to other pages, each with its blurb) introduces nothing itself.
    if (!requireAll && indexPage(a)) return;
    // Mentions by scope and term, in one pass: whether the term's own pair is given in the scope,
    // its first own pair, another sense, and its first mention outside titles.
    const groups = new Map<string, Map<string, TermGroup>>();
    const firsts: TermGroup[] = [];
    for (const h of a.ko) {
      const entry = h.value.entry;
      if (entry.original === 'never') continue;
      // What the run itself says of the mention: kept with the match, which later checks of the
      // document reuse while its block is unchanged.
      let f = mentionFacts.get(h);
      if (!f) mentionFacts.set(h, (f = factsOf(g, h, (near ??= pairsNear(a.pairs))(h.run, h.start))));
      if (f.gloss) continue;
      const scope = scopeKey(a, h.run, settings.firstUseScope);
      let byTerm = groups.get(scope);
      if (!byTerm) groups.set(scope, (byTerm = new Map()));
      let group = byTerm.get(entry.en);
      if (!group) byTerm.set(entry.en, (group = { direct: false, otherSense: false }));
      // Only the term's own pair later in the scope makes an unpaired first mention a slip.
      if (f.direct) group.direct = true;
      // The first of the term's own pairs in the scope: the one a reader would otherwise meet first.
      if (f.ownPair && !group.firstPair) group.firstPair = f.ownPair;
      if (f.otherSense) group.otherSense = true;
      // Titles, headings and index entries name things; the text below them introduces the terms.
      if (!group.first && (requireAll || !titleLike(a, h.run, h.start))) { group.first = { h, paired: f.paired }; firsts.push(group); }
    }
    const englishUsed = new Set(a.en.map(h => h.value));
    for (const group of firsts) {
      const { h, paired } = group.first!;
      const entry = h.value.entry;
      if (paired) continue;
      const later = group.direct;
      // Unpaired anywhere: reported for a term that always needs its English, in the glossary's own
      // spelling (a variant may be an everyday word, an avoided one is term-variant's), unless the
      // document uses it in another sense or writes the English somewhere (a reader has it then).
      if (!later && (group.otherSense || !(requireAll || (entry.original === 'always' && h.value.kind === 'ko' && !englishUsed.has(entry))))) continue;
      const run = a.runs[h.run];
      const at = insertionAfter(ctx, run, h.start, h.end);
      const space = settings.pairSpacing === 'space' ? ' ' : '';
      const escaped = ctx.text.slice(run.block.start, run.block.end).includes('\\(') ? ['\\(', '\\)'] : ['(', ')'];
      const pairText = (en: string) => `${space}${escaped[0]}${en}${escaped[1]}`;
      // Safe only where the Korean has one meaning and stands as a word of its own: 추론 may be
      // reasoning, and 증강 in 증강 현실 is augmented reality, not augmentation.
      const senses = entry.senses ?? [];
      // After a bare noun the term may be the end of a compound (셀프 증류 is self-distillation): by hand.
      const safe = !senses.length && wholeWord(ctx.text, span(h.run, h.start, h.end), at) && !compoundBefore(run.text, h.start);
      // Paired later: move the author's own parenthesis here (the later one would repeat it), so the
      // document still gives the English once, as written (잠재 공간 … 잠재 공간(latent space) → the
      // pair at the first mention, the later mention bare). Only an exact parenthesis is moved.
      // A term with several senses gets a choice of originals instead (추론 may be reasoning here).
      const moved = later && !senses.length ? moveFrom(ctx, a, group.firstPair, at) : undefined;
      const fixes = moved
        ? [{ messageId: 'fix-move', data: { inner: moved.inner }, edits: [{ start: at, end: at, text: pairText(moved.inner) }, moved.remove], safe }]
        : [entry.en, ...senses].map(en => ({ messageId: 'fix', data: { en }, edits: [{ start: at, end: at, text: pairText(en) }], safe }));
      ctx.report({
        span: span(h.run, h.start, h.end),
        messageId: later ? 'later' : 'missing',
        data: { ko: run.text.slice(h.start, h.end), en: entry.en },
        fixes,
        extra: { en: entry.en },
      });
    }
  },
};

/**
 * The later pair's parenthesis as written and the edit that removes it (with the space before it),
 * when it is plain source text after `at`; undefined otherwise (then the English is only inserted).
 */
/** One term in one scope: what its mentions there say, and its first mention outside titles. */
interface TermGroup { direct: boolean; otherSense: boolean; firstPair?: Pair; first?: { h: KoHit; paired: boolean } }

interface MentionFacts { gloss: boolean; paired: boolean; direct: boolean; ownPair: Pair | undefined; otherSense: boolean }
const mentionFacts = new WeakMap<KoHit, MentionFacts>();

/** How a Korean mention stands to the pairs of its run: inside one, paired itself, another sense. */
function factsOf(g: CompiledGlossary, h: KoHit, pairs: Pair[]): MentionFacts {
  const entry = h.value.entry;
  // Inside parentheses: the Korean of an English-first pair counts as paired; a gloss is ignored.
  const inside = pairs.find(p => h.start > p.open && h.end <= p.close);
  const around = pairs.filter(p => p.ko && p.form !== 'en-ko' && h.start >= p.ko.start && h.end <= p.ko.end);
  // The term's own pair gives its English or abbreviation (`토큰(token)`, `강화 학습(RL)`); a compound
  // around it may too (`메모리 토큰(memory token)`). `SDAR(확산 디코더)` names SDAR, and `챗봇(Generation)`
  // gives other English: neither is the term's pair.
  // A shortened original counts for the term itself (`지시 이행(Instruction)`); for a compound around it
  // only a shared abbreviation does (`역 KL 발산(Reverse KL)`), since `신경망 함수(Neural Field)` is
  // another term that merely shares a word.
  const exact = (p: Pair) => koIsTerm(p) && p.koHit!.value.entry === entry;
  const own = (p: Pair) => p.enEntry === entry || (!!p.abbr && p.abbr.text === entry.abbr) || (!!p.en && (enCovers(g, p.en.text, entry) || partOf(p.en.text, entry.en, p.form === 'en-ko' || exact(p))));
  // Only the term's own pair makes an earlier bare mention a slip: `컨디셔닝 어댑터(conditioning adapter)`
  // and `추론 시간 컴퓨팅(Inference-Time Compute)` pair longer terms.
  const direct = !!inside && inside.form === 'en-ko' && own(inside) || around.some(p => own(p) && (exact(p) || partOf(p.en?.text ?? '', entry.en, false)));
  // The Korean paired with other English, as a word of its own: `미세 조정(refinement)` is another sense.
  const otherSense = around.some(p => !own(p) && !!p.en && exact(p));
  const paired = direct || !!inside || around.length > 0;
  // The term's own Korean-first pair (잠재 공간(latent space)): where a first-use fix can take the English from.
  const ownPair = around.find(p => own(p) && exact(p) && p.form !== 'en-ko');
  return { gloss: !!inside && inside.form !== 'en-ko', paired, direct, ownPair, otherSense };
}

function moveFrom(ctx: RuleContext, a: GlossaryAnalysis, pair: Pair | undefined, at: number): { inner: string; remove: OffsetEdit } | undefined {
  if (!pair) return undefined;
  const run = a.runs[pair.run];
  const open = openOffset(ctx, run, pair);
  const end = srcEnd(run, pair.close + 1);
  if (open <= at) return undefined;
  const inner = run.text.slice(pair.open + 1, pair.close);
  // Markup or an escape inside the parenthesis: not a plain move.
  if (ctx.text.slice(open, end) !== `(${inner})`) return undefined;
  // Nothing but the pair's own space between the Korean and "(": markup there (잠재 공간 **(latent
  // space)**, 잠재 공간 [(latent space)](url)) would be left empty or broken by the removal.
  if (!pair.ko) return undefined;
  const between = ctx.text.slice(srcEnd(run, pair.ko.end), open);
  if (between !== '' && !/^[ \t]$/.test(between)) return undefined;
  const start = open - between.length;
  // The particle after ")" now follows the Korean, through closing markup (**…**를, [](url)를):
  // make it agree (잠재 공간(latent space)를 → 잠재 공간을).
  const closing = /^(?:\*\*|__|\*|_|~~|\]\([^)\n]*\))*/.exec(ctx.text.slice(end, end + 300))![0];
  const after = end + closing.length;
  const particle = particleAt(ctx.text.slice(after, after + 4));
  const right = particle ? particleFor(pair.ko.text, particle.rule) : undefined;
  if (particle && right && right !== particle.form) {
    return { inner, remove: { start, end: after + particle.length, text: closing + right } };
  }
  return { inner, remove: { start, end, text: '' } };
}

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

const localPage = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && /\.mdx?(#|$)/i.test(url);

/** An index page: five or more of its paragraphs, and at least one in four, are entries linking to other pages. */
function indexPage(a: GlossaryAnalysis): boolean {
  const entries = a.runs.filter(indexEntry).length;
  return entries >= 5 && entries * 4 >= a.runs.length;
}

/** A paragraph whose first line is mostly a link to another Markdown page: "- [**RecursiveMAS: …**](./Agents/120.md)". */
function indexEntry(run: TextRun): boolean {
  const nl = run.text.indexOf('\n');
  const first = nl < 0 ? run.text.length : nl;
  return run.links.some(l => localPage(l.url) && l.start < first && (Math.min(l.end, first) - l.start) * 5 >= run.text.slice(0, first).trim().length * 3);
}

/** English sharing a word with the term's: a stem of four letters or more, or an abbreviation (KL). */
function partOf(en: string, termEn: string, stems: boolean): boolean {
  return (stems && sharesStem(en, termEn)) || sharesAbbr(en, termEn);
}

/**
 * Where a first mention needs no English: a heading; an index entry (a paragraph linking to
 * another page); a title line — the document's first line standing alone, or a paragraph's first
 * line in the shape "주제: 부제" above more lines (`3. 핵심 수식 구현: 루프 가중합 역전파`). A line of
 * wrapped prose ends in a particle or an ending ("…먼저 쓰고"), a title in a noun.
 */
function titleLike(a: GlossaryAnalysis, r: number, at: number): boolean {
  const run = a.runs[r];
  if (run.kind === 'heading') return true;
  if (indexEntry(run)) return true;
  const nl = run.text.indexOf('\n');
  const first = (nl < 0 ? run.text : run.text.slice(0, nl)).trim();
  if (at > (nl < 0 ? run.text.length : nl) || first.length > 80) return false;
  if (/[.!?…。]$/.test(first) || /(다|요|죠|고|며|면|서|게|지|나|는|은|을|를|이|가|에|의|도|만|와|과|로)$/.test(first)) return false;
  if (nl < 0) return r === 0 && a.runs.length > 1;
  const colon = first.indexOf(': ');
  return colon > 0 && !/[다요]$/.test(first.slice(0, colon));
}

/** The word right before `i` (one space between) is a bare Hangul noun, so `i` may continue a compound. */
function compoundBefore(text: string, i: number): boolean {
  // The whole word before: "GPT-4보다" is a Latin word with its particle, not a Korean noun.
  const w = /(?:^|\s)(\S+) $/u.exec(text.slice(Math.max(0, i - 24), i))?.[1];
  return !!w && /^\p{Script=Hangul}+$/u.test(w) && bareNoun(w);
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
