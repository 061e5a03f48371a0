import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver, lintText, formatProblem, applyEdits, type LintOutcome, type Locale, type OffsetEdit } from '../../engine';
import { nodeFileReader } from '../../engine/node-files';
import { parseCommandArgs } from '../args';
import { cliLocale, t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, flagLocale, type CliIO } from '../io';
import { readSource, keepLineEndings, writeAtomic, type SourceText } from '../files';
import { unifiedDiff } from '../formatters/diff';

export interface LoadedDigest { abs: string; display: string; source: SourceText; outcome: LintOutcome; locale: Locale }

/** Reads one digest and checks it with the resolved configuration (--profile/--config as for lint). */
export function loadDigest(file: string, io: CliIO, opts: { profile?: string; config?: string; locale?: string }): LoadedDigest {
  const locale = flagLocale(opts.locale, io.env);
  const abs = path.resolve(io.cwd, file);
  let source: SourceText;
  try { source = readSource(abs); } catch (e) {
    throw new UsageError(t(locale, 'cannot-read', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const resolver = new ConfigResolver(nodeFileReader(fs));
  const outcome = lintText(source.text, abs, {
    resolver, locale,
    overrides: { profile: opts.profile, configFile: opts.config && path.resolve(io.cwd, opts.config), baseDir: io.cwd },
  });
  if (outcome.config.problems.length) {
    const lines = outcome.config.problems.flatMap(p => p.problems.map(x => formatProblem(slash(path.relative(io.cwd, p.file) || p.file), p.text, x)));
    throw new UsageError(lines.join('\n'));
  }
  return { abs, display: slash(file), source, outcome, locale };
}

/**
 * The shared shape of `toc` and `renumber`: compute edits for one file, then print (the
 * command's own way), show a diff (--diff), or rewrite the file atomically (--write).
 */
export function editCommand(argv: string[], io: CliIO, spec: {
  usage: string;
  edits: (d: LoadedDigest) => OffsetEdit[] | null;
  /** What to print without --write/--diff. */
  print: (d: LoadedDigest, fixedText: string) => string;
  /** Message name when there is nothing to edit (edits returned null). */
  nothing: string;
}): number {
  const { values, positionals } = parseCommandArgs(argv, {
    write: { type: 'boolean', short: 'w' },
    diff: { type: 'boolean' },
    profile: { type: 'string' },
    config: { type: 'string' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout(spec.usage); return EXIT_OK; }
  if (positionals.length !== 1) throw new UsageError(t(cliLocale(values.locale, io.env), 'one-file'), true);
  const d = loadDigest(positionals[0], io, values);
  const edits = spec.edits(d);
  if (!edits) {
    io.stderr(t(d.locale, spec.nothing, { file: d.display }) + '\n');
    return EXIT_FINDINGS;
  }
  const fixed = keepLineEndings(d.source.text, applyEdits(d.source.text, edits).text);
  if (values.diff) { io.stdout(unifiedDiff(d.display, d.source.text, fixed)); return EXIT_OK; }
  if (!values.write) { io.stdout(spec.print(d, fixed)); return EXIT_OK; }
  if (fixed === d.source.text) { io.stderr(t(d.locale, 'up-to-date', { file: d.display }) + '\n'); return EXIT_OK; }
  try { writeAtomic(d.abs, { text: fixed, bom: d.source.bom }); } catch (e) {
    throw new UsageError(t(d.locale, 'cannot-write', { file: d.display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  io.stderr(t(d.locale, 'written', { file: d.display }) + '\n');
  return EXIT_OK;
}
