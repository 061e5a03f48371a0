/**
 * The assistant tools over files (what `paper-digest mcp` runs): check a digest, look up the
 * glossary, apply the safe fixes, rewrite the TOC. Every path is confined to the root the server
 * was started in (real paths compared, symlinks followed); only the fix and TOC tools write, and
 * only the Markdown file named, atomically, as the CLI's --fix does.
 */
import * as path from 'path';
import * as fs from 'fs';
import { ConfigResolver, nodeFileReader, lintText, resolveFile, applyEdits, message, DEFAULT_DIGEST_GLOBS, type Locale, type LintOutcome } from '../../engine';
import { isDigestPath } from '../../engine/digest-files';
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
  /** A glossary or configuration file as results show it: relative to the root when inside it, else as it is. */
  const place = (f: string) => (path.isAbsolute(f) && !outside(f) ? shown(f) : f);

  const outside = (p: string) => { const rel = path.relative(root, p); return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel); };

  /**
   * The real path of a path named by the client, inside the root. It is refused as written first
   * (no file system access for `../x` or a UNC path on Windows, which would reach the network),
   * then by where it really is, so a symlink cannot lead out; a Markdown file by its real name (a
   * `.md` link to another file is not Markdown). Reads and writes then use this real path only.
   */
  function inside(p: string | undefined, kind: 'file' | 'any'): string {
    const named = p ?? '.';
    if (/^(\\\\|\/\/)/.test(named) || outside(path.resolve(root, named))) throw new ToolError(say('assistant/outside-root', { path: named, root }));
    const real = realPathOf(path.resolve(root, named));
    if (outside(real)) throw new ToolError(say('assistant/outside-root', { path: named, root }));
    if (kind === 'file' && !MARKDOWN.test(real)) throw new ToolError(say('assistant/not-markdown', { path: named }));
    return real;
  }
  function read(abs: string) {
    try { return readSource(abs); } catch (e) {
      throw new ToolError(say('assistant/cannot-read', { path: shown(abs), reason: e instanceof FileError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
  function lint(abs: string, text: string): LintOutcome {
    return lintText(text, abs, {
      resolver, locale: opts.findingsLocale,
      onRuleError: (rule, err) => process.stderr.write(`paper-digest mcp: rule ${rule} failed on ${shown(abs)}: ${(err as Error)?.stack ?? err}\n`),
    });
  }
  /** Only digests are rewritten (the CLI's rule: "files" globs, default globs, or front matter), as in the editor. */
  function refuseNonDigest(abs: string, text: string, outcome: LintOutcome): void {
    if (!isDigestPath(abs, text, resolver, outcome.config, root, DEFAULT_DIGEST_GLOBS)) throw new ToolError(say('assistant/not-a-digest', { path: shown(abs) }));
  }
  function refuseBrokenConfig(abs: string, outcome: LintOutcome): void {
    const problems = outcome.config.problems.flatMap(p => p.problems.map(x => `${place(p.file)}: ${x.message}`));
    if (problems.length) throw new ToolError(say('assistant/config-problems', { path: shown(abs), problems: problems.join('; ') }));
  }
  function write(abs: string, source: ReturnType<typeof readSource>, text: string): void {
    try {
      // The file must still be where it was read: a symlink swapped meanwhile is refused, not followed.
      if (realPathOf(abs) !== abs || outside(abs)) throw new Error(say('assistant/moved', { path: shown(abs) }));
      writeAtomic(abs, { ...source, text: keepLineEndings(source.text, text) }, { mustHaveRead: true });
    } catch (e) {
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
      return assistCheck(lint(abs, text), shown(abs), input.maxFindings ?? 30, place);
    },

    lookup_term(input: { term: string; path?: string }) {
      const abs = inside(input.path, 'any');
      // A folder's glossary is what a digest directly in it would use.
      const probe = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? path.join(abs, 'digest.md') : abs;
      const setup = resolveFile(probe, '', { resolver });
      return { term: input.term, terms: lookupTerms(setup.glossary.glossary, input.term).map(t => ({ ...t, glossary: place(t.glossary) })), glossaries: setup.glossary.files.map(place) };
    },

    fix_digest(input: { path?: string; dryRun?: boolean }) {
      const abs = inside(input.path, 'file');
      const source = read(abs);
      const first = lint(abs, source.text);
      refuseBrokenConfig(abs, first);
      refuseNonDigest(abs, source.text, first);
      const r = fixAll(source.text, t => lint(abs, t), o => o.result.findings, first);
      const changed = r.text !== source.text;
      if (changed && !input.dryRun) write(abs, source, r.text);
      return {
        file: shown(abs), fixed: r.fixed, written: changed && !input.dryRun,
        ...(input.dryRun && changed ? { diff: diff(abs, source.text, r.text) } : {}),
        remaining: assistCheck(r.outcome, shown(abs), 30, place),
      };
    },

    update_toc(input: { path?: string; dryRun?: boolean }) {
      const abs = inside(input.path, 'file');
      const source = read(abs);
      const outcome = lint(abs, source.text);
      refuseBrokenConfig(abs, outcome);
      refuseNonDigest(abs, source.text, outcome);
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
    return { folder: shown(abs), glossaries: setup.glossary.files.map(place), terms: glossaryEntries(setup.glossary.glossary).map(t => ({ ...t, glossary: place(t.glossary) })) };
  }

  return { call, glossaryOf, root, invalidate: (file: string) => resolver.invalidate(file) };
}
