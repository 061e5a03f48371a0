/**
 * What the tools for AI assistants return (the MCP server and VS Code's language model tools):
 * a check's findings and a glossary lookup, as plain data short enough for a model's context.
 * Pure: the callers read and write the files.
 */
import type { LintOutcome } from './index';
import { BUILTIN_GLOSSARY, type CompiledGlossary, type SourcedEntry } from './glossary';
import { enKeys, normKo } from './glossary/compile';
import { fixAllEdits } from './fix-all';
import type { Severity } from './types';

export interface AssistFinding {
  rule: string;
  severity: Severity;
  /** 1-based, as editors and models count lines. */
  line: number;
  column: number;
  message: string;
  /** The text the finding is about (at most 80 characters). */
  text: string;
  /** A safe automatic fix exists (fix_digest applies it); otherwise the writer decides. */
  autoFixable: boolean;
}

export interface AssistCheck {
  file: string;
  profile: string;
  counts: Record<Severity, number>;
  /** How many findings fix_digest would fix. */
  autoFixable: number;
  /** The most severe findings first, then in document order; at most `maxFindings`. */
  findings: AssistFinding[];
  /** Findings left out of `findings` (over the limit). */
  omitted: number;
  /** Problems in configuration or glossary files, as `file: message`. */
  problems: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const clip = (s: string, n = 80) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** `place` shows a configuration or glossary file (the MCP server shows paths relative to its root). */
export function assistCheck(outcome: LintOutcome, file: string, maxFindings = 30, place: (file: string) => string = f => f): AssistCheck {
  const { findings, lineIndex, digest } = outcome.result;
  const text = lineIndex.text;
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const ordered = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start);
  const shown = ordered.slice(0, Math.max(0, maxFindings)).map((f): AssistFinding => {
    const pos = lineIndex.positionAt(f.span.start);
    return {
      rule: f.rule, severity: f.severity, line: pos.line + 1, column: pos.character + 1, message: f.message,
      text: clip(text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')), autoFixable: f.fixes.some(x => x.safe),
    };
  });
  const chosen = new Set(fixAllEdits(findings));
  const autoFixable = findings.filter(f => f.fixes.find(x => x.safe)?.edits.every(e => chosen.has(e))).length;
  const problems = outcome.config.problems.flatMap(p => p.problems.map(x => `${place(p.file)}: ${x.message}`));
  return { file, profile: digest.profile.id, counts, autoFixable, findings: shown, omitted: ordered.length - shown.length, problems };
}

export interface TermInfo {
  ko: string;
  en: string;
  abbr?: string;
  /** How to write it at its first mention in a scope: the pair convention 한글(English), or the Korean alone for a term that needs no English. */
  firstMention: string;
  /** Whether the first mention needs the English: always, never, or when the document gives it later. */
  original: 'always' | 'never' | 'when-paired-later';
  koVariants?: string[];
  enVariants?: string[];
  /** Korean spellings to replace with `ko`. */
  avoid?: string[];
  /** Other meanings the Korean word has (no automatic fix for it). */
  senses?: string[];
  note?: string;
  /** The glossary file that defines it, or "built-in". */
  glossary: string;
  /** How the query matched: the Korean or English term itself, a variant, an avoided form, the abbreviation, or a part. */
  match: 'ko' | 'en' | 'abbr' | 'variant' | 'avoided' | 'partial';
}

/**
 * The glossary entries for an English or Korean term or abbreviation: the exact matches when there
 * are any (also for the term with a particle or an English plural), else the entries with a word
 * starting with the query.
 */
export function lookupTerms(glossary: CompiledGlossary, query: string, max = 10): TermInfo[] {
  const q = query.trim();
  if (!q) return [];
  // An exact match, else the same without a trailing particle (미세 조정을) or plural s (LLMs).
  const bare = [q, ...KO_PARTICLES.filter(p => q.endsWith(p) && /[가-힣]$/.test(q) && q.length - p.length >= 2).map(p => q.slice(0, -p.length)), ...(/^[A-Z][A-Za-z0-9-]*s$/.test(q) ? [q.slice(0, -1)] : [])];
  for (const form of bare) {
    const exact = matches(glossary, form, false);
    if (exact.length) return exact.slice(0, max);
  }
  return matches(glossary, q, true).slice(0, max);
}

/** Particles a term may carry when asked for as written in a sentence, longest first. */
const KO_PARTICLES = ['으로서', '에서는', '에서', '으로', '에게', '까지', '부터', '처럼', '보다', '이다', '을', '를', '은', '는', '이', '가', '와', '과', '의', '도', '에', '로', '만'];
const EN_STOPWORDS = new Set(['the', 'of', 'a', 'an', 'and', 'or', 'for', 'to', 'in', 'on', 'with', 'by', 'from', 'as', 'at']);
/** Whether `text` has a word starting with `q` (at its start, or after a space, hyphen, slash or parenthesis). */
function hasWordStarting(text: string, q: string): boolean {
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) if (at === 0 || ' -/('.includes(text[at - 1])) return true;
  return false;
}

