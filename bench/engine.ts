import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { ConfigResolver, forgetCaches, lintText, parseMarkdown, ruleLevel, rules, type LintOutcome } from '../server/src/engine';
import type { FileReader } from '../server/src/engine/config';
import { IncrementalParser } from '../server/src/engine/incremental/parser';
import { PartMemo } from '../server/src/engine/part-memo';

/** The engine as the server and the CLI run it, with the built-in defaults (no configuration files). */
const noFiles: FileReader = { readFile: () => undefined, stamp: () => undefined };
const resolver = new ConfigResolver(noFiles);
export const FILE = '/bench/digests/doc.digest.md';

const bare = unified().use(remarkParse);
/** The baseline: bare remark-parse, no extensions. */
export function bareParse(text: string): void {
  bare.parse(text);
}

/** The engine's parser on the whole text at once (remark-parse + gfm + frontmatter + cjk-friendly). */
export function wholeParse(text: string): void {
  parseMarkdown(text);
}

/** A full check of a document seen for the first time: chunked parse, digest, every enabled rule. */
export function fullCheck(text: string, parser = new IncrementalParser(), memo?: PartMemo): LintOutcome {
  return lintText(text, FILE, { resolver, root: parser.parse(text), memo });
}

/** A full check through one whole-text parse (the CLI's path: lintText without a tree). */
export function wholeCheck(text: string): LintOutcome {
  return lintText(text, FILE, { resolver });
}

/** The rules that run by default, as the engine resolves them for the built-in profile. */
export function enabledRules(): string[] {
  const config = resolver.resolve(FILE);
  return rules.filter(r => ruleLevel(r, { profile: config.profile, rules: config.rules }).level !== 'off').map(r => r.id);
}

export { IncrementalParser, PartMemo, forgetCaches };
