/**
 * cjk-emphasis — bold or italic that plain CommonMark (GitHub, VS Code's preview,
 * markdown-it) leaves as literal asterisks, though the CJK-friendly parser used here reads it
 * as the author meant.
 *
 * Why: in `**표현 오토인코더(RAE)**가` the closing `**` follows punctuation and precedes a
 * letter, so it is not right-flanking and cannot close; the published page shows the stars.
 * The check applies CommonMark's flanking rules (Unicode punctuation = \p{P}|\p{S},
 * whitespace = \s, start and end of text count as whitespace) to the node's delimiter runs in
 * the source, for the opening and the closing run.
 *
 * ok:
 *   **표현 오토인코더(RAE)** 가 …     **표현 오토인코더(RAE)가** …     **DITING**을 …
 * not ok:
 *   **표현 오토인코더(RAE)**가 …   ← "가" right after the closing "**" keeps CommonMark from rendering it as bold
 *
 * Fixes: move the particle inside the emphasis (safe: the same characters, bold now renders);
 * or write the emphasis as <strong>…</strong> / <em>…</em> (chosen by hand).
 */
import type { Emphasis, Nodes, Strong } from 'mdast';
import { headingGroups } from './parts';
import type { Rule, RuleContext } from './rule';
import { endOf, startOf } from '../parse';

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/** The code point ending just before `i`, or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}
function charAt(text: string, i: number): string {
  if (i >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(i)!);
}
const isSpace = (c: string) => c === '' || SPACE.test(c);
const isPunct = (c: string) => c !== '' && PUNCT.test(c);

/** CommonMark flanking for a delimiter run [start, end) of `*` or `_`. */
export function flanking(text: string, start: number, end: number): { left: boolean; right: boolean; before: string; after: string } {
  const before = charBefore(text, start), after = charAt(text, end);
  const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
  const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
  return { left, right, before, after };
}

/** The maximal run of `ch` around offset `at` (excluding backslash-escaped characters at its left edge). */
function runAround(text: string, at: number, ch: string): { start: number; end: number } {
  let s = at, e = at;
  while (s > 0 && text[s - 1] === ch && text[s - 2] !== '\\') s--;
  while (e < text.length && text[e] === ch) e++;
  return { start: s, end: e };
}

export function canOpen(text: string, run: { start: number; end: number }, ch: string): boolean {
  const f = flanking(text, run.start, run.end);
  return ch === '*' ? f.left : f.left && (!f.right || isPunct(f.before));
}
export function canClose(text: string, run: { start: number; end: number }, ch: string): boolean {
  const f = flanking(text, run.start, run.end);
  return ch === '*' ? f.right : f.right && (!f.left || isPunct(f.after));
}

/** Letters and digits right after `at` up to a space or punctuation: the particle ("가", "이라는"). */
function wordAfter(text: string, at: number): number {
  let e = at;
  while (e < text.length) {
    const c = charAt(text, e);
    if (isSpace(c) || isPunct(c)) break;
    e += c.length;
  }
  return e;
}
function wordBefore(text: string, at: number): number {
  let s = at;
  while (s > 0) {
    const c = charBefore(text, s);
    if (isSpace(c) || isPunct(c)) break;
    s -= c.length;
  }
  return s;
}

/** The by-hand fix that writes the emphasis as HTML, which renders everywhere. */
function htmlTags(tag: string, open: { start: number; end: number }, close: { start: number; end: number }) {
  return { messageId: 'fix-html', data: { tag }, safe: false, edits: [{ ...open, text: `<${tag}>` }, { ...close, text: `</${tag}>` }] };
}

function checkNode(ctx: RuleContext, node: Strong | Emphasis): void {
  const text = ctx.text;
  const s = startOf(node), e = endOf(node);
  const width = node.type === 'strong' ? 2 : 1;
  const ch = text[s];
  if ((ch !== '*' && ch !== '_') || text[e - 1] !== ch || e - s < 2 * width + 1) return;
  const open = { start: s, end: s + width }, close = { start: e - width, end: e };
  const openRun = runAround(text, s, ch), closeRun = runAround(text, e - 1, ch);
  const delim = text.slice(s, s + width);
  const tag = node.type === 'strong' ? 'strong' : 'em';
  const kind = node.type === 'strong' ? 'bold' : 'italic';
  const kind_ko = node.type === 'strong' ? '굵은 글씨' : '기울임 글씨';
  const htmlFix = htmlTags(tag, open, close);
  if (!canClose(text, closeRun, ch)) {
    const after = charAt(text, closeRun.end);
    const wordEnd = wordAfter(text, closeRun.end);
    // Moving the following word inside makes the closing run follow a letter: right-flanking again.
    const movable = closeRun.end === close.end && wordEnd > closeRun.end && !isSpace(charBefore(text, close.start));
    const word = text.slice(close.end, wordEnd);
    ctx.report({
      span: { start: s, end: Math.max(e, wordEnd) },
      messageId: 'closing',
      data: { kind, kind_ko, delim, after: word || after || '␤', word },
      fixes: [
        ...(movable ? [{ messageId: 'fix-move-after', data: { word }, edits: [{ start: close.start, end: wordEnd, text: word + delim }] }] : []),
        htmlFix,
      ],
    });
    return;
  }
  if (!canOpen(text, openRun, ch)) {
    const before = charBefore(text, openRun.start);
    const wordStart = wordBefore(text, openRun.start);
    const movable = openRun.start === open.start && wordStart < open.start && !isSpace(charAt(text, open.end));
    const word = text.slice(wordStart, open.start);
    ctx.report({
      span: { start: Math.min(s, wordStart), end: e },
      messageId: 'opening',
      data: { kind, kind_ko, delim, before: word || before || '␤', word },
      // Moving the word before into the emphasis changes what is emphasised, so only by hand.
      fixes: [
        ...(movable ? [{ messageId: 'fix-move-before', data: { word }, safe: false, edits: [{ start: wordStart, end: open.end, text: delim + word }] }] : []),
        htmlFix,
      ],
    });
  }
}

