/**
 * An imported term that the built-in glossary already has. A glossary entry replaces the built-in
 * one with the same English whole, so a bare table row (`| Fine-tuning | 미세 조정 |`) would drop
 * what the built-in entry knows: its spellings to avoid (파인튜닝), variants, abbreviation, other
 * senses and first-use rule. Merged, the table's Korean still wins, and the rest is kept:
 * - the same Korean: the built-in entry with the table's own variants, avoided spellings and note added;
 * - another Korean (the team chose otherwise): the table's Korean, with the built-in English
 *   variants, abbreviation, senses and first-use rule, and its spellings to avoid except the
 *   team's own choices.
 * The English is written as the built-in spells it (tables capitalise every row: Fine-tuning).
 */
import { normEn, normKo } from '../compile';
import type { GlossaryEntry } from '../types';

const union = (...lists: (string[] | undefined)[]): string[] | undefined => {
  const out: string[] = [];
  for (const l of lists) for (const x of l ?? []) if (!out.includes(x)) out.push(x);
  return out.length ? out : undefined;
};

export interface MergeResult { terms: GlossaryEntry[]; merged: { en: string; builtin: string; sameKorean: boolean }[] }

export function mergeWithBuiltin(terms: GlossaryEntry[], builtin: GlossaryEntry[]): MergeResult {
  const byEn = new Map<string, GlossaryEntry>();
  for (const b of builtin) for (const en of [b.en, ...b.enVariants ?? []]) if (!byEn.has(normEn(en))) byEn.set(normEn(en), b);
  const merged: MergeResult['merged'] = [];
  const out = terms.map(t => {
    const b = byEn.get(normEn(t.en));
    if (!b) return t;
    const same = normKo(t.ko) === normKo(b.ko);
    merged.push({ en: t.en, builtin: b.en, sameKorean: same });
    const team = [t.ko, ...t.koVariants ?? []].map(normKo);
    const entry: GlossaryEntry = {
      ko: t.ko,
      en: b.en,
      ...((t.abbr ?? b.abbr) ? { abbr: t.abbr ?? b.abbr } : {}),
    };
    const enVariants = union(b.enVariants, t.enVariants, normEn(t.en) === normEn(b.en) && t.en !== b.en ? [] : [t.en])?.filter(v => v !== b.en);
    const koVariants = same ? union(b.koVariants, t.koVariants) : t.koVariants;
    const avoid = union(b.avoid, t.avoid)?.filter(a => !team.includes(normKo(a)));
    if (enVariants?.length) entry.enVariants = enVariants;
    if (koVariants?.length) entry.koVariants = koVariants.filter(v => normKo(v) !== normKo(t.ko));
    if (!entry.koVariants?.length) delete entry.koVariants;
    if (avoid?.length) entry.avoid = avoid;
    if (b.senses?.length) entry.senses = b.senses;
    if (b.original) entry.original = b.original;
    if (t.note) entry.note = t.note;
    return entry;
  });
  return { terms: out, merged };
}
