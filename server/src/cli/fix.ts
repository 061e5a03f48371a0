import { applyEdits, type LintOutcome } from '../engine';
import { fixAllEdits } from '../engine/fix-all';

/** Passes of "apply every safe fix, check again" before giving up (fixes may unlock others). */
export const MAX_FIX_PASSES = 10;

export interface FixResult { text: string; outcome: LintOutcome; passes: number; fixed: number }

/**
 * Applies all safe, non-overlapping fixes, re-checks, and repeats until no safe fix changes
 * the text (bounded). `outcome` is the check of the final text: what remains.
 */
export function fixAll(text: string, lint: (text: string) => LintOutcome, first?: LintOutcome): FixResult {
  let outcome = first ?? lint(text);
  let passes = 0, fixed = 0;
  while (passes < MAX_FIX_PASSES) {
    const findings = outcome.result.findings;
    const edits = fixAllEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    passes++;
    // A finding counts as fixed when its first safe fix went in whole.
    const chosen = new Set(edits);
    fixed += findings.filter(f => f.fixes.find(x => x.safe)?.edits.every(e => chosen.has(e))).length;
    text = next;
    outcome = lint(text);
  }
  return { text, outcome, passes, fixed };
}
