import type { TextRun } from '../text-runs';
import { enKeys, normEn, normKo, type CompiledGlossary } from './compile';
import type { GlossaryAnalysis } from './analysis';
import { titled, type Pair, type Piece } from './pairs';
import type { SourcedEntry } from './types';
import { adjectiveForm, bareNoun } from './gloss';

/** What a pair says against the glossary. */
export type Verdict =
  | { kind: 'ok'; entry: SourcedEntry }
  | { kind: 'unknown' }
  /** The Korean is not the glossary's for this English (후속 학습(fine-tuning)). */
  | { kind: 'mismatch-ko'; entry: SourcedEntry; piece: Piece }
  /** The English is not the glossary's for this Korean (정렬(sorting)). */
  | { kind: 'mismatch-en'; entry: SourcedEntry; piece: Piece };

const wordContains = (hay: string, needle: string) => ` ${hay} `.includes(` ${needle} `);

/** Does the English of a pair name this entry, or a compound around it ("latent diffusion models" ⊃ "diffusion model")? */
export function enCovers(g: CompiledGlossary, en: string, entry: SourcedEntry): boolean {
  const keys = enKeys(en);
  const forms = [entry.en, ...entry.enVariants ?? []].map(normEn);
  return keys.some(k => forms.some(f => wordContains(k, f) || wordContains(k, f.replace(/s$/, ''))));
}

/** "Reconstruct" for reconstruction, "Latent" for latent space: a shortened or inflected original, not another term. */
export function sharesStem(a: string, b: string): boolean {
  const stems = (s: string) => normEn(s).split(' ').filter(w => w.length >= 4).map(w => w.slice(0, 5));
  const sb = new Set(stems(b));
  return stems(a).some(x => sb.has(x));
}

/** "Reverse KL" and "KL divergence": an abbreviation in both, so related terms rather than a wrong original. */
export function sharesAbbr(a: string, b: string): boolean {
  const caps = (x: string) => x.split(/[\s\-]+/).filter(w => /^[A-Z]{2,}s?$/.test(w));
  const cb = new Set(caps(b));
  return caps(a).some(w => cb.has(w));
}

const countWords = (s: string) => s.trim().split(/\s+/).length;
const sameAbbr = (a: string, b: string | undefined) => !!b && (a === b || a === b + 's');

export function verdict(g: CompiledGlossary, pair: Pair): Verdict {
  // Asked by several rules for each pair, check after check: kept with the pair (the analysis
  // reuses a block's pairs while the block is unchanged).
  const kept = verdicts.get(pair);
  if (kept && kept.g === g) return kept.v;
  const v = judge(g, pair);
  verdicts.set(pair, { g, v });
  return v;
}
const verdicts = new WeakMap<Pair, { g: CompiledGlossary; v: Verdict }>();

