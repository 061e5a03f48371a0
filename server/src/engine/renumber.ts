import type { Digest, HeadingInfo } from './digest';
import type { OffsetEdit } from './types';

/**
 * Whether a number in a sequence is where the author evidently meant it: right after the
 * previous number, or at its position. So one gap or duplicate is one finding, not a cascade.
 */
export function expectedInSequence(actual: number, previous: number | null, index: number): { ok: boolean; expected: number } {
  const afterPrevious = previous === null ? 1 : previous + 1;
  return { ok: actual === afterPrevious || actual === index + 1, expected: afterPrevious };
}

function numberEdit(h: HeadingInfo, wanted: string): OffsetEdit | null {
  if (h.number) {
    const precise = h.numberSpan.start !== h.contentSpan.start || h.numberSpan.end !== h.contentSpan.end;
    if (!precise) return null;
    // A number of another depth (3.2.2 where a section's 3. belongs) is not rewritten: that would delete its sub-numbering.
    const parts = (n: string) => n.split('.').filter(Boolean).length;
    if (parts(h.numberText) !== parts(wanted)) return null;
    return `${h.numberText}${h.trailingDot ? '.' : ''}` === wanted ? null : { start: h.numberSpan.start, end: h.numberSpan.end, text: wanted };
  }
  return { start: h.contentSpan.start, end: h.contentSpan.start, text: wanted + ' ' };
}

/** Edits that renumber sections 1..n and papers N.1..N.m in document order. */
const renumbered = new WeakMap<Digest, OffsetEdit[]>();

/** The edits that renumber every section and paper: once per digest (every numbering finding offers the same fix). */
export function renumberEdits(digest: Digest): OffsetEdit[] {
  let done = renumbered.get(digest);
  if (!done) renumbered.set(digest, (done = computeRenumberEdits(digest)));
  return done;
}

function computeRenumberEdits(digest: Digest): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  digest.sections.forEach((s, i) => {
    const e = numberEdit(s.heading, `${i + 1}.`);
    if (e) edits.push(e);
    s.papers.forEach((p, j) => {
      const pe = p.heading && numberEdit(p.heading, `${i + 1}.${j + 1}.`);
      if (pe) edits.push(pe);
    });
  });
  return edits;
}