/**
 * Entries matching a query exactly (as the rules match: Korean ignoring spaces, English ignoring
 * case, hyphens and plurals), or with `partial`, entries with a word that starts with it (so DiT
 * does not find "conditioning", nor "the" every term with "the" in it).
 */
function matches(glossary: CompiledGlossary, q: string, partial: boolean): TermInfo[] {
  const ko = normKo(q);
  const en = new Set(enKeys(q));
  const lower = q.toLowerCase();
  const wordStart = partial && q.length >= 2 && !EN_STOPWORDS.has(lower);
  const scored: { entry: SourcedEntry; match: TermInfo['match'] }[] = [];
  for (const entry of glossary.entries) {
    const enMatch = (s: string) => enKeys(s).some(k => en.has(k));
    let match: TermInfo['match'] | undefined;
    if (!partial) {
      if (normKo(entry.ko) === ko) match = 'ko';
      else if (enMatch(entry.en)) match = 'en';
      else if (entry.abbr && entry.abbr.toLowerCase() === lower) match = 'abbr';
      else if ((entry.koVariants ?? []).some(v => normKo(v) === ko) || (entry.enVariants ?? []).some(enMatch)) match = 'variant';
      else if ((entry.avoid ?? []).some(v => normKo(v) === ko)) match = 'avoided';
    } else if (wordStart && (hasWordStarting(entry.ko, q) || hasWordStarting(entry.en.toLowerCase(), lower))) match = 'partial';
    if (match) scored.push({ entry, match });
  }
  scored.sort((a, b) => a.entry.en.length - b.entry.en.length);
  return scored.map(({ entry, match }) => ({ ...termInfo(entry), match }));
}

/** One entry as the tools show it. */
function termInfo(e: SourcedEntry): Omit<TermInfo, 'match'> {
  return {
    ko: e.ko, en: e.en, ...(e.abbr ? { abbr: e.abbr } : {}),
    firstMention: e.original === 'never' ? e.ko : `${e.ko}(${e.en}${e.abbr ? `, ${e.abbr}` : ''})`,
    original: e.original ?? 'when-paired-later',
    ...(e.koVariants?.length ? { koVariants: e.koVariants } : {}),
    ...(e.enVariants?.length ? { enVariants: e.enVariants } : {}),
    ...(e.avoid?.length ? { avoid: e.avoid } : {}),
    ...(e.senses?.length ? { senses: e.senses } : {}),
    // The built-in entries' notes are curation notes (corpus counts), not advice: as on hover.
    ...(e.note && e.file !== BUILTIN_GLOSSARY ? { note: e.note } : {}),
    glossary: e.file === BUILTIN_GLOSSARY ? 'built-in' : e.file,
  };
}

/** The effective glossary as plain entries (the MCP resource): every term, later files overriding earlier ones. */
export function glossaryEntries(glossary: CompiledGlossary): Omit<TermInfo, 'match'>[] {
  return glossary.entries.map(termInfo);
}
