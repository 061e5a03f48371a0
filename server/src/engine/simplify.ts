import type { Span } from './types';

/**
 * A pre-scan that keeps micromark away from its pathological inputs. Deeply nested
 * lists/blockquotes cost micromark time quadratic in the depth (20,000 `- ` on one line: minutes)
 * and overflow the stack of every recursive tree walk; deeply nested emphasis and link brackets
 * are quadratic too (4,000 nested `**`: ~30 s). Real digests nest at most a handful of levels.
 *
 * Markers beyond the limits are replaced, in a copy of the text, by look-alike characters of the
 * same UTF-16 length, so every offset the parser reports still indexes the original text and the
 * replaced markers read as plain text. The caller reports the simplified lines to the author.
 */
export const LIMITS = {
  /** List and blockquote markers opening on one line, plus one level per 4 columns of indentation. */
  containerDepth: 32,
  /** Emphasis/strikethrough delimiter runs and `[` brackets open at once within a paragraph. */
  inlineDepth: 16,
  /** Delimiter runs and `]` that close nothing, per paragraph. */
  unmatchedClosers: 64,
  /**
   * Delimiter runs and brackets per paragraph: micromark splices the paragraph's whole event list
   * for each emphasis or link it resolves, quadratic in a huge paragraph (5 MB with bold: minutes).
   */
  inlineMarks: 2048,
  /**
   * A paragraph longer than this (UTF-16 units or lines) is parsed without GFM's bare-URL
   * autolinks, which cost time superlinear in the paragraph (5 MB on one line: 31 s against 4 s).
   */
  paragraphChars: 65536,
  paragraphLines: 1000,
};

export interface Simplification {
  /** The text to parse: same length as the original; equal to it when nothing was simplified. */
  text: string;
  /** One span per simplified line (the line's content), in order. */
  lines: Span[];
  kinds: SimplificationKind[];
  /** The first simplified line for each kind. */
  first: Partial<Record<SimplificationKind, Span>>;
  /** Parse without bare-URL autolinks (a paragraph exceeded LIMITS.paragraphChars or paragraphLines). */
  noAutolinks: boolean;
  /** The text ends inside a fenced code block (what follows it would be scanned as code). */
  endsInFence?: boolean;
}

export type SimplificationKind = 'nesting' | 'inline' | 'long-paragraph';

/** Same-length stand-ins: they keep the look of the marker but carry no Markdown meaning. */
const STAND_IN: Record<string, string> = {
  '>': '\u203a', '-': '\u2010', '+': '\uff0b', '*': '\u2217', '.': '\u2024', ')': '\uff09',
  '_': '\uff3f', '~': '\u223c', '[': '\uff3b', ']': '\uff3d',
};

const isSpace = (c: number) => c === 32 || c === 9;
const isWhite = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
const isWordChar = (c: number) => !Number.isNaN(c) && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
const isDigit = (c: number) => c >= 48 && c <= 57;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;

/**
 * The guard's scan of the whole text behind each parsed tree (parseMarkdown's, or the incremental
 * parser's stitched tree), so the document-simplified rule reads it instead of scanning again.
 */
const guards = new WeakMap<object, Omit<Simplification, 'text'>>();
/** Kept without the simplified copy of the text (the rule reads only where and what was simplified). */
export function rememberGuard(root: object, s: Simplification): void { guards.set(root, { lines: s.lines, kinds: s.kinds, first: s.first, noAutolinks: s.noAutolinks }); }
export function guardOf(root: object): Omit<Simplification, 'text'> | undefined { return guards.get(root); }