function judge(g: CompiledGlossary, pair: Pair): Verdict {
  const E = pair.enEntry, H = pair.koHit;
  if (pair.form === 'en-abbr' || pair.form === 'abbr-en') return E ? { kind: 'ok', entry: E } : { kind: 'unknown' };
  if (E) {
    if (H && H.value.entry === E) return { kind: 'ok', entry: E };
    if (H && pair.en && enCovers(g, pair.en.text, H.value.entry)) return { kind: 'ok', entry: H.value.entry };
    // Korean after English ("Router (똑똑한 스위치)") or beside an abbreviation only ("천재(LLM)") is
    // usually an explanation, not a translation: a mismatch only when it is another glossary term.
    if (!H && (pair.form === 'en-ko' || pair.form === 'ko-abbr')) return { kind: 'unknown' };
    // A Korean gloss shorter than the English ("내용(Hidden State)") is an explanation, not a rendering.
    if (!H && countWords(pair.ko!.text) < countWords(E.ko)) return { kind: 'unknown' };
    const piece = H && pair.form !== 'en-ko' ? { start: H.start, end: H.end, text: pair.ko!.text.slice(H.start - pair.ko!.start) } : pair.ko!;
    return { kind: 'mismatch-ko', entry: E, piece };
  }
  if (!H) return { kind: 'unknown' };
  const entry = H.value.entry;
  if (!pair.en) return sameAbbr(pair.abbr!.text, entry.abbr) ? { kind: 'ok', entry } : { kind: 'unknown' };
  // A longer Korean compound around the term ("잠재 확산 모델(...)") is a different, unknown term.
  if (pair.form !== 'en-ko' && pair.ko!.start < H.start) return { kind: 'unknown' };
  if (enCovers(g, pair.en.text, entry)) return { kind: 'ok', entry };
  // Another sense the glossary lists: 추론(reasoning), 정렬(sorting) are right, just not this entry.
  if ((entry.senses ?? []).some(x => normEn(x) === normEn(pair.en!.text))) return { kind: 'unknown' };
  // A single capitalised word is often a name or a metaphor ("아키텍처(Mamba)", "챗봇(Generation)", "학습 데이터(Self-Edit)").
  if (pair.form !== 'ko-en' || sharesStem(pair.en.text, entry.en) || sharesAbbr(pair.en.text, entry.en) || /^[A-Z][^\s-]*(-[A-Z][^\s-]*)*$/.test(pair.en.text)) return { kind: 'unknown' };
  // So is a component named with an acronym: "살아있는 가중치 (LIV Conv)", "GRM Block".
  if (/^(?=.*\b[A-Z]{3,}\b)[A-Z][\w-]*(\s+[A-Z][\w-]*)+$/.test(pair.en.text)) return { kind: 'unknown' };
  // One adjective qualifies rather than translates: "DreamBooth 최적화(personalized)", "최소화(monocular)".
  if (adjectiveForm(pair.en.text) && !/\s/.test(entry.en)) return { kind: 'unknown' };
  // A Korean compound may start before the span the English was matched to: "다중 해상도(multiscale)".
  if (bareNounBefore(pair)) return { kind: 'unknown' };
  return { kind: 'mismatch-en', entry, piece: pair.en };
}

/**
 * The word before the Korean is a bare Hangul noun, so the compound may start there: "다중" in
 * 다중 해상도(multiscale), "역" in 역 KL 발산(Reverse KL). A particle, an ending or a determiner ends
 * the word before a term ("새로운 정렬(sorting)").
 */
export function bareNounBefore(pair: Pair): boolean {
  return !!pair.lead && bareNoun(pair.lead);
}

const stops = new WeakMap<TextRun, number>();
/** Where the run's first sentence ends (". ", "? "), Infinity if nowhere: computed once per run. */
function firstStop(run: TextRun): number {
  let at = stops.get(run);
  if (at === undefined) { const i = run.text.search(/[.!?]\s/); at = i < 0 ? Infinity : i; stops.set(run, at); }
  return at;
}

/**
 * A pair in a title: a heading, a label at the start of a block ("첫 번째 최적화 (SFT): …"), or a
 * short line that ends with the pair, as numbered pseudo-headings do ("1. 멈추지 않는 공동 진화 (Co-evolution)").
 */
export function labelPair(a: GlossaryAnalysis, p: Pair): boolean {
  const run = a.runs[p.run];
  const title = titled(run, p.close);
  if (!title || run.kind === 'heading') return !!title;
  // A label opens its block, and a title line is no sentence: no sentence ends before the pair.
  return title === 'title' ? !(firstStop(run) < p.head.start) : firstStop(run) === Infinity;
}

/** A stable key for "the same term" across pairs: its glossary entry, else its English or abbreviation. */
export function termKey(pair: Pair, v: Verdict): string {
  if (v.kind === 'ok') return `e:${v.entry.en}`;
  if (pair.en) return `n:${enKeys(pair.en.text).pop()}`;
  return `a:${pair.abbr!.text.replace(/s$/, '')}`;
}

export const koKey = (s: string) => normKo(s);
