import { safeReadFile, readErrorMessage } from '../../engine/safe-read';
import { message } from '../../engine';
import * as path from 'path';
import { formatProblem } from '../../engine';
import { builtinLayer, compileGlossary, loadGlossaryText, specProblems } from '../../engine/glossary';
import { parseCommandArgs } from '../args';
import { cliLocale, t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, type CliIO } from '../io';

export const GLOSSARY_USAGE = `Usage: paper-digest glossary check FILE...

Validates glossary files against schemas/glossary.schema.json (and one entry per English term),
then runs each file's self-test "specs" against the built-in glossary with the file stacked on top.
Problems are printed as file:line:col: message. Exit 0: all valid; 1: problems; 2: usage error.

Options:
  --locale ko|en      message language (default: PAPER_DIGEST_LOCALE, then LANG)
  -h, --help          show this help
`;

export function glossaryCommand(argv: string[], io: CliIO): number {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') { io.stdout(GLOSSARY_USAGE); return EXIT_OK; }
  const { values, positionals } = parseCommandArgs(rest, { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const locale = cliLocale(values.locale, io.env);
  if (values.help) { io.stdout(GLOSSARY_USAGE); return EXIT_OK; }
  if (sub !== 'check') throw new UsageError(t(locale, 'glossary-usage'), true);
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
