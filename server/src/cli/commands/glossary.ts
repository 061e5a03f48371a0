import { safeReadFile, readErrorMessage } from '../../engine/safe-read';
import { message } from '../../engine';
import * as path from 'path';
import { formatProblem } from '../../engine';
import { builtinLayer, compileGlossary, loadGlossaryText, specProblems } from '../../engine/glossary';
import { parseCommandArgs } from '../args';
import { cliLocale, t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, type CliIO } from '../io';
import { glossaryImportCommand } from './glossary-import';
import { glossaryExportCommand } from './glossary-export';

export const GLOSSARY_USAGE = `Usage: paper-digest glossary check FILE...
       paper-digest glossary import TABLE [--out OUT.json] [--format markdown|csv|tsv]
       paper-digest glossary export [GLOSSARY.json...] --to FORMAT [--out FILE] [--no-builtin]

check: validates glossary files against schemas/glossary.schema.json (and one entry per English term),
then runs each file's self-test "specs" against the built-in glossary with the file stacked on top.
Problems are printed as file:line:col: message. Exit 0: all valid; 1: problems; 2: usage error.

import: reads a term table (Markdown tables with 영문/English and 한글/Korean columns, CSV or TSV
with a header row) and writes a glossary (stdout unless --out). Rows that keep the English,
duplicates and conflicts are reported on stderr as file:line:col. A term given two different
renderings is left out. Exit 0: imported; 1: conflicts (or an unclosed quote); 2: usage error or no table.
  --out FILE, -o FILE   write the glossary to FILE (default: stdout)
  --format F            markdown, csv or tsv (default: from the file name, then its content)
  --schema REF          the "$schema" to write (default: the schema file relative to the output,
                        when it is in the same project; else none)
  --no-schema           write no "$schema"
  --no-merge            write the table's rows as they are; by default a term the built-in glossary has keeps
                        its avoided spellings, variants and first-use rule (the table's Korean still wins)

export: writes the terms and abbreviations of the built-in glossary with the given glossary files
stacked on top as another tool's word list (stdout unless --out). Exit 0: written; 2: usage error.
  --to FORMAT           cspell (cspell.json), vale (accept.txt), ltex (dictionary file),
                        harper (dictionary file), hanspell (.hanspell-ignore), tsv (for import)
  --out FILE, -o FILE   write to FILE (default: stdout)
  --no-builtin          only the given glossary files, without the built-in glossary

Options:
  --locale ko|en      message language (default: PAPER_DIGEST_LOCALE, then LANG)
  -h, --help          show this help

Formats and decisions: docs/glossary-exchange.md
`;

export function glossaryCommand(argv: string[], io: CliIO): number {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') { io.stdout(GLOSSARY_USAGE); return EXIT_OK; }
  if (sub === 'import') return glossaryImportCommand(rest, io, GLOSSARY_USAGE);
  if (sub === 'export') return glossaryExportCommand(rest, io, GLOSSARY_USAGE);
  const { values, positionals } = parseCommandArgs(rest, { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const locale = cliLocale(values.locale, io.env);
  if (values.help) { io.stdout(GLOSSARY_USAGE); return EXIT_OK; }
  if (sub !== 'check') throw new UsageError(t(locale, 'glossary-subcommands'), true);
  if (!positionals.length) throw new UsageError(t(locale, 'no-files'));
  let failed = false;
  for (const file of positionals) {
    const abs = path.resolve(io.cwd, file);
    const display = slash(file);
    // Regular files only, at most 8 MiB, UTF-8 (safe-read.ts): never a device or FIFO.
    const r = safeReadFile(abs);
    if ('error' in r) {
      const m = readErrorMessage({ ...r, file });
      throw new UsageError(t(locale, 'cannot-read', { file, reason: r.code && r.error !== 'not-regular' ? r.code : message(locale, m.id, m.data) }));
    }
    const text = r.text;
    const loaded = loadGlossaryText(text, abs);
    // Specs run against the glossary as it would be used: the built-in one with this file on top.
    const problems = loaded.layer ? specProblems(compileGlossary([builtinLayer().layer, loaded.layer]), loaded.layer) : loaded.problems;
    for (const p of problems) io.stdout(formatProblem(display, text, p) + '\n');
    if (problems.length) {
      failed = true;
      io.stderr(t(locale, 'glossary-failed', { file: display, count: problems.length }) + '\n');
    } else {
      io.stdout(t(locale, 'glossary-ok', { file: display, terms: loaded.layer!.data.terms.length, specs: loaded.layer!.data.specs?.length ?? 0 }) + '\n');
    }
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
