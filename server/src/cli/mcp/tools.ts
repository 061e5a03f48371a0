/**
 * The assistant tools over files (what `paper-digest mcp` runs): check a digest, look up the
 * glossary, apply the safe fixes, rewrite the TOC. Every path is confined to the root the server
 * was started in (real paths compared, symlinks followed); only the fix and TOC tools write, and
 * only the Markdown file named, atomically, as the CLI's --fix does.
 */
import * as path from 'path';
import * as fs from 'fs';
import { ConfigResolver, lintText, resolveFile, applyEdits, message, DEFAULT_DIGEST_GLOBS, type Locale, type LintOutcome, type FileProblems } from '../../engine';
import { nodeFileReader } from '../../engine/node-files';
import { isDigestPath } from '../../engine/digest-files';
import { assistCheck, lookupTerms, glossaryEntries } from '../../engine/assistant';
import { fixAll } from '../../engine/fix-all';
import { tocListText, tocRewriteEdit } from '../../engine/toc';
import { inputProblems, validator } from '../../engine/json-file';
import { realPathOf } from '../../engine/safe-read';
import { readSource, writeAtomic, keepLineEndings, FileError } from '../files';
import { unifiedDiff } from '../formatters/diff';
import { ASSISTANT_TOOLS, toolInputSchema, type AssistantTool } from '../../../../shared/assistant-tools';

export interface ToolsOptions {
  /** The workspace root: every path is resolved against it and must stay inside it. */
  root: string;
  /** An untrusted workspace: configuration may not name profiles or glossaries outside their folder (docs/security.md). */
  untrusted?: boolean;
  /** The language of the tools' own messages. */
  locale?: Locale;
  /** The language of the findings, when asked for; otherwise each digest's profile's (as the CLI does). */
  findingsLocale?: Locale;
}

/** A tool's failure the model should read (bad input, a path outside the root): not a crash. */
export class ToolError extends Error {}

/** The MCP tools: the shared definitions without the editor's `uri`. */
export const MCP_TOOLS: AssistantTool[] = Object.values(ASSISTANT_TOOLS).map(t => ({ ...t, inputSchema: toolInputSchema(t, 'mcp') }));

const MAX_DIFF = 6000;
const MARKDOWN = /\.(md|markdown|mdx)$/i;

/** A file the client named: the path as named (what configuration and results go by, as the CLI's) and where it really is. */
interface Target { named: string; real: string }

