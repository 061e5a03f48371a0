/**
 * The assistant tools over files (what `paper-digest mcp` runs): check a digest, look up the
 * glossary, apply the safe fixes, rewrite the TOC. Every path is confined to the root the server
 * was started in (real paths compared, symlinks followed); only the fix and TOC tools write, and
 * only the Markdown file named, atomically, as the CLI's --fix does.
 */
import * as path from 'path';
import * as fs from 'fs';
import { ConfigResolver, nodeFileReader, lintText, resolveFile, applyEdits, message, type Locale, type LintOutcome } from '../../engine';
import { assistCheck, lookupTerms, glossaryEntries } from '../../engine/assistant';
import { fixAll } from '../../engine/fix-all';
import { tocRewriteEdit } from '../../engine/toc';
import { validator } from '../../engine/json-file';
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

export function createTools(opts: ToolsOptions) {
  const root = fs.realpathSync(opts.root);
  const resolver = new ConfigResolver(nodeFileReader(fs));
  if (opts.untrusted) resolver.setConfined(true);
  const say = (id: string, data: Record<string, unknown> = {}) => message(opts.locale ?? 'en', id, data);
  const shown = (abs: string) => path.relative(root, abs).split(path.sep).join('/') || '.';

  /** A path inside the root (its real path, so a symlink cannot lead out). */
  function inside(p: string | undefined, kind: 'file' | 'any'): string {
    const abs = path.resolve(root, p ?? '.');
    const real = realPathOf(abs);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new ToolError(say('assistant/outside-root', { path: p, root }));
    if (kind === 'file' && !MARKDOWN.test(abs)) throw new ToolError(say('assistant/not-markdown', { path: p }));
    return abs;
  }
  function read(abs: string) {
    try { return readSource(abs); } catch (e) {
      throw new ToolError(say('assistant/cannot-read', { path: shown(abs), reason: e instanceof FileError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
  function lint(abs: string, text: string): LintOutcome {
    return lintText(text, abs, { resolver, locale: opts.findingsLocale });
  }
  function refuseBrokenConfig(abs: string, outcome: LintOutcome): void {
    const problems = outcome.config.problems.flatMap(p => p.problems.map(x => `${shown(p.file)}: ${x.message}`));
    if (problems.length) throw new ToolError(say('assistant/config-problems', { path: shown(abs), problems: problems.join('; ') }));
  }
  function write(abs: string, source: ReturnType<typeof readSource>, text: string): void {
    try { writeAtomic(abs, { ...source, text: keepLineEndings(source.text, text) }); } catch (e) {
      throw new ToolError(say('assistant/cannot-write', { path: shown(abs), reason: (e as Error).message }));
    }
  }
  const diff = (abs: string, before: string, after: string) => {
    const d = unifiedDiff(shown(abs), before, after);
    return d.length > MAX_DIFF ? d.slice(0, MAX_DIFF) + '\n… (diff shortened)\n' : d;
  };

  const run = {
    check_digest(input: { path?: string; text?: string; maxFindings?: number }) {
      const abs = inside(input.path, 'file');
      const text = input.text ?? read(abs).text;
      return assistCheck(lint(abs, text), shown(abs), input.maxFindings ?? 30);
    },

    lookup_term(input: { term: string; path?: string }) {
      const abs = inside(input.path, 'any');
      // A folder's glossary is what a digest directly in it would use.
      const probe = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? path.join(abs, 'digest.md') : abs;
      const setup = resolveFile(probe, '', { resolver });
      return { term: input.term, terms: lookupTerms(setup.glossary.glossary, input.term), glossaries: setup.glossary.files.map(f => (path.isAbsolute(f) ? shown(f) : f)) };
    },

    fix_digest(input: { path?: string; dryRun?: boolean }) {
      const abs = inside(input.path, 'file');
      const source = read(abs);
      const first = lint(abs, source.text);
      refuseBrokenConfig(abs, first);
      const r = fixAll(source.text, t => lint(abs, t), o => o.result.findings, first);
      const changed = r.text !== source.text;
      if (changed && !input.dryRun) write(abs, source, r.text);
      return {
        file: shown(abs), fixed: r.fixed, written: changed && !input.dryRun,
        ...(input.dryRun && changed ? { diff: diff(abs, source.text, r.text) } : {}),
        remaining: assistCheck(r.outcome, shown(abs)),
      };
    },

    update_toc(input: { path?: string; dryRun?: boolean }) {
      const abs = inside(input.path, 'file');
      const source = read(abs);
      const outcome = lint(abs, source.text);
      refuseBrokenConfig(abs, outcome);
      const edit = tocRewriteEdit(outcome.result.digest);
      if (!edit) throw new ToolError(say('assistant/no-toc', { path: shown(abs) }));
      const next = applyEdits(source.text, [edit]).text;
      const changed = next !== source.text;
      if (changed && !input.dryRun) write(abs, source, next);
      return { file: shown(abs), changed, written: changed && !input.dryRun, toc: edit.text.replace(/^\r?\n/, '').replace(/\r\n/g, '\n').trimEnd() };
    },
  };

  /** Validates the input against the tool's schema and runs it; a ToolError for anything the caller got wrong. */
  function call(name: string, input: unknown): unknown {
    const tool = MCP_TOOLS.find(t => t.mcpName === name);
    if (!tool) throw new ToolError(say('assistant/unknown-tool', { name }));
    const validate = validator(tool.inputSchema);
    if (!validate(input ?? {})) {
      const problems = (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`).join('; ');
      throw new ToolError(say('assistant/bad-input', { problems }));
    }
    return (run as Record<string, (i: unknown) => unknown>)[name](input ?? {});
  }

  /** The effective glossary of a folder (the MCP resource). */
  function glossaryOf(folder: string | undefined) {
    const abs = inside(folder, 'any');
    const setup = resolveFile(path.join(abs, 'digest.md'), '', { resolver });
    return { folder: shown(abs), glossaries: setup.glossary.files.map(f => (path.isAbsolute(f) ? shown(f) : f)), terms: glossaryEntries(setup.glossary.glossary) };
  }

  return { call, glossaryOf, root, invalidate: (file: string) => resolver.invalidate(file) };
}
