/**
 * Term pairs across many digests (the CLI's `terms` report and the language server's opt-in
 * workspace diagnostic): which English term is rendered more than one Korean way, and the reverse.
 */
import type { Digest } from '../digest';
import type { LineIndex } from '../text';
import type { Span } from '../types';
import { analyse } from '../glossary/analysis';
import { enKeys, normEn, normKo, type CompiledGlossary } from '../glossary/compile';
import { verdict } from '../glossary/verdict';
import { runSpan } from '../text-runs';
import type { GlossaryEntry, GlossaryFile } from '../glossary/types';
import { buildDigest } from '../digest';
import { parseMarkdown } from '../parse';
import type { Profile } from '../profiles';

/** One Korean↔English pair as written in a digest. */
export interface TermUse { ko: string; en: string; abbr?: string; span: Span }

/**
 * The pairs of a digest with both a Korean and an English side, found by the glossary engine's
 * pair extractor (every form of the spec's table). When the glossary recognises the term, its
 * Korean form is taken (the extractor's own Korean span may include a word before the term).
 */
export function termUses(digest: Digest, glossary: CompiledGlossary): TermUse[] {
  const a = analyse(digest, glossary);
  const out: TermUse[] = [];
  for (const pair of a.pairs) {
    if (!pair.ko || !pair.en || !termLike(pair.en.text)) continue;
    // English-first "X(한글)" is mostly prose around a symbol in real text; keep it when the term is known or a phrase.
    if (pair.form === 'en-ko' && !pair.enEntry && !/\s/.test(pair.en.text)) continue;
    const v = verdict(glossary, pair);
    const ko = v.kind === 'ok' && pair.koHit?.value.entry === v.entry ? pair.koHit.value.form : pair.ko.text;
    const koPiece = v.kind === 'ok' && pair.koHit?.value.entry === v.entry ? { start: pair.koHit.start, end: pair.koHit.end } : pair.ko;
    out.push({ ko, en: pair.en.text, abbr: pair.abbr?.text, span: runSpan(a.runs[pair.run], koPiece.start, koPiece.end) });
  }
  return out;
}

/** The pairs of a digest's text, parsed with the profile that applies to it (resolveFile chooses it). */
export function textTermUses(text: string, profile: Profile, glossary: CompiledGlossary): TermUse[] {
  return termUses(buildDigest(parseMarkdown(text), text, profile), glossary);
}

/** An English side worth comparing across files: a word of three letters or more, no numbers ("7B", "x", "11.5ms"). */
const termLike = (en: string) => /\p{L}{3}/u.test(en) && !/\d/.test(en);

/** Where a use is: the file as printed and a 0-based line and UTF-16 character (as in the lint JSON). */
export interface UseLocation { path: string; line: number; character: number }

/** Locations as the CLI prints them: `path` and the start of each use's span. */
export const lineLocator = (path: string, lineIndex: LineIndex) => (u: TermUse): UseLocation => {
  const pos = lineIndex.positionAt(u.span.start);
  return { path, line: pos.line, character: pos.character };
};

/** `L` is how a use's place is recorded: the CLI's UseLocation, or whatever an editor needs (uri and range). */
export interface Rendering<L = UseLocation> { text: string; count: number; locations: L[] }
/** A term (English or Korean) with its renderings on the other side, most frequent first. */
export interface TermReport<L = UseLocation> { term: string; count: number; renderings: Rendering<L>[] }

interface Group<L> { spellings: Map<string, number>; others: Map<string, { spellings: Map<string, number>; locations: L[] }>; abbrs: Map<string, number>; files: Set<string> }

const enKey = (en: string) => enKeys(en).pop()!;
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
/** Most frequent first; ties in first-seen order (Map order), so output is stable. */
const top = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1])[0][0];

/**
 * Term pairs across many digests: which English term is rendered more than one Korean way, and
 * which Korean term stands for more than one English original. Korean is compared ignoring
 * spacing, English ignoring case, hyphens and plurals (the glossary engine's normalisation).
 */
