import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import { VFile } from 'vfile';
import { lint as markdownlintSync } from 'markdownlint/sync';

/** The peers, on the same text; each returns its number of findings. */

/** markdownlint, default rules, synchronous API (its own micromark inside). */
export function markdownlint(text: string): number {
  const r = markdownlintSync({ strings: { doc: text } }) as unknown as Record<string, unknown[]>;
  return r.doc.length;
}

const remarkLint = unified().use(remarkParse).use(remarkPresetLintRecommended);
/** remark-lint with remark-preset-lint-recommended: parse + run the lint plugins. */
export function remarkLintRecommended(text: string): number {
  const file = new VFile({ path: 'doc.md', value: text });
  remarkLint.runSync(remarkLint.parse(file), file);
  return file.messages.length;
}
