import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { OffsetEdit, Span } from './types';
import { particleAt, particleFor, particleHost } from './particles';

/**
 * Every fix a rule proposes passes through here before anyone sees it, so that no fix damages
 * Korean text, whichever rule wrote it:
 * - a fix that changes nothing is not offered;
 * - a glossary rule's fix inside a heading is offered by hand only (it would change the anchor);
 * - an edit inside code, inline code, HTML or `$…$` math is not offered (the text there is not prose);
 * - a replacement whose new words repeat the words beside it (`검색 증강` + `검색 증강 생성`)
 *   takes the whole phrase instead, and is then offered only by hand; if a word would still
 *   come out doubled, the fix is not offered;
 * - a particle after the new word is changed to the form that agrees with it (신경망를 → 신경망을);
 *   when the new word does not end in Hangul (its particle depends on how it is read aloud), the
 *   fix is offered only by hand.
 */
export interface GuardedFix { edits: OffsetEdit[]; safe: boolean }

export class FixGuard {
  private spans: Span[] | undefined;
  constructor(private readonly text: string, private readonly root: Root) {}

  /** Rules hand many findings the same fix (one TOC rewrite, one renumbering): guard each once. */
  private readonly seen = new Map<string, GuardedFix | undefined>();
  private readonly byList = new WeakMap<OffsetEdit[], Map<boolean, GuardedFix | undefined>>();

  guard(edits: OffsetEdit[], safe: boolean, wording = false): GuardedFix | undefined {
    // A wording fix (a glossary rule's) inside a heading changes the heading's anchor, and links
    // to it (a linked TOC) would silently break: such a fix is offered by hand.
    if (wording && safe && edits.some(e => this.inHeading(e))) safe = false;
    // The same edit list handed again (a shared fix) is found by identity: building a text key
    // per finding was quadratic for the renumbering of a big document.
    const known = this.byList.get(edits);
    if (known?.has(safe)) return known.get(safe);
    const key = `${safe}\u0000${edits.map(e => `${e.start},${e.end},${e.text}`).join('\u0000')}`;
    const result = this.seen.has(key) ? this.seen.get(key) : this.check(edits, safe);
    this.seen.set(key, result);
    if (known) known.set(safe, result); else this.byList.set(edits, new Map([[safe, result]]));
    return result;
  }

  private check(edits: OffsetEdit[], safe: boolean): GuardedFix | undefined {
    const out: OffsetEdit[] = [];
    // An edit that writes back what is there is no fix (fix-all would apply it forever).
    edits = edits.filter(e => this.text.slice(e.start, e.end) !== e.text);
    if (!edits.length) return undefined;
    for (const original of edits) {
      if (this.isProtected(original)) return undefined;
      const widened = widenOverRepeats(this.text, original);
      if (widened !== original) safe = false;
      if (introducesDoubledWord(this.text, widened)) return undefined;
      out.push(widened);
      const particle = particleEdit(this.text, widened);
      if (particle === 'unsure') safe = false;
      else if (particle) out.push(particle);
    }
    // A particle correction must not collide with another edit of the same fix.
    const sorted = [...out].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return undefined;
    return { edits: out, safe };
  }

  private headings: Span[] | undefined;
  private inHeading(e: OffsetEdit): boolean {
    this.headings ??= disjoint(nodeSpans(this.root, 'heading'));
    const h = lastStartingBefore(this.headings, Math.max(e.end, e.start + 1));
    return !!h && e.start < h.end;
  }

  private isProtected(e: OffsetEdit): boolean {
    this.spans ??= disjoint([...protectedSpans(this.root), ...mathSpans(this.text)]);
    const s = lastStartingBefore(this.spans, Math.max(e.end, e.start + 1));
    // An insertion at the very edge of a span is outside it; anything overlapping is inside.
    return !!s && (e.start === e.end ? e.start > s.start && e.start < s.end : e.start < s.end);
  }
}

/** Sorted, merged spans (code and math can overlap: a `$` inside code), so one binary search answers. */
function disjoint(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end); else out.push({ ...s });
  }
  return out;
}

/** The last span that starts before `at` (binary search over disjoint sorted spans). */
function lastStartingBefore(spans: Span[], at: number): Span | undefined {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start < at) lo = mid + 1; else hi = mid; }
  return spans[lo - 1];
}

function nodeSpans(root: Root, type: string): Span[] {
  const spans: Span[] = [];
  visit(root, type, node => {
    const s = node.position?.start.offset, e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: s, end: e });
  });
  return spans;
}

/** Code blocks (an unclosed fence runs to the end of its container), inline code and raw HTML. */
function protectedSpans(root: Root): Span[] {
  const spans: Span[] = [];
  visit(root, node => {
    if (node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html') return;
    const s = node.position?.start.offset, e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: s, end: e });
  });
  return spans;
}

