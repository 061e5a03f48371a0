import type { OffsetEdit } from './types';

/**
 * Applies non-overlapping edits to text. Edits at the same offset keep the order given, so
 * several insertions at one place (blocks inserted in profile order) come out in that order.
 * Overlapping edits are dropped (the later one loses) rather than corrupting text.
 */
export function applyEdits(text: string, edits: OffsetEdit[]): { text: string; applied: OffsetEdit[]; skipped: OffsetEdit[] } {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const applied: OffsetEdit[] = [], skipped: OffsetEdit[] = [];
  let out = '', pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) { skipped.push(e); continue; }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    applied.push(e);
  }
  return { text: out + text.slice(pos), applied, skipped };
}
