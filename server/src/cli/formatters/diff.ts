import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file (git style `a/` and `b/` names, 3 lines of context), as
 * `--fix-dry-run` and `toc`/`renumber` without `--write` print it; empty when nothing changes.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "Index:"/"====" preamble so the output reads like `git diff`.
  return patch.replace(/^(Index: .*\n)?=+\n/, '');
}
