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

/** Passes of "apply every safe fix, check again" before giving up (fixes may unlock others). */
export const MAX_FIX_PASSES = 10;

export interface FixLoopResult<O> { text: string; outcome: O; passes: number; fixed: number }

/**
 * The one fix-all loop (the CLI's --fix and --fix-dry-run, the engine's fixAllText the tests use;
 * the editor's source.fixAll is one pass of fixAllEdits, re-run on the next save): apply every safe, non-overlapping fix, check again, and repeat until no
 * safe fix changes the text (at most `maxPasses`). A fix can make another one possible (a
 * renumbered section lets the TOC rewrite settle). `outcome` is the check of the final text.
 */
export function fixAll<O>(text: string, check: (text: string) => O, findingsOf: (o: O) => Finding[], first?: O, maxPasses = MAX_FIX_PASSES): FixLoopResult<O> {
  let outcome = first ?? check(text);
  let passes = 0, fixed = 0;
  while (passes < maxPasses) {
    const findings = findingsOf(outcome);
    const edits = fixAllEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    passes++;
    // A finding counts as fixed when its first safe fix went in whole.
    const chosen = new Set(edits);
    fixed += findings.filter(f => f.fixes.find(x => x.safe)?.edits.every(e => chosen.has(e))).length;
    text = next;
    outcome = check(text);
  }
  return { text, outcome, passes, fixed };
}

/** fixAll over checkText with these options: the fixed text and how many passes it took. */
export function fixAllText(text: string, opts: CheckOptions, maxPasses = MAX_FIX_PASSES): { text: string; rounds: number } {
  const r = fixAll(text, t => checkText(t, { ...opts, root: undefined }), o => o.findings, undefined, maxPasses);
  return { text: r.text, rounds: r.passes };
}
