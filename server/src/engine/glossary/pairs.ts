import { getJongseong } from 'es-hangul';
import { OPAQUE, type TextRun } from '../text-runs';
import type { TrieMatch } from './trie';
import { isHangul, lookupEn, type CompiledGlossary, type KoForm } from './compile';
import type { SourcedEntry } from './types';
import { adjectiveForm, capitalsHalf, endsNoNoun, explainsRatherThanRenders, LINK_WORDS, namesRatherThanTerm } from './gloss';

/**
 * Term pairs in one text run: every form of the spec's table (section 3).
 *
 *   ko-en    잠재 공간(latent space), 대조 학습(contrastive learning, CL), 은닉 차원(hidden dimension, 너비)
 *   ko-abbr  대규모 언어 모델(LLM)
 *   abbr-en  PPO(Proximal Policy Optimization)
 *   en-abbr  Mixture-of-Experts (MoE)
 *   en-ko    Diffusion Transformers(확산 트랜스포머), LCO-EMB(언어 중심 옴니모달 임베딩)
 *
 * Not pairs: `(예: …)`, `(x축)`, numbers and years, figure and table references, citations,
 * anything holding code, a URL or math (opaque characters), Korean in Korean.
 */
export type PairForm = 'ko-en' | 'ko-abbr' | 'abbr-en' | 'en-abbr' | 'en-ko';

/** Half-open indices into the run's text. */
export interface Piece { start: number; end: number; text: string }

export interface Pair {
  run: number;
  form: PairForm;
  /** The term before "(" (Korean for ko-first forms). */
  head: Piece;
  /** Index of "(" and of ")" in the run. */
  open: number;
  close: number;
  /** A space between the term and "(". */
  space: boolean;
  ko?: Piece;
  en?: Piece;
  abbr?: Piece;
  /** The word right before the Korean on its line (ko-first forms), to tell where a compound starts. */
  lead?: string;
  /** The glossary term ending right before "(" (ko-first), or the whole Korean inside (en-ko). */
  koHit?: TrieMatch<KoForm>;
  /** The glossary entry of the English (or of the abbreviation when there is no English). */
  enEntry?: SourcedEntry;
  /**
   * The Korean span is a guess cut short by a modifier ("서사적 및 문화적 충실도(narrative and
   * cultural fidelity)" gives 문화적 충실도): a pair for the spacing, but not one to judge or to record.
   */
  cut?: boolean;
}

type PartType = 'ko' | 'en' | 'abbr';
const NOT_A_PAIR_KO = /^(예|예시|예를\s*들어|즉|참고|약|단|주|출처|그림|표|식)(?=[\s:.,]|$)/;
const NOT_A_PAIR_EN = /^(e\.g|i\.e|cf|etc|see|vs|fig|figure|table|tab|eq|equation|section|sec|appendix|chapter|ch|page|p|pp|step|line|ref|note|source|via|aka|a\.k\.a)\b/i;
/** A word ending in a particle or conjunction is not part of the noun before "(" (except the first). */
const PARTICLE_END = /(의|은|는|을|를|에|에서|에게|와|로|으로|및|등|또는|처럼|보다|까지|부터|하는|되는|위한|대한|통한|의한|관한|인한|향한|..[한된인할될])$/;
/** Of those, the words that modify what follows: the English may render them too ("더 깊은 문맥 통합"). */
const MODIFIER_END = /(의|은|는|와|및|또는|..[한된인할될])$/;
/** A connective verb form ("받아서 잠재변수") ends a clause: the term starts after it. */
const CONNECTIVE_END = /(아서|어서|여서|해서|하고|하며|하면|으면|려고|도록|지만)$/;
const WORD_BREAK = /[\s\p{P}\p{S}\uFFFC]/u;
/** Words that open a noun phrase without being part of the term: "이 쓰레기통(Null Sink)". */
const DETERMINERS = new Set(['이', '그', '저', '이런', '그런', '저런', '이러한', '그러한', '해당', '각', '모든', '어떤', '다른', '새로운', '기존', '기존의']);
/** A bare verb form before "(": "호출하려 할(False Positive)". */
const VERB_WORD = /^(할|될|한|된|함|됨|하다|되다|이다)$/;
/** A verb or adverb before "(" ("재구성하는(Dynamics)") glosses a description, not a term. */
const VERB_END = /(..는|하는|되는|하고|않고|리고|지고|하며|가며|으며|하여|해서|한다|된다|했다|하게|적으로|스럽게|하기|시키는|도록|해라|하라|거나|아서|어서|여서|워서)$/;

