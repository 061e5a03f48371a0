import { columns, graphemes, printable } from '../columns';
import type { LineIndex, Span } from '../../engine';
import { lineBoundsAt } from '../../engine/text';

/** Widest excerpt, in terminal columns (a Hangul syllable takes two). */
const MAX_COLUMNS = 72;

/**
 * The source line of a finding with its span underlined, measured in terminal columns with
 * string-width (Hangul and emoji take two, combining marks none), cut around the span with "…"
 * when the line is long. Two lines: `  28 | text` and `     | ^^^^`.
 */
export function excerpt(index: LineIndex, span: Span, paint: (s: string) => string = s => s): string[] {
  const start = index.positionAt(span.start);
  const { start: lineStart, end: lineEnd } = lineBoundsAt(index.text, span.start);
  const line = printable(index.text.slice(lineStart, lineEnd));
  if (!line.trim()) return [];
  const from = span.start - lineStart, to = Math.max(from + 1, Math.min(span.end, lineEnd) - lineStart);
  // Graphemes with their offsets and widths.
  const parts: { at: number; end: number; seg: string; width: number }[] = [];
  for (const s of graphemes(line)) parts.push({ at: s.index, end: s.index + s.segment.length, seg: s.segment, width: columns(s.segment) });
  const inSpan = (p: { at: number; end: number }) => p.end > from && p.at < to;
  let first = parts.findIndex(inSpan), last = parts.length - 1 - [...parts].reverse().findIndex(inSpan);
  if (first < 0) { first = parts.length; last = parts.length - 1; }
  // Widen the window around the span, left and right in turn, until it is full.
  let a = first, b = Math.max(first, last), width = parts.slice(a, b + 1).reduce((n, p) => n + p.width, 0);
  const spanTooWide = width > MAX_COLUMNS;
  if (spanTooWide) { while (b > a && width > MAX_COLUMNS) width -= parts[b--].width; }
  for (let grew = true; grew && !spanTooWide;) {
    grew = false;
    if (a > 0 && width + parts[a - 1].width <= MAX_COLUMNS) { width += parts[--a].width; grew = true; }
    if (b < parts.length - 1 && width + parts[b + 1].width <= MAX_COLUMNS) { width += parts[++b].width; grew = true; }
  }
  const shown = parts.slice(a, b + 1);
  const lead = a > 0 ? '…' : '', tail = b < parts.length - 1 ? '…' : '';
  const before = shown.filter(p => p.end <= from).reduce((n, p) => n + p.width, 0);
  const under = shown.filter(inSpan).reduce((n, p) => n + p.width, 0);
  const num = String(start.line + 1);
  const gutter = ' '.repeat(num.length);
  return [
    `  ${num} | ${lead}${shown.map(p => p.seg).join('')}${tail}`,
    `  ${gutter} | ${' '.repeat(columns(lead) + before)}${paint('^'.repeat(Math.max(1, under)))}`,
  ];
}
