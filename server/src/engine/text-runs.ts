import type { Root, Nodes, PhrasingContent } from 'mdast';
import { startOf, endOf } from './parse';
import type { Span } from './types';

/**
 * Inline content flattened to plain text with an offset map back to the source, so the term
 * matcher sees `**확산 트랜스포머**(Diffusion Transformers)` as one string and every finding
 * still points at the right source characters.
 *
 * One run per paragraph, heading and table cell (list items and block quotes contribute their
 * paragraphs). Code, inline code, HTML, math, images, URLs and link destinations never appear
 * as text: each becomes one OPAQUE character, which no term or pair can cross.
 */
export const OPAQUE = '\uFFFC';

export interface TextRun {
  text: string;
  /**
   * Source offset of each character of `text`, from `base`; `offsets[text.length]` is the run's end.
   * Relative, so that a run moved by an edit before it is a copy with another base (see movedRun).
   */
  offsets: number[];
  /** Source end of each character (from `base`), only where a character stands for several (NFD Hangul composed). */
  ends?: number[];
  /** The source offset the offsets count from. */
  base: number;
  kind: 'heading' | 'body';
  /** Span of the block (paragraph, heading, cell) the run comes from. */
  block: Span;
  /** Run-text ranges of link texts (a parenthesis holding only a link is not a term pair), with their destinations. */
  links: { start: number; end: number; url: string }[];
}

/** Source offset where the run character at `i` starts. */
export function srcStart(run: TextRun, i: number): number {
  return run.base + run.offsets[Math.min(i, run.text.length)];
}

/** Source offset just after the run character at `i - 1` (the end of a run span ending at `i`). */
export function srcEnd(run: TextRun, i: number): number {
  return run.base + (i <= 0 ? run.offsets[0] : run.ends ? run.ends[i - 1] : run.offsets[i - 1] + 1);
}

export function runSpan(run: TextRun, start: number, end: number): Span {
  return { start: srcStart(run, start), end: Math.max(srcStart(run, start), srcEnd(run, end)) };
}

const SKIP_BLOCKS = new Set(['code', 'html', 'yaml', 'math', 'thematicBreak', 'definition', 'toml']);

/** The text runs of a document, in source order. `exclude` spans (e.g. the TOC) are left out. */
export function textRuns(root: Root, source: string, exclude: Span[] = []): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of root.children) nodeRuns(node, source, exclude, runs);
  return runs;
}

/** The text runs of one node (a top-level block), appended to `runs` in source order. */
export function nodeRuns(top: Nodes, source: string, exclude: Span[], runs: TextRun[] = []): TextRun[] {
  const stack: Nodes[] = [top];
  while (stack.length) {
    const node = stack.pop()!;
    if (SKIP_BLOCKS.has(node.type)) continue;
    const s = startOf(node);
    if (exclude.some(x => s >= x.start && s < x.end)) continue;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const run: TextRun = { text: '', offsets: [], base: 0, kind: node.type === 'heading' ? 'heading' : 'body', block: { start: s, end: endOf(node) }, links: [] };
      flatten(node.children as PhrasingContent[], source, run);
      run.offsets.push(node.children.length ? endOf(node.children[node.children.length - 1]) : endOf(node));
      maskInline(run);
      composeHangul(run);
      if (run.text.trim()) runs.push(relative(run, s));
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return runs;
}

/** The run moved by `by` characters in the source (its text, offsets and link ranges are unchanged). */
export function movedRun(run: TextRun, by: number): TextRun {
  return { ...run, base: run.base + by, block: { start: run.block.start + by, end: run.block.end + by } };
}

/** The run's offsets made relative to `base` (they are built as source offsets). */
function relative(run: TextRun, base: number): TextRun {
  const o = run.offsets;
  for (let i = 0; i < o.length; i++) o[i] -= base;
  if (run.ends) for (let i = 0; i < run.ends.length; i++) run.ends[i] -= base;
  run.base = base;
  return run;
}

function push(run: TextRun, ch: string, offset: number) {
  run.text += ch;
  run.offsets.push(offset);
}

function flatten(children: PhrasingContent[], source: string, run: TextRun): void {
  for (const c of children) {
    switch (c.type) {
      case 'text': align(c.value, source, startOf(c), endOf(c), run); break;
      case 'emphasis': case 'strong': case 'delete': case 'linkReference':
        flatten(c.children, source, run); break;
      case 'link': {
        // An autolink or a bare URL shows its destination as its text: that is a URL, not prose.
        const t = c.children.length === 1 && c.children[0].type === 'text' ? c.children[0].value : '';
        if (t && (t === c.url || c.url.endsWith(t) || /^(https?:|www\.|mailto:)/i.test(t))) push(run, OPAQUE, startOf(c));
        else {
          const from = run.text.length;
          flatten(c.children, source, run);
          run.links.push({ start: from, end: run.text.length, url: c.url });
        }
        break;
      }
      case 'break': push(run, '\n', startOf(c)); break;
      default: push(run, OPAQUE, startOf(c)); // inlineCode, html, image, footnoteReference, inlineMath
    }
  }
}

/**
 * Maps each character of a text node's value to its source offset. The value differs from the
 * source by backslash escapes (`\(` is "("), character references, and line prefixes of
 * containers (`> `, list indentation) after a line break.
 */
function align(value: string, source: string, start: number, end: number, run: TextRun): void {
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (source[j] === c) { push(run, c, j++); continue; }
    if (source[j] === '\\' && source[j + 1] === c) { push(run, c, j + 1); j += 2; continue; }
    if (source[j] === '&') {
      const m = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(j, j + 40));
      if (m) {
        push(run, c, j);
        // A reference decoding to a surrogate pair yields two value characters.
        if (i + 1 < value.length && /[\uD800-\uDBFF]/.test(c)) push(run, value[++i], j);
        j += m[0].length;
        continue;
      }
    }
    let k = j;
    while (k < end && source[k] !== c && k - j < 200) k++;
    if (k < end && source[k] === c) { push(run, c, k); j = k + 1; } else push(run, c, Math.min(j, end));
  }
}