export function simplifyForParsing(text: string): Simplification {
  let chars: string[] | null = null;
  const lines: Span[] = [];
  const kinds = new Set<SimplificationKind>();
  const first: Simplification['first'] = {};
  let paraStart = -1, paraLines = 0, longPara: Span | null = null;
  const replace = (i: number) => { (chars ??= text.split(''))[i] = STAND_IN[text[i]] ?? text[i]; };

  // An unclosed front matter fence (`---` on the first line, no closing `---`) makes
  // micromark-extension-frontmatter's failed attempt leave the parser unable to start ordered
  // lists for the rest of the document. `***` is the same thematic break without the attempt.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (/^---[ \t]*(?:\r\n?|\n)/.test(text.slice(bom, bom + 64)) && !/(?:\r\n?|\n)---[ \t]*(?:\r\n?|\n|$)/.test(text.slice(bom + 3))) {
    for (let k = bom; k < bom + 3; k++) (chars ??= text.split(''))[k] = '*';
  }

  let fence: string | null = null;
  // Per paragraph: open emphasis runs (their marker), open `[`, closers that found no opener.
  const delims: number[] = [];
  let brackets = 0, unmatched = 0, marks = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = end < text.length ? (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1) : text.length + 1;
    let changed = false;
    const mark = (k: SimplificationKind) => {
      changed = true;
      if (!kinds.has(k)) { kinds.add(k); first[k] = { start: pos, end }; }
    };

    // Container markers at the start of the line.
    let i = pos, depth = 0, cols = 0, listItem = false;
    const thematic = end - pos < 4096 && THEMATIC_BREAK.test(text.slice(pos, end));
    while (i < end && !thematic) {
      while (i < end && isSpace(text.charCodeAt(i))) { cols += text.charCodeAt(i) === 9 ? 4 : 1; i++; }
      const c = text.charCodeAt(i);
      let markerEnd = -1;
      if (c === 62 /* > */) markerEnd = i + 1;
      else if ((c === 45 || c === 42 || c === 43) && (i + 1 === end || isSpace(text.charCodeAt(i + 1)))) markerEnd = i + 1;
      else if (isDigit(c)) {
        let j = i;
        while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && (j + 1 === end || isSpace(text.charCodeAt(j + 1)))) markerEnd = j + 1;
      }
      if (markerEnd < 0) break;
      depth++;
      if (c !== 62) listItem = true;
      if (depth + Math.floor(cols / 4) > LIMITS.containerDepth) { replace(markerEnd - 1); mark('nesting'); }
      i = markerEnd;
    }
    const content = i;

    // Fenced code: no inline scan inside (container prefixes were handled above).
    const f = FENCE.exec(text.slice(content, Math.min(end, content + 64)).replace(/^[ \t]{0,3}/, ''));
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
    } else if (f) {
      fence = f[1];
    } else if (content >= end || /^[ \t]*$/.test(text.slice(content, Math.min(end, content + 256))) && end - content < 256) {
      delims.length = 0; brackets = 0; unmatched = 0; marks = 0; // a blank line ends the paragraph
      paraStart = -1;
    } else {
      // A list item or a heading starts new inline content (a blockquote line may continue a paragraph).
      // (A bare `#` is a heading too: the slice runs past the line end, so the line break counts as its end.)
      if (listItem || /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/.test(text.slice(content, content + 8))) { delims.length = 0; brackets = 0; unmatched = 0; marks = 0; paraStart = -1; }
      if (paraStart < 0) { paraStart = pos; paraLines = 0; }
      if (++paraLines > LIMITS.paragraphLines || end - paraStart > LIMITS.paragraphChars) longPara ??= { start: paraStart, end };
      for (let k = content; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 92 /* \ */) { k++; continue; }
        if (c === 42 || c === 95 || c === 126) { // * _ ~ : one delimiter run
          let r = k;
          while (r + 1 < end && text.charCodeAt(r + 1) === c) r++;
          const before = k > pos ? text.charCodeAt(k - 1) : NaN, after = r + 1 < end ? text.charCodeAt(r + 1) : NaN;
          const run = k;
          k = r;
          if (c === 95 && isWordChar(before) && isWordChar(after)) continue; // snake_case: never emphasis
          const canClose = !isWhite(before), canOpen = !isWhite(after);
          if (canClose && delims.length && delims[delims.length - 1] === c) { delims.pop(); continue; }
          // A closer without an opener makes micromark search the whole paragraph back: budget them.
          const overBudget = ++marks > LIMITS.inlineMarks || canClose && ++unmatched > LIMITS.unmatchedClosers || canOpen && delims.length >= LIMITS.inlineDepth;
          if (overBudget) { for (let x = run; x <= r; x++) replace(x); mark('inline'); } else if (canOpen) delims.push(c);
        } else if (c === 91 /* [ */) {
          if (++marks > LIMITS.inlineMarks || brackets >= LIMITS.inlineDepth) { replace(k); mark('inline'); } else brackets++;
        } else if (c === 93 /* ] */) {
          if (++marks > LIMITS.inlineMarks || brackets === 0 && ++unmatched > LIMITS.unmatchedClosers) { replace(k); mark('inline'); } else if (brackets > 0) brackets--;
        }
      }
    }
    if (changed) lines.push({ start: pos, end });
    pos = next;
  }
  if (longPara) {
    kinds.add('long-paragraph');
    first['long-paragraph'] = longPara;
    const at = lines.findIndex(l => l.start >= longPara!.start);
    if (!lines.some(l => l.start === longPara!.start)) lines.splice(at < 0 ? lines.length : at, 0, longPara);
  }
  const out = chars as string[] | null;
  return { text: out ? out.join('') : text, lines, kinds: [...kinds], first, noAutolinks: !!longPara, endsInFence: fence !== null };
}