/**
 * Bold that no parser read, so it is still plain text with its markers: spaces inside the markers
 * (`** Limitations: **`), or underscore bold glued to a particle (`__굵게(bold)__를`, which the
 * CJK-friendly parser does not read either). Left alone: identifiers (`__init__`), and `**` between
 * words or digits or around text without letters, which is arithmetic (`x ** 2 + y ** 2`).
 */
const UNPARSED = /(?<![*_\\])(\*\*|__)([ \t]*)([^\s*_](?:[^*_\n]*?[^\s*_])?)([ \t]*)\1(?![*_])/g;

/** Flanking of the runs at `s` and `e - 2` if `whole` stood at [s, e): judged on a few characters around, not a copy of the text. */
function rendersAt(text: string, s: number, e: number, whole: string, ch: string): boolean {
  const before = text.slice(Math.max(0, s - 2), s), after = text.slice(e, e + 2);
  const w = before + whole + after, o = before.length;
  return canOpen(w, { start: o, end: o + 2 }, ch) && canClose(w, { start: o + whole.length - 2, end: o + whole.length }, ch);
}

function checkUnparsed(ctx: RuleContext, start: number, end: number): void {
  const text = ctx.text;
  const src = text.slice(start, end);
  if (!src.includes('**') && !src.includes('__')) return;
  for (const m of src.matchAll(UNPARSED)) {
    const [whole, delim, lead, inner, trail] = m;
    const s = start + m.index!, e = s + whole.length;
    const ch = delim[0];
    if (ch === '_' && /^[A-Za-z0-9_]+$/.test(inner)) continue;
    const kind = 'bold', kind_ko = '굵은 글씨';
    const htmlFix = htmlTags('strong', { start: s, end: s + 2 }, { start: e - 2, end: e });
    if (lead || trail) {
      const outside = /[\p{L}\p{N}]/u;
      if (!/\p{L}/u.test(inner) || /[+\-*/=^<>]/.test(inner) || outside.test(charBefore(text, s)) || outside.test(charAt(text, e))) continue;
      const trimmed = delim + inner + delim;
      ctx.report({
        span: { start: s, end: e },
        messageId: 'inner-space',
        data: { kind, kind_ko, delim },
        fixes: [{ messageId: 'fix-trim', safe: rendersAt(text, s, e, trimmed, ch), edits: [{ start: s, end: e, text: trimmed }] }, htmlFix],
      });
      continue;
    }
    if (ch !== '_' || canClose(text, { start: e - 2, end: e }, ch)) continue;
    const wordEnd = wordAfter(text, e);
    if (wordEnd === e) continue;
    const word = text.slice(e, wordEnd);
    const moved = delim + inner + word + delim;
    ctx.report({
      span: { start: s, end: wordEnd },
      messageId: 'closing',
      data: { kind, kind_ko, delim, after: word, word },
      // Safe only when the moved form renders: after a letter (이것은__굵게__를) the opening cannot open either.
      fixes: [{ messageId: 'fix-move-after', data: { word }, safe: rendersAt(text, s, wordEnd, moved, ch), edits: [{ start: e - 2, end: wordEnd, text: word + delim }] }, htmlFix],
    });
  }
}

export const cjkEmphasis: Rule = {
  id: 'cjk-emphasis',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Bold and italic render under plain CommonMark (no particle glued to a closing delimiter after punctuation).', ko: '굵게·기울임이 일반 CommonMark에서도 보이도록 씁니다 (문장 부호 뒤 닫는 기호에 조사를 바로 붙이지 않기).' },
  check(ctx) {
    // The blocks from one heading to the next are one part (see RuleContext.part), with the line
    // breaks around them: the delimiter checks look at the characters just outside an emphasis.
    const root = ctx.digest.root.children;
    for (const g of headingGroups(root, ctx.text.length)) {
      ctx.part(g.span, () => {
        const stack: Nodes[] = root.slice(g.from, g.to).reverse();
        while (stack.length) {
          const n = stack.pop()!;
          if (n.type === 'strong' || n.type === 'emphasis') checkNode(ctx, n);
          if (n.type === 'text') checkUnparsed(ctx, startOf(n), endOf(n));
          if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
        }
      });
    }
  },
};
