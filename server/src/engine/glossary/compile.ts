import { Trie } from './trie';
import { type GlossaryEntry, type GlossaryLayer, type SourcedEntry } from './types';

/** A Korean form found in text: the preferred term, an accepted variant, or a spelling to avoid. */
export interface KoForm { entry: SourcedEntry; kind: 'ko' | 'variant' | 'avoid'; form: string }

/**
 * A stack of glossary layers merged and compiled for matching. Later layers override earlier
 * ones for the same English term; the tries are built once and shared by every check.
 */
export interface CompiledGlossary {
  entries: SourcedEntry[];
  layers: GlossaryLayer[];
  known: Set<string>;
  ko: Trie<KoForm>;
  en: Trie<SourcedEntry>;
  byAbbr: Map<string, SourcedEntry>;
  byEn: Map<string, SourcedEntry>;
  byKo: Map<string, KoForm>;
}

const HANGUL = /\p{Script=Hangul}/u;
export const isHangul = (ch: string | undefined): boolean => !!ch && HANGUL.test(ch);

/** Korean has no \b: a term starts at the text's start or after whitespace/punctuation; anything (a particle) may follow. */
export function koStartOk(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  // Fast paths: Hangul syllables and ASCII letters/digits are never a boundary; ASCII space and punctuation always are.
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  if (c < 128) return true;
  return /[\s\p{P}\p{S}\uFFFC]/u.test(text[i - 1]);
}
const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export function enStartOk(text: string, i: number): boolean {
  return i === 0 || !isWordCode(text.charCodeAt(i - 1));
}
export function enEndOk(text: string, j: number): boolean {
  return j >= text.length || !isWordCode(text.charCodeAt(j));
}

const foldEn = (ch: string) => (ch === '-' || ch === '‐' || ch === '–' || ch === '_' ? ' ' : ch.toLowerCase());
const foldKo = (ch: string) => ch;

/** English key: case-insensitive, hyphens and spaces alike. */
export function normEn(s: string): string {
  return s.toLowerCase().replace(/[\s\-‐–_]+/g, ' ').replace(/[’']/g, "'").trim();
}
/** Korean key: spacing ignored (spacing variants are `avoid` entries, reported separately). */
export function normKo(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

/** Singular/plural spellings tried when looking English up (the glossary lists irregular ones). */
export function enKeys(s: string): string[] {
  const n = normEn(s);
  const keys = [n];
  if (/[^s]s$/.test(n) && n.length > 3) keys.push(n.slice(0, -1));
  if (/(ches|shes|sses|xes)$/.test(n)) keys.push(n.slice(0, -2));
  if (/ies$/.test(n)) keys.push(n.slice(0, -3) + 'y');
  return keys;
}

export function lookupEn(g: CompiledGlossary, s: string): SourcedEntry | undefined {
  for (const k of enKeys(s)) { const e = g.byEn.get(k); if (e) return e; }
  return undefined;
}

/** Is an abbreviation allow-listed (case-sensitive, plural "LLMs" as "LLM")? */
export function isKnownAbbr(g: CompiledGlossary, a: string): boolean {
  return g.known.has(a) || (/[A-Z]s$/.test(a) && g.known.has(a.slice(0, -1)));
}

export function compileGlossary(layers: GlossaryLayer[]): CompiledGlossary {
  const byEnKey = new Map<string, SourcedEntry>();
  const known = new Set<string>();
  for (const layer of layers) {
    layer.data.terms.forEach((t: GlossaryEntry, index) => {
      const key = normEn(t.en);
      byEnKey.delete(key); // a later layer's entry takes the later place too
      byEnKey.set(key, { ...t, file: layer.file, index, span: layer.entrySpans[index] ?? { start: 0, end: 0 } });
    });
    for (const a of layer.data.knownAbbreviations ?? []) known.add(a);
  }
  const entries = [...byEnKey.values()];
  const ko = new Trie<KoForm>(foldKo, t => t), en = new Trie<SourcedEntry>(foldEn, t => t.toLowerCase().replace(/[-‐–_]/g, ' '));
  const byEn = new Map<string, SourcedEntry>(), byKo = new Map<string, KoForm>(), byAbbr = new Map<string, SourcedEntry>();
  // Avoided spellings first, so that a form which is another entry's preferred term wins.
  for (const kind of ['avoid', 'variant', 'ko'] as const) {
    for (const entry of entries) {
      const forms = kind === 'ko' ? [entry.ko] : kind === 'variant' ? entry.koVariants ?? [] : entry.avoid ?? [];
      for (const form of forms) {
        const f: KoForm = { entry, kind, form };
        ko.add(form, f, true);
        byKo.set(normKo(form), f);
      }
    }
  }
  for (const entry of entries) {
    for (const form of [entry.en, ...entry.enVariants ?? []]) { en.add(form, entry, true); byEn.set(normEn(form), entry); }
    if (entry.abbr) byAbbr.set(entry.abbr, entry);
  }
  return { entries, layers, known, ko, en, byAbbr, byEn, byKo };
}


/** Replaces every avoided spelling with the preferred term: what term-variant's fixes do, used by the self-test specs. */
export function replaceAvoided(g: CompiledGlossary, text: string): string {
  let out = '', pos = 0;
  for (const m of g.ko.scan(text, i => koStartOk(text, i), () => true)) {
    if (m.value.kind !== 'avoid') continue;
    out += text.slice(pos, m.start) + m.value.entry.ko;
    pos = m.end;
  }
  return out + text.slice(pos);
}