export function createTools(opts: ToolsOptions) {
  // The root as given (a client builds absolute paths from it) and where it really is.
  const given = path.resolve(opts.root);
  const root = fs.realpathSync(given);
  const resolver = new ConfigResolver(nodeFileReader(fs));
  if (opts.untrusted) resolver.setConfined(true);
  const say = (id: string, data: Record<string, unknown> = {}) => message(opts.locale ?? 'en', id, data);
  const within = (base: string, p: string) => { const rel = path.relative(base, p); return !(rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)); };
  const outside = (p: string) => !within(root, p) && !within(given, p);
  const shown = (abs: string) => path.relative(within(given, abs) ? given : root, abs).split(path.sep).join('/') || '.';
  /** A glossary or configuration file as results show it: relative to the root when inside it, else as it is. */
  const place = (f: string) => (path.isAbsolute(f) && !outside(f) ? shown(f) : f);
  const problemLines = (list: FileProblems[]) => list.flatMap(p => p.problems.map(x => `${place(p.file)}: ${x.message}`));
  /** What applies at a file, or in a folder (what a digest directly in it would use). */
  const setupAt = (t: Target) => resolveFile(fs.existsSync(t.real) && fs.statSync(t.real).isDirectory() ? path.join(t.named, 'digest.md') : t.named, '', { resolver });

  /**
   * A path named by the client, inside the root. It is refused as written first (no file system
   * access for `../x`, or a UNC path on Windows, which would reach the network), then by where it
   * really is, so a symlink cannot lead out; a Markdown file by its real name (a `.md` link to
   * another file is not Markdown). Reads and writes use the real path and check it again.
   */
  function inside(p: string | undefined, kind: 'file' | 'any'): Target {
    const asked = p ?? '.';
    const named = path.resolve(given, asked);
    if (/^(\\\\|\/\/)/.test(asked) || outside(named)) throw new ToolError(say('assistant/outside-root', { path: asked, root: given }));
    const real = realPathOf(named);
    if (!within(root, real)) throw new ToolError(say('assistant/outside-root', { path: asked, root: given }));
    if (kind === 'file' && fs.existsSync(real) && fs.statSync(real).isDirectory()) throw new ToolError(say('assistant/is-folder', { path: asked }));
    if (kind === 'file' && !MARKDOWN.test(real)) throw new ToolError(say('assistant/not-markdown', { path: asked || '""' }));
    return { named, real };
  }
  /** The file must still be where it was found: a link swapped in meanwhile is refused, not followed. */
  function stillThere(t: Target): void {
    if (realPathOf(t.named) !== t.real || !within(root, t.real)) throw new ToolError(say('assistant/moved', { path: shown(t.named) }));
  }
  function read(t: Target) {
    let source: ReturnType<typeof readSource>;
    try { source = readSource(t.real); } catch (e) {
      throw new ToolError(say('assistant/cannot-read', { path: shown(t.named), reason: e instanceof FileError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    // Swapped between the check and the read: what was read may be another file; nothing of it is returned.
    stillThere(t);
    return source;
  }
  function lint(t: Target, text: string): LintOutcome {
    return lintText(text, t.named, {
      resolver, locale: opts.findingsLocale,
      onRuleError: (rule, err) => process.stderr.write(`paper-digest mcp: rule ${rule} failed on ${shown(t.named)}: ${(err as Error)?.stack ?? err}\n`),
    });
  }
  /** Only digests are rewritten (the CLI's rule: "files" globs, default globs, or front matter), as in the editor. */
  function refuseNonDigest(t: Target, text: string, outcome: LintOutcome): void {
    if (!isDigestPath(t.named, text, resolver, outcome.config, given, DEFAULT_DIGEST_GLOBS)) throw new ToolError(say('assistant/not-a-digest', { path: shown(t.named) }));
  }
  function refuseBrokenConfig(t: Target, outcome: LintOutcome, glossaries = true): void {
    const files = glossaries ? outcome.config.problems : outcome.config.problems.filter(p => !outcome.glossary.files.includes(p.file));
    const problems = problemLines(files);
    if (problems.length) throw new ToolError(say('assistant/config-problems', { path: shown(t.named), problems: problems.join('; ') }));
  }
  function write(t: Target, source: ReturnType<typeof readSource>, text: string): void {
    stillThere(t);
    try {
      writeAtomic(t.real, { ...source, text: keepLineEndings(source.text, text) }, { mustHaveRead: true });
    } catch (e) {
      throw new ToolError(say('assistant/cannot-write', { path: shown(t.named), reason: (e as Error).message }));
    }
  }
  const diff = (t: Target, before: string, after: string) => {
    const d = unifiedDiff(shown(t.named), before, after);
    return d.length > MAX_DIFF ? d.slice(0, MAX_DIFF) + '\n… (diff shortened)\n' : d;
  };

  const run = {
    check_digest(input: { path?: string; text?: string; maxFindings?: number }) {
      const t = inside(input.path, 'file');
      const text = input.text ?? read(t).text;
      const outcome = lint(t, text);
      // Checked all the same (a draft may not be a digest yet), but said: a clean README is not a clean digest.
      const isDigest = isDigestPath(t.named, text, resolver, outcome.config, given, DEFAULT_DIGEST_GLOBS);
      return { ...assistCheck(outcome, shown(t.named), input.maxFindings ?? 30, place), isDigest, ...(isDigest ? {} : { note: say('assistant/checked-not-digest') }) };
    },

    lookup_term(input: { term: string; path?: string }) {
      const t = inside(input.path, 'any');
      if (!fs.existsSync(t.real)) throw new ToolError(say('assistant/no-such-path', { path: shown(t.named) }));
      const setup = setupAt(t);
      const terms = lookupTerms(setup.glossary.glossary, input.term).map(x => ({ ...x, glossary: place(x.glossary) }));
      // A broken team glossary means these answers may be the built-in ones only: the model is told.
      const problems = problemLines(setup.problems);
      return {
        term: input.term, terms, glossaries: setup.glossary.files.map(place),
        ...(terms.length ? {} : { note: say('assistant/term-not-found', { term: input.term }) }),
        ...(problems.length ? { problems } : {}),
      };
    },

    fix_digest(input: { path?: string; dryRun?: boolean }) {
      const t = inside(input.path, 'file');
      const source = read(t);
      const first = lint(t, source.text);
      refuseBrokenConfig(t, first);
      refuseNonDigest(t, source.text, first);
      const r = fixAll(source.text, x => lint(t, x), o => o.result.findings, first);
      const changed = r.text !== source.text;
      if (changed && !input.dryRun) write(t, source, r.text);
      return {
        file: shown(t.named), fixed: r.fixed, written: changed && !input.dryRun,
        ...(input.dryRun && changed ? { diff: diff(t, source.text, r.text) } : {}),
        remaining: assistCheck(r.outcome, shown(t.named), 30, place),
      };
    },

    update_toc(input: { path?: string; dryRun?: boolean }) {
      const t = inside(input.path, 'file');
      const source = read(t);
      const outcome = lint(t, source.text);
      // The table of contents does not depend on the glossary: only the configuration's problems stop it.
      refuseBrokenConfig(t, outcome, false);
      refuseNonDigest(t, source.text, outcome);
      const edit = tocRewriteEdit(outcome.result.digest);
      if (!edit) throw new ToolError(say('assistant/no-toc', { path: shown(t.named) }));
      const next = applyEdits(source.text, [edit]).text;
      const changed = next !== source.text;
      if (changed && !input.dryRun) write(t, source, next);
      return { file: shown(t.named), changed, written: changed && !input.dryRun, toc: tocListText(edit).trimEnd() };
    },
  };

  /** Validates the input against the tool's schema and runs it; a ToolError for anything the caller got wrong. */
  function call(name: string, input: unknown): unknown {
    const tool = MCP_TOOLS.find(t => t.mcpName === name);
    if (!tool) throw new ToolError(say('assistant/unknown-tool', { name }));
    const validate = validator(tool.inputSchema);
    if (!validate(input ?? {})) {
      const problems = inputProblems(validate.errors);
      throw new ToolError(say('assistant/bad-input', { problems }));
    }
    return (run as Record<string, (i: unknown) => unknown>)[name](input ?? {});
  }

  /** The effective glossary of a folder (the MCP resource). */
  function glossaryOf(folder: string | undefined) {
    const t = inside(folder, 'any');
    const setup = setupAt(t);
    return { folder: shown(t.named), glossaries: setup.glossary.files.map(place), terms: glossaryEntries(setup.glossary.glossary).map(x => ({ ...x, glossary: place(x.glossary) })) };
  }

  return { call, glossaryOf, root: given };
}
