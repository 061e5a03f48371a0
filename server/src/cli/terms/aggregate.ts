import type { Digest } from '../../engine/digest';
import type { LineIndex } from '../../engine/text';
import type { Span } from '../../engine/types';
import { analyse } from '../../engine/glossary/analysis';
import { enKeys, normEn, normKo, type CompiledGlossary } from '../../engine/glossary/compile';
import { verdict } from '../../engine/glossary/verdict';
import { runSpan } from '../../engine/text-runs';
import type { GlossaryEntry, GlossaryFile } from '../../engine/glossary/types';

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

/** An English side worth comparing across files: a word of three letters or more, no numbers ("7B", "x", "11.5ms"). */
const termLike = (en: string) => /\p{L}{3}/u.test(en) && !/\d/.test(en);

/** Where a use is: the file as printed and a 0-based line and UTF-16 character (as in the lint JSON). */
export interface UseLocation { path: string; line: number; character: number }

export interface Rendering { text: string; count: number; locations: UseLocation[] }
/** A term (English or Korean) with its renderings on the other side, most frequent first. */
export interface TermReport { term: string; count: number; renderings: Rendering[] }

interface Group { spellings: Map<string, number>; others: Map<string, { spellings: Map<string, number>; locations: UseLocation[] }>; abbrs: Map<string, number>; files: Set<string> }

const enKey = (en: string) => enKeys(en).pop()!;
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
/** Most frequent first; ties in first-seen order (Map order), so output is stable. */
const top = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1])[0][0];

/**
 * Term pairs across many digests: which English term is rendered more than one Korean way, and
 * which Korean term stands for more than one English original. Korean is compared ignoring
 * spacing, English ignoring case, hyphens and plurals (the glossary engine's normalisation).
 */
export class TermTable {
  private byEn = new Map<string, Group>();
  private byKo = new Map<string, Group>();
  files = 0;
  pairs = 0;

  add(path: string, lineIndex: LineIndex, uses: TermUse[]): void {
    this.files++;
    for (const u of uses) {
      this.pairs++;
      const pos = lineIndex.positionAt(u.span.start);
      const loc = { path, line: pos.line, character: pos.character };
      this.addTo(this.byEn, enKey(u.en), u.en, normKo(u.ko), u.ko, loc, u.abbr);
      this.addTo(this.byKo, normKo(u.ko), u.ko, enKey(u.en), u.en, loc);
    }
  }

  private addTo(map: Map<string, Group>, key: string, spelling: string, otherKey: string, otherSpelling: string, loc: UseLocation, abbr?: string) {
    let g = map.get(key);
    if (!g) { g = { spellings: new Map(), others: new Map(), abbrs: new Map(), files: new Set() }; map.set(key, g); }
    bump(g.spellings, spelling);
    if (abbr) bump(g.abbrs, abbr);
    g.files.add(loc.path);
    let o = g.others.get(otherKey);
    if (!o) { o = { spellings: new Map(), locations: [] }; g.others.set(otherKey, o); }
    bump(o.spellings, otherSpelling);
    o.locations.push(loc);
  }

  private report(map: Map<string, Group>, onlyInconsistent: boolean): TermReport[] {
    const out: TermReport[] = [];
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
  englishInconsistencies(): TermReport[] { return this.report(this.byEn, true); }
  /** Korean terms given more than one English original. */
  koreanInconsistencies(): TermReport[] { return this.report(this.byKo, true); }

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