/**
 * Text that is not prose becomes opaque (same length, offsets unchanged): `$$…$$` display math
 * (the parser here has no math syntax, so it arrives as a paragraph), inline `$math$`, LaTeX
 * environments, URLs, a GitHub admonition marker (`> [!TIP]`) and MDX `import`/`export` lines.
 */
function maskInline(run: TextRun): void {
  if (!/[$:\\[]|^(?:import|export)\s/m.test(run.text)) return;
  run.text = run.text
    .replace(/^(?:import|export)\s[^\n]*(?:\sfrom\s+['"][^'"\n]*['"]|[=;{])[^\n]*$/gm, m => OPAQUE.repeat(m.length))
    .replace(/^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i, m => OPAQUE.repeat(m.length))
    .replace(/\$\$[\s\S]{0,8000}?\$\$/g, m => OPAQUE.repeat(m.length))
    .replace(/\$[^$\n]+\$/g, m => OPAQUE.repeat(m.length))
    .replace(/\b(?:https?|ftp):\/\/[^\s()<>]+/g, m => OPAQUE.repeat(m.length));
  if (run.text.includes('\\begin{')) run.text = maskEnvironments(run.text);
}

/**
 * `\begin{aligned} … \end{aligned}` becomes opaque. One scan: the next `\end{name}` is looked up once
 * per name and reused, so many unclosed `\begin{…}` cost no more than one pass.
 */
function maskEnvironments(t: string): string {
  const nextEnd = new Map<string, number>();
  let out = '', last = 0;
  for (const m of t.matchAll(/\\begin\{([a-z*]+)\}/g)) {
    const at = m.index!;
    if (at < last) continue;
    const tag = `\\end{${m[1]}}`;
    let end = nextEnd.get(tag);
    if (end === undefined || (end >= 0 && end < at)) { end = t.indexOf(tag, at); nextEnd.set(tag, end); }
    if (end < 0) continue;
    const stop = end + tag.length;
    out += t.slice(last, at) + OPAQUE.repeat(stop - at);
    last = stop;
  }
  return last ? out + t.slice(last) : t;
}

/**
 * Hangul pasted from macOS is often NFD: 한 is ᄒ + ᅡ + ᆫ, and no glossary term matches it. The
 * jamo of each syllable become the one NFC syllable, mapped to the source span of its jamo.
 */
function composeHangul(run: TextRun): void {
  if (!/[\u1100-\u1112]/.test(run.text)) return;
  const t = run.text, o = run.offsets;
  let text = '';
  const offsets: number[] = [], ends: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const l = t.charCodeAt(i) - 0x1100, v = t.charCodeAt(i + 1) - 0x1161;
    if (l >= 0 && l < 19 && v >= 0 && v < 21) {
      const tc = t.charCodeAt(i + 2) - 0x11a7;
      const tail = tc > 0 && tc < 28 ? tc : 0;
      const last = i + (tail ? 2 : 1);
      text += t.slice(i, last + 1).normalize('NFC');
      offsets.push(o[i]); ends.push(o[last] + 1);
      i = last;
      continue;
    }
    text += t[i]; offsets.push(o[i]); ends.push(o[i] + 1);
  }
  offsets.push(o[t.length]);
  // Link ranges are run-text positions: map them onto the composed text.
  const at = (i: number) => { let lo = 0, hi = offsets.length - 1; while (lo < hi) { const m = (lo + hi) >> 1; if (offsets[m] < o[i]) lo = m + 1; else hi = m; } return lo; };
  for (const l of run.links) { l.start = at(l.start); l.end = l.end >= t.length ? text.length : at(l.end); }
  run.text = text; run.offsets = offsets; run.ends = ends;
}
