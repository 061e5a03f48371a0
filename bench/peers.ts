import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import { VFile } from 'vfile';
import { lint as markdownlintSync } from 'markdownlint/sync';
import { TextlintKernel } from '@textlint/kernel';
import textlintMarkdown from '@textlint/textlint-plugin-markdown';
import textlintPrh from 'textlint-rule-prh';
import defaultGlossary from '../server/src/engine/glossary/default-glossary.json';

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

/**
 * prh's dictionary for the same job as the built-in glossary's avoided renderings (term-variant):
 * each term's Korean is expected where one of its avoided forms is written. JSON strings are YAML.
 */
export const PRH_RULES = ['version: 1', 'rules:', ...(defaultGlossary.terms as { ko: string; avoid?: string[] }[])
  .filter(t => t.avoid?.length)
  .flatMap(t => [`  - expected: ${JSON.stringify(t.ko)}`, '    patterns:', ...t.avoid!.map(a => `      - ${JSON.stringify(prhPattern(a))}`)])].join('\n');

/**
 * A literal prh pattern. prh escapes "-" in its own patterns, which a Unicode regular expression
 * rejects: words with punctuation go in as a /regular expression/ escaped here instead.
 */
function prhPattern(word: string): string {
  return /[^\p{L}\p{N} ]/u.test(word) ? `/${word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/` : word;
}

const kernel = new TextlintKernel();
const textlintOptions = {
  ext: '.md', filePath: 'doc.md',
  plugins: [{ pluginId: 'markdown', plugin: textlintMarkdown }],
  rules: [{ ruleId: 'prh', rule: textlintPrh, options: { ruleContents: [PRH_RULES] } }],
};
/** textlint (kernel, markdown plugin) with textlint-rule-prh and the dictionary above. */
export async function textlintPrhCheck(text: string): Promise<number> {
  const r = await kernel.lintText(text, textlintOptions);
  return r.messages.length;
}