/** `$$` display blocks and `$…$` pairs on a line: math is not prose (the parser here has no math syntax). One pass. */
function mathSpans(text: string): Span[] {
  const spans: Span[] = [];
  let block = -1, lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/^\s*\$\$\s*$/.test(line)) {
      if (block < 0) block = lineStart; else { spans.push({ start: block, end: lineEnd }); block = -1; }
    } else if (block < 0 && line.includes('$')) {
      let open = -1;
      for (let i = 0; i < line.length; i++) {
        if (line[i] !== '$' || line[i - 1] === '\\') continue;
        if (open < 0) open = i; else { spans.push({ start: lineStart + open, end: lineStart + i + 1 }); open = -1; }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (block >= 0) spans.push({ start: block, end: text.length });
  return spans;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string) => [...s.matchAll(WORD)].map(m => ({ w: m[0], start: m.index!, end: m.index! + m[0].length }));

/**
 * When the new text begins with the words just before the edit (or ends with the words just
 * after it), the edit covers those words too: the replacement then stands for the whole phrase.
 */
function widenOverRepeats(text: string, e: OffsetEdit): OffsetEdit {
  const ws = words(e.text);
  if (!ws.length) return e;
  let { start, end } = e;
  // Leading: "검색 " + [증강 → 검색 증강 생성] becomes [검색 증강 → 검색 증강 생성].
  const gapBefore = /\s+$/.exec(text.slice(Math.max(0, start - 8), start))?.[0].length ?? 0;
  if (ws[0].start === 0 && gapBefore) {
    for (let k = ws.length; k >= 1; k--) {
      const phrase = e.text.slice(0, ws[k - 1].end);
      const from = start - gapBefore - phrase.length;
      if (from >= 0 && text.slice(from, start - gapBefore) === phrase && !/[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) { start = from; break; }
    }
  }
  // Trailing: [프롬프트 → 프롬프트 튜닝] + " 튜닝" becomes [프롬프트 튜닝 → 프롬프트 튜닝].
  const last = ws[ws.length - 1];
  const gapAfter = /^\s+/.exec(text.slice(end, end + 8))?.[0].length ?? 0;
  if (last.end === e.text.length && gapAfter) {
    for (let k = 0; k < ws.length; k++) {
      const phrase = e.text.slice(ws[k].start);
      const to = end + gapAfter + phrase.length;
      if (text.slice(end + gapAfter, to) === phrase && !/[\p{L}\p{N}]/u.test(text[to] ?? '')) { end = to; break; }
    }
  }
  return start === e.start && end === e.end ? e : { start, end, text: e.text };
}

/** Adjacent equal words (검색 검색) around the edit that were not there before it. */
function introducesDoubledWord(text: string, e: OffsetEdit): boolean {
  const doubled = (s: string) => {
    const ws = words(s), out: string[] = [];
    for (let k = 1; k < ws.length; k++) {
      if (ws[k].w === ws[k - 1].w && ws[k].w.length >= 2 && /^\s+$/.test(s.slice(ws[k - 1].end, ws[k].start))) out.push(ws[k].w);
    }
    return out;
  };
  const a = Math.max(0, e.start - 40), b = Math.min(text.length, e.end + 40);
  const before = doubled(text.slice(a, b));
  const after = doubled(text.slice(a, e.start) + e.text + text.slice(e.end, b));
  for (const w of after) {
    const i = before.indexOf(w);
    if (i < 0) return true;
    before.splice(i, 1);
  }
  return false;
}

/** Closing emphasis and a pair's parenthetical between a replaced word and its particle. */
const BETWEEN = /^(?:\*\*|__|\*|_|~~)*(?:\s?[(（][^()（）\n]{0,200}[)）])?(?:\*\*|__|\*|_|~~)*/;

/**
 * The edit that makes the particle after `e` agree with the new word, none when it already
 * does or the word it follows did not change, 'unsure' when the new word does not end in Hangul.
 */
function particleEdit(text: string, e: OffsetEdit): OffsetEdit | 'unsure' | undefined {
  const gap = BETWEEN.exec(text.slice(e.end, e.end + 220))![0];
  const at = e.end + gap.length;
  const particle = particleAt(text.slice(at, at + 8));
  if (!particle) return undefined;
  const context = text.slice(Math.max(0, e.start - 60), e.start);
  const oldHost = particleHost(context + text.slice(e.start, e.end) + gap);
  const newHost = particleHost(context + e.text + gap);
  if (newHost === oldHost) return undefined;
  if (!newHost) return 'unsure';
  const want = particleFor(newHost, particle.rule)!;
  return want === particle.form ? undefined : { start: at, end: at + particle.length, text: want };
}
