import type { Finding, OffsetEdit } from './types';
import { checkText, type CheckOptions } from './check';
import { applyEdits } from './fixes';

/**
 * All safe fixes that do not overlap, in finding order: the "fix all" set (source.fixAll, the
 * CLI's --fix). Findings often share one fix (renumber, TOC rewrite); it is taken once.
 */
export function fixAllEdits(findings: Finding[]): OffsetEdit[] {
  const chosen: OffsetEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const fix = f.fixes.find(x => x.safe);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    // An insertion at the edge of a replaced span is fine; one strictly inside it is not.
    const overlaps = fix.edits.some(e => taken.some(t => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start > t.start && e.start < t.end) || (t.start === t.end && t.start > e.start && t.start < e.end)));
    if (overlaps) continue;
    seen.add(key);
    chosen.push(...fix.edits);
    taken.push(...fix.edits.map(e => ({ start: e.start, end: e.end })));
  }
  return chosen;
}

/**
 * Applies safe fixes, re-checking after each round, until none is left (or `maxRounds`):
 * a fix can make another one possible (a renumbered section lets the TOC rewrite settle).
 */
export function fixAllText(text: string, opts: CheckOptions, maxRounds = 8): { text: string; rounds: number } {
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const { findings } = checkText(current, { ...opts, root: undefined });
    const edits = fixAllEdits(findings);
    if (!edits.length) return { text: current, rounds: round };
    const next = applyEdits(current, edits).text;
    if (next === current) return { text: current, rounds: round };
    current = next;
  }
  return { text: current, rounds: maxRounds };
}
