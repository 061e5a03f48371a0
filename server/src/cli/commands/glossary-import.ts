import * as fs from 'fs';
import * as path from 'path';
import { builtinLayer, loadGlossaryText } from '../../engine/glossary';
import { importTermTable, guessFormat, glossaryText, mergeWithBuiltin, IMPORT_FORMATS, type ImportFormat } from '../../engine/glossary/exchange';
import { realPathOf } from '../../engine/safe-read';
import { parseCommandArgs } from '../args';
import { readSource, writeAtomic, FileError } from '../files';
import { t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, flagLocale, type CliIO } from '../io';
import type { Locale } from '../../engine';

/**
 * The glossary schema of this installation: schemas/ beside dist/ in the package, or at the
 * repository root when run from the sources.
 */
function schemaFile(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const f = path.join(dir, 'schemas', 'glossary.schema.json');
    if (fs.existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The nearest folder at or above `dir` with a package.json or .git: the project a file belongs to. */
function projectRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) || fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * `$schema` for a glossary written in `dir`: the schema file relative to it, as the built-in
 * default-glossary.json has it, when that file lies in the same project (this repository, or
 * node_modules/paper-digest of the project). Otherwise none: a path out of the project (a global
 * install) would not hold on another machine, and editors still validate `*.glossary.json` and
 * `.paper-digest/glossary.json` by name.
 */
export function schemaRefFrom(dir: string): string | undefined {
  const file = schemaFile();
  const root = projectRoot(dir);
  if (!file || !root) return undefined;
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return slash(path.relative(dir, file));
}

/**
 * Writes an output file: an existing one through writeAtomic (never a device or a read-only
 * file), a new one through a temporary file renamed into place, so no reader sees half a file.
 */
export function writeOutput(abs: string, text: string, display: string, locale: Locale): void {
  try {
    if (fs.existsSync(abs)) { writeAtomic(abs, { text, bom: false }); return; }
    const dir = path.dirname(abs);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.paper-digest.tmp`);
    try {
      const fd = fs.openSync(tmp, 'wx', 0o666);
      try { fs.writeFileSync(fd, text, 'utf8'); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
      fs.renameSync(tmp, abs);
    } catch (e) {
      try { fs.unlinkSync(tmp); } catch { /* never made */ }
      throw e;
    }
  } catch (e) {
    const reason = e instanceof FileError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(t(locale, 'cannot-write', { file: display, reason }));
  }
}

export function glossaryImportCommand(argv: string[], io: CliIO, usage: string): number {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    schema: { type: 'string' },
    'no-schema': { type: 'boolean' },
    'no-merge': { type: 'boolean' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, io.env);
  if (values.help) { io.stdout(usage); return EXIT_OK; }
  const locale = flagLocale(values.locale, io.env);
  if (positionals.length !== 1) throw new UsageError(t(locale, 'one-file'), true);
  if (values.format !== undefined && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
    throw new UsageError(t(locale, 'unknown-format', { format: values.format, formats: IMPORT_FORMATS.join(', ') }));
  }
  const file = positionals[0];
  const display = slash(file);
  const abs = path.resolve(io.cwd, file);
  let source;
  try { source = readSource(abs); } catch (e) {
    throw new UsageError(t(locale, 'cannot-read', { file: display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  // A spreadsheet's CSV in the legacy Korean code page (CP949) reads as U+FFFD: say so rather than import mojibake.
  if (source.validUtf8 === false) throw new UsageError(t(locale, 'glossary-import-not-utf8', { file: display }));
  const format = (values.format as ImportFormat | undefined) ?? guessFormat(file, source.text);
  const out = values.out;
  const outAbs = out !== undefined ? path.resolve(io.cwd, out) : undefined;
  if (outAbs && fs.existsSync(outAbs) && realPathOf(outAbs) === realPathOf(abs)) throw new UsageError(t(locale, 'glossary-import-same-file', { file: slash(out!) }));

  const result = importTermTable(source.text, format);
  for (const n of result.notes) io.stderr(`${display}:${n.line}:${n.column}: ${t(locale, `glossary-import-${n.kind}`, n.data)}\n`);
  if (!result.tables) throw new UsageError(t(locale, 'glossary-import-no-table', { file: display, format }));
  // An unclosed quote swallowed the rows after it into one cell: nothing is written from such a file.
  if (result.notes.some(n => n.kind === 'unclosed-quote')) { io.stderr(t(locale, 'glossary-import-not-written', { file: display }) + '\n'); return EXIT_FINDINGS; }
  if (!values['no-merge']) {
    const m = mergeWithBuiltin(result.terms, builtinLayer().layer.data.terms);
    result.terms = m.terms;
    if (m.merged.length) io.stderr(t(locale, 'glossary-import-merged', { file: display, count: m.merged.length, same: m.merged.filter(x => x.sameKorean).length }) + '\n');
  }

  const schema = values['no-schema'] ? undefined : values.schema ?? schemaRefFrom(outAbs ? path.dirname(outAbs) : io.cwd);
  const text = glossaryText(result.terms, schema);
  // What is written is what `glossary check` and the checker accept: the same loader validates it.
  const check = loadGlossaryText(text, outAbs ?? '<stdout>');
  if (check.problems.length) throw new Error(`glossary import produced an invalid glossary: ${check.problems.map(p => p.message).join('; ')}`);
  if (outAbs) {
    writeOutput(outAbs, text, slash(out!), locale);
    io.stderr(t(locale, 'glossary-import-written', { file: slash(out!), count: result.terms.length }) + '\n');
  } else {
    io.stdout(text);
  }
  io.stderr(t(locale, 'glossary-import-summary', {
    file: display, terms: result.terms.length, rows: result.rows,
    skipped: result.counts.skipped, duplicates: result.counts.duplicates, conflicts: result.counts.conflicts,
  }) + '\n');
  return result.notes.some(n => n.problem) ? EXIT_FINDINGS : EXIT_OK;
}