export class TermTable<L = UseLocation> {
  private byEn = new Map<string, Group<L>>();
  private byKo = new Map<string, Group<L>>();
  files = 0;
  pairs = 0;

  /** The uses of one file (`file` names it, for the per-term file count); `locate` records where each use is. */
  add(file: string, uses: TermUse[], locate: (u: TermUse) => L): void {
    this.files++;
    for (const u of uses) {
      this.pairs++;
      const loc = locate(u);
      this.addTo(this.byEn, enKey(u.en), u.en, normKo(u.ko), u.ko, file, loc, u.abbr);
      this.addTo(this.byKo, normKo(u.ko), u.ko, enKey(u.en), u.en, file, loc);
    }
  }

  private addTo(map: Map<string, Group<L>>, key: string, spelling: string, otherKey: string, otherSpelling: string, file: string, loc: L, abbr?: string) {
    let g = map.get(key);
    if (!g) { g = { spellings: new Map(), others: new Map(), abbrs: new Map(), files: new Set() }; map.set(key, g); }
    bump(g.spellings, spelling);
    if (abbr) bump(g.abbrs, abbr);
    g.files.add(file);
    let o = g.others.get(otherKey);
    if (!o) { o = { spellings: new Map(), locations: [] }; g.others.set(otherKey, o); }
    bump(o.spellings, otherSpelling);
    o.locations.push(loc);
  }

  private report(map: Map<string, Group<L>>, onlyInconsistent: boolean): TermReport<L>[] {
    const out: TermReport<L>[] = [];
    for (const g of map.values()) {
      if (onlyInconsistent && g.others.size < 2) continue;
      const renderings = [...g.others.values()]
        .map(o => ({ text: top(o.spellings), count: o.locations.length, locations: o.locations }))
        .sort((x, y) => y.count - x.count || (x.text < y.text ? -1 : 1));
      out.push({ term: top(g.spellings), count: renderings.reduce((n, r) => n + r.count, 0), renderings });
    }
    return out.sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1));
  }

  /** English terms rendered more than one Korean way. */
  englishInconsistencies(): TermReport<L>[] { return this.report(this.byEn, true); }
  /** Korean terms given more than one English original. */
  koreanInconsistencies(): TermReport<L>[] { return this.report(this.byKo, true); }

  /**
   * A glossary draft (schemas/glossary.schema.json) from every pair found: one entry per English
   * term, its most frequent Korean rendering as `ko`, the others as `koVariants` (most frequent
   * first), other English spellings as `enVariants`, the most frequent abbreviation.
   */
  suggestGlossary(): GlossaryFile {
    const terms: GlossaryEntry[] = [];
    for (const r of this.report(this.byEn, false)) {
      const g = this.byEn.get(enKey(r.term))!;
      const entry: GlossaryEntry = { ko: r.renderings[0].text, en: r.term };
      const abbr = g.abbrs.size ? top(g.abbrs) : undefined;
      if (abbr && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(abbr)) entry.abbr = abbr;
      // Case and hyphenation never need a variant (the engine ignores them); plurals do.
      const seenEn = new Set([normEn(r.term)]);
      const enVariants = [...g.spellings.keys()].filter(s => !seenEn.has(normEn(s)) && !!seenEn.add(normEn(s)));
      if (enVariants.length) entry.enVariants = enVariants;
      const koVariants = r.renderings.slice(1).map(x => x.text);
      if (koVariants.length) entry.koVariants = koVariants;
      entry.note = `${r.count} use(s) in ${g.files.size} file(s)${koVariants.length ? ': ' + r.renderings.map(x => `${x.text} ×${x.count}`).join(', ') : ''}`;
      terms.push(entry);
    }
    terms.sort((x, y) => (x.en.toLowerCase() < y.en.toLowerCase() ? -1 : x.en.toLowerCase() > y.en.toLowerCase() ? 1 : 0));
    return { terms };
  }
}