export function isAbbrLike(s: string, g: CompiledGlossary): boolean {
  if (g.byAbbr.has(s) || g.known.has(s)) return true;
  if (!/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/.test(s) || s.length > 16) return false;
  return s.replace(/[^A-Z]/g, '').length >= 2 && capitalsHalf(s);
}

function partType(s: string, g: CompiledGlossary): PartType | null {
  if (!s) return null;
  if (/https?:|www\./i.test(s)) return null;
  if (isHangul(s[0])) {
    if (NOT_A_PAIR_KO.test(s)) return null;
    const hangul = s.match(/\p{Script=Hangul}/gu)?.length ?? 0;
    return hangul >= 2 && /^[\p{Script=Hangul}A-Za-z0-9 \-·'’]+$/u.test(s) ? 'ko' : null;
  }
  // No slashes ("SFT/RLHF" lists alternatives), no single letters ("질문(A)" labels an item).
  // No "+" ("RNN+Attention" lists parts).
  // A variable with a prime ("x'") is math, not a word.
  if (!/^\p{Script=Latin}[\p{Script=Latin}0-9 \-'’&]*$/u.test(s) || NOT_A_PAIR_EN.test(s) || LINK_WORDS.test(s) || !/\p{Script=Latin}{2}/u.test(s)) return null;
  if (namesRatherThanTerm(s)) return null;
  const words = s.split(/\s+/);
  if (words.length > 8 || words.some(w => /^\d+$/.test(w))) return null;
  return words.length === 1 && isAbbrLike(s, g) ? 'abbr' : 'en';
}

/** Splits the inside of a pair at commas/semicolons, keeping run indices. */
function parts(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let s = from;
  const flush = (e: number) => {
    let a = s, b = e;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = from; i < to; i++) if (/[,;，]/.test(text[i])) { flush(i); s = i + 1; }
  flush(to);
  return out;
}

/** Hyphens and middle dots inside a word (생성-표현) keep it one word. */
function inWord(text: string, j: number): boolean {
  const c = text[j];
  if (!WORD_BREAK.test(c)) return true;
  return /[-·]/.test(c) && j > 0 && j + 1 < text.length && !WORD_BREAK.test(text[j - 1]) && !WORD_BREAK.test(text[j + 1]);
}

/** A particle or modifier ending closes the word; 로 and 의 only on three syllables or more (회로, 경로, 정의 are nouns). */
const particleEnd = (word: string) => PARTICLE_END.test(word) && (word.length >= 3 || !/(로|의)$/.test(word));

/**
 * A subject particle on a word of three syllables or more: 연구진이, 모델이, 사용자가. Shorter words
 * ending in 이 are often nouns (길이, 높이), so they are left alone.
 */
function subjectMarked(word: string): boolean {
  if (!/^\p{Script=Hangul}{3,}$/u.test(word)) return false;
  const before = word[word.length - 2];
  return word.endsWith('이') ? getJongseong(before) !== '' : word.endsWith('가') && getJongseong(before) === '';
}

/**
 * The Korean term before "(" when the glossary does not know it: the minimal run of words
 * ending at "(", as many words as `n` (the English's word count, or the abbreviation's
 * capitals), never crossing punctuation, a line break or a word ending in a particle.
 */
export function wordsBefore(text: string, q: number, n: number): (Piece & { cut: boolean }) | undefined {
  let start = q, words = 0, i = q, cut = false;
  while (words < n && i > 0) {
    let j = i;
    while (j > 0 && inWord(text, j - 1)) j--;
    if (j === i) break;
    const word = text.slice(j, i);
    if (words === 0 && (VERB_END.test(word) || VERB_WORD.test(word) || endsNoNoun(word))) return undefined;
    if (words > 0 && CONNECTIVE_END.test(word)) break;
    if (words > 0 && (particleEnd(word) || DETERMINERS.has(word) || subjectMarked(word))) { cut = MODIFIER_END.test(word) && !DETERMINERS.has(word); break; }
    start = j; words++;
    if (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) { i = j - 1; while (i > 0 && text[i - 1] === ' ') i--; } else break;
  }
  // A determiner alone ("기존 (Full Finetuning)") labels an item; it renders nothing.
  if (words === 1 && DETERMINERS.has(text.slice(start, q))) return undefined;
  return words ? { start, end: q, text: text.slice(start, q), cut } : undefined;
}

/** The run of Latin words before "(" (English-first forms), at most six words. */
function latinBefore(text: string, q: number): Piece | undefined {
  let i = q, start = q, words = 0;
  while (i > 0 && words < 6) {
    let j = i;
    while (j > 0 && /[\p{Script=Latin}0-9\-'’&+.]/u.test(text[j - 1])) j--;
    if (j === i || !/\p{Script=Latin}/u.test(text.slice(j, i))) break;
    start = j; words++;
    if (j > 0 && text[j - 1] === ' ' && j > 1 && /[\p{Script=Latin}0-9]/u.test(text[j - 2])) i = j - 1; else break;
  }
  if (!words) return undefined;
  while (start < q && /[.'’\-]/.test(text[start])) start++;
  return { start, end: q, text: text.slice(start, q) };
}

const countWords = (s: string) => s.trim().split(/\s+/).length;

/**
 * Leading words with a number and no Hangul that the English does not repeat are context, not
 * the term: "VRAM 0MB 환경(CPU Only)" gives 환경; "3D 포즈(3D pose)" keeps 3D, "KV 캐싱(Key-Value
 * Caching)" keeps KV.
 */
function trimLatinStart(ko: Piece, english: string): Piece | undefined {
  const lower = english.toLowerCase();
  let k = 0;
  for (const w of ko.text.split(' ')) {
    if (/\p{Script=Hangul}/u.test(w) || !/\d/.test(w) || lower.includes(w.toLowerCase())) break;
    k += w.length + 1;
  }
  if (k >= ko.text.length) return undefined;
  return { start: ko.start + k, end: ko.end, text: ko.text.slice(k) };
}
const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'to', 'for', 'in', 'on', 'with', 'by', 'from']);
/** Content words of an English term, hyphen parts included: "text-only data" is 3, "state-of-the-art" is 2. */
const contentWords = (s: string) => Math.max(1, s.split(/[\s\-]+/).filter(w => w && !FUNCTION_WORDS.has(w.toLowerCase())).length);
const initial = (s: string) => s.replace(/^\P{Script=Latin}+/u, '')[0]?.normalize('NFD')[0].toLowerCase();

/**
 * The English an abbreviation stands for, from the words before it: the longest tail of at most
 * as many content words as the abbreviation has letters that starts with its first letter
 * ("point-to-point Multi-Head Attention (MHA)" → "Multi-Head Attention").
 */
function expansionOf(latin: Piece, abbr: string): Piece | undefined {
  if (latin.text === abbr || !/[a-z]/.test(latin.text)) return undefined;
  const letters = abbr.replace(/[^A-Za-z]/g, '').length;
  const words = latin.text.split(' ');
  const content = (from: number) => contentWords(words.slice(from).join(' '));
  for (let i = 0; i < words.length; i++) {
    if (initial(words[i]) !== initial(abbr) || content(i) > letters) continue;
    const skip = words.slice(0, i).join(' ').length + (i ? 1 : 0);
    return { start: latin.start + skip, end: latin.end, text: latin.text.slice(skip) };
  }
  return undefined;
}

/**
 * A heading; a label, the parenthesis closing right before ":" ("전문화 (Specialization): …"); or a
 * short line ending with the parenthesis, as numbered pseudo-headings do ("1. …: 두 개의 자아 (Hyperagents)").
 */
export function titled(run: TextRun, close: number): 'title' | 'line' | undefined {
  if (run.kind === 'heading' || /^\s*[:：]/.test(run.text.slice(close + 1, close + 4))) return 'title';
  if (run.text.length > 80) return undefined;
  const t = run.text.trimEnd();
  return close === t.length - 1 && t.length <= 60 && !t.includes('\n') ? 'line' : undefined;
}

/** The Korean of the pair is exactly one glossary term (its hit covers all of it). */
export const koIsTerm = (p: Pair): boolean => !!p.koHit && !!p.ko && p.koHit.start === p.ko.start && p.koHit.end === p.ko.end;

/** Where a title's words start before `q`: after the line start, a number ("2.", "1.3."), symbols and a colon. */
function titleStart(text: string, q: number): number {
  // A title is short: look back 80 characters at most, so a long paragraph stays linear.
  const from = Math.max(0, q - 80), near = text.slice(from, q);
  let i = from + Math.max(near.lastIndexOf('\n'), near.lastIndexOf(':'), near.lastIndexOf('：')) + 1;
  while (i < q && /[^\p{L}]/u.test(text[i])) i++;
  return i;
}

export function findPairs(run: TextRun, runIndex: number, koHits: TrieMatch<KoForm>[], g: CompiledGlossary): Pair[] {
  const text = run.text;
  const pairs: Pair[] = [];
  const byEnd = new Map(koHits.map(h => [h.end, h]));
  const hitEndingAt = (q: number) => byEnd.get(q);
  for (let p = text.indexOf('('); p >= 0; p = text.indexOf('(', p + 1)) {
    let k = p + 1;
    while (k < text.length && k - p < 160 && !'()\n'.includes(text[k])) k++;
    if (text[k] !== ')') continue;
    if (text.slice(p + 1, k).includes(OPAQUE)) continue;
    // "dreambooth ([링크](https://…))": a link in parentheses is a reference, not a pair. A pair
    // written inside a link's text ("[잠재 공간(latent space)](url)") is still a pair.
    if (run.links.some(l => l.start > p && l.start <= p + 1 && l.end >= k) || run.links.some(l => l.start === p + 1)) continue;
    const space = text[p - 1] === ' ' && p > 1 && !/\s/.test(text[p - 2]);
    const q = space ? p - 1 : p;
    const prev = text[q - 1];
    if (!prev || /\s/.test(prev)) continue;
    if (!isHangul(prev) && !/[\p{Script=Latin}0-9]/u.test(prev)) continue;
    const ps = parts(text, p + 1, k);
    const types = ps.map(x => partType(x.text, g));
    if (types.some(t => t === null)) continue;
    // An article starts a title ("결과 (The Output)"), unless an abbreviation follows ("(The Wide Diffusion Head, DiTDH)").
    if (ps.length === 1 && /^(the|a|an) /i.test(ps[0].text)) continue;
    const base = { run: runIndex, open: p, close: k, space };

    const koFirst = (): Pair | undefined => {
      const [t0, t1] = types;
      let en: Piece | undefined, abbr: Piece | undefined, form: PairForm;
      // "학습 파이프라인(Pre-training, SFT, RL)": three parts list members, they do not translate.
      if (ps.length > 2) return undefined;
      if (t0 === 'abbr' && ps.length === 1) { abbr = ps[0]; form = 'ko-abbr'; }
      else if (t0 === 'en') {
        en = ps[0]; form = 'ko-en';
        if (t1 === 'abbr') abbr = ps[1];
        else if (t1 === 'en') return undefined; // "(DINO, SigLIP)": a list, not a pair
      } else return undefined;
      const enEntry = en ? lookupEn(g, en.text) : g.byAbbr.get(abbr!.text);
      const hit = hitEndingAt(q);
      const n = Math.min(6, Math.max(en ? contentWords(en.text) : (abbr!.text.match(/[A-Z]/g)?.length ?? 1), enEntry ? countWords(enEntry.ko) : 1));
      const guess = wordsBefore(text, q, n);
      let ko: Piece | undefined = guess && trimLatinStart(guess, `${en?.text ?? ''} ${abbr?.text ?? ''}`);
      if (hit && (!ko || hit.start < ko.start)) ko = { start: hit.start, end: q, text: text.slice(hit.start, q) };
      if (!ko) return undefined;
      // One syllable ("그 후 (On-Device Focus)", "1차(gradient-based)") is a label, not a term, unless the glossary says so.
      if (!hit && (ko.text.match(/\p{Script=Hangul}/gu)?.length ?? 0) < 2) return undefined;
      // A title or label glossed loosely: "## 2. 학습 전략 (Methodology)", "- 극한의 다이어트 (Spec):" — the
      // whole title has more words than the English could render ("퇴행적 텍스트 (Degenerate Text)" is a pair).
      // A glossary term right before English keeps the pair: "검색 정확도(Recall): 0.84" still pairs 정확도;
      // an abbreviation after a title names the method used ("4. 두 번째 최적화 (RL): …") unless it is the
      // term's own ("## 검색 증강 생성 (RAG)").
      // A line standing alone may carry one adjective more ("**대규모 시각 장소 인식(visual place recognition)**").
      const title = titled(run, k);
      if (title && !(hit && en) && countWords(text.slice(titleStart(text, q), q)) > n + (title === 'line' ? 1 : 0)) return undefined;
      if (title && !en && !(hit && g.byAbbr.get(abbr!.text) === hit.value.entry)) return undefined;
      // One English adjective after a Korean noun qualifies it: "이미지를 계산 (fixed)", "최소화(monocular)".
      // A Korean adjective glossed is a pair: "고정된(frozen)".
      if (en && !hit && adjectiveForm(en.text) && !/(된|한|인|적|는|운|은|ㄴ)$/.test(ko.text)) return undefined;
      // The end of a quoted sentence: "필요한 것만 골라 읽자(Sparse)"는 — a slogan labelled, not a term.
      if (/^["”'’」』]/.test(text[k + 1] ?? '') && /[다자라요까죠]$/.test(ko.text)) return undefined;
      const cut = !hit && !!en && !!guess && (guess.cut || ko.start > guess.start) && countWords(ko.text) < n;
      const lead = /([\p{Script=Hangul}A-Za-z0-9]+) $/u.exec(text.slice(Math.max(0, ko.start - 24), ko.start))?.[1];
      return { ...base, form, head: ko, ko, en, abbr, koHit: hit, enEntry: enEntry ?? (abbr ? g.byAbbr.get(abbr.text) : undefined), ...(cut ? { cut } : {}), ...(lead ? { lead } : {}) };
    };

    if (isHangul(prev)) {
      const pair = koFirst();
      if (pair) pairs.push(pair);
      continue;
    }
    if (!/[\p{Script=Latin}0-9]/u.test(prev)) continue;
    const latin = latinBefore(text, q);
    if (!latin) continue;
    // "FPS(높을수록 좋음)", "correspondence(수렴한 경우)": a remark about the English, not its translation.
    if (types[0] === 'ko' && /(음|함|됨|경우|때)$/.test(ps[0].text)) continue;
    if (types[0] === 'ko') {
      // English first: "Diffusion Transformers(확산 트랜스포머)", "LCO-EMB(언어 중심 옴니모달 임베딩)".
      // Two Korean parts ("downsampling(더 큰 수용 영역 커버, 계산 효율성 높이기 위해)") explain.
      if (types.length > 1) continue;
      // "Models & Architecture (모델 학습 및 아키텍처)": the English is a list, of which only the last item is here.
      if (/&\s*$/.test(text.slice(Math.max(0, latin.start - 3), latin.start))) continue;
      const inner = ps[0];
      const hit = koHits.find(h => h.start === inner.start && h.end === inner.end);
      const isAbbr = isAbbrLike(latin.text, g) && !latin.text.includes(' ');
      if (!hit && (namesRatherThanTerm(latin.text) || explainsRatherThanRenders(latin.text, inner.text, isAbbr))) continue;
      // A name in a title glossed with one word says what it does, not what it is called: "- DroPE (뺄셈): …".
      if (!hit && isAbbr && titled(run, k) && !inner.text.includes(' ')) continue;
      // One capitalised word the glossary does not know, glossed with one Korean word: a name, an example
      // or a role ("Strawberry(딸기)", "Depth (사고)", "Width (지식)"), not a term pair.
      if (!hit && /^[A-Z][a-z]+$/.test(latin.text) && !lookupEn(g, latin.text) && !inner.text.includes(' ')) continue;
      pairs.push({ ...base, form: 'en-ko', head: latin, ko: inner, en: isAbbr ? undefined : latin, abbr: isAbbr ? latin : undefined, koHit: hit, enEntry: isAbbr ? g.byAbbr.get(latin.text) : lookupEn(g, latin.text) });
      continue;
    }
    const expansion = types.length === 1 && types[0] === 'abbr' ? expansionOf(latin, ps[0].text) : undefined;
    if (expansion) {
      // "Mixture-of-Experts (MoE)": English, then its abbreviation.
      pairs.push({ ...base, form: 'en-abbr', head: expansion, en: expansion, abbr: ps[0], enEntry: lookupEn(g, expansion.text) ?? g.byAbbr.get(ps[0].text) });
      continue;
    }
    const lastWord = latin.text.split(' ').pop()!;
    const word: Piece = { start: q - lastWord.length, end: q, text: lastWord };
    if (types[0] === 'en' && isAbbrLike(lastWord, g) && initial(lastWord) === initial(ps[0].text) && (types.length === 1 || types[1] === 'ko')) {
      // "PPO(Proximal Policy Optimization)": an abbreviation, then what it stands for.
      pairs.push({ ...base, form: 'abbr-en', head: word, en: ps[0], abbr: word, enEntry: lookupEn(g, ps[0].text) ?? g.byAbbr.get(lastWord) });
      continue;
    }
    // A Korean compound ending in a Latin word: "설명 가능한 AI(Explainable AI, XAI)".
    if (/[\p{Script=Hangul}]/u.test(text.slice(Math.max(0, latin.start - 30), latin.start))) {
      const pair = koFirst();
      if (pair && /\p{Script=Hangul}/u.test(pair.head.text)) pairs.push(pair);
    }
  }
  return pairs;
}
