import * as path from 'path';
import { formatProblem } from '../../engine';
import { builtinLayer, compileGlossary, loadGlossaryText, type GlossaryLayer } from '../../engine/glossary';
import { exportGlossary, EXPORT_FORMATS, type ExportFormat } from '../../engine/glossary/exchange';
import { parseCommandArgs } from '../args';
import { readSource } from '../files';
import { t, slash, UsageError, EXIT_OK, flagLocale, type CliIO } from '../io';
import { writeOutput } from './glossary-import';

export function glossaryExportCommand(argv: string[], io: CliIO, usage: string): number {
  const { values, positionals } = parseCommandArgs(argv, {
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'no-builtin': { type: 'boolean' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, io.env);
  if (values.help) { io.stdout(usage); return EXIT_OK; }
  const locale = flagLocale(values.locale, io.env);
  const formats = EXPORT_FORMATS.join(', ');
  if (values.to === undefined) throw new UsageError(t(locale, 'glossary-export-needs-to', { formats }), true);
  if (!EXPORT_FORMATS.includes(values.to as ExportFormat)) throw new UsageError(t(locale, 'unknown-format', { format: values.to, formats }));
  const format = values.to as ExportFormat;
  if (values['no-builtin'] && !positionals.length) throw new UsageError(t(locale, 'glossary-export-no-glossary'));

  // Stacked as the checker stacks them: the built-in glossary, then each file; a later entry replaces an earlier one.
  const layers: GlossaryLayer[] = values['no-builtin'] ? [] : [builtinLayer().layer];
  let invalid: { file: string; count: number } | undefined;
  for (const file of positionals) {
    const display = slash(file);
    const abs = path.resolve(io.cwd, file);
    let text: string;
    try { text = readSource(abs).text; } catch (e) {
      throw new UsageError(t(locale, 'cannot-read', { file: display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    const loaded = loadGlossaryText(text, abs);
    if (loaded.layer) { layers.push(loaded.layer); continue; }
    for (const p of loaded.problems) io.stderr(formatProblem(display, text, p) + '\n');
    invalid ??= { file: display, count: loaded.problems.length };
  }
  if (invalid) throw new UsageError(t(locale, 'glossary-export-invalid', invalid));

  const g = compileGlossary(layers);
  const result = exportGlossary(g.entries, [...g.known], format);
  for (const l of result.left) io.stderr(t(locale, 'glossary-export-left-out', { term: l.term, chars: l.chars, format }) + '\n');
  if (values.out !== undefined) {
    writeOutput(path.resolve(io.cwd, values.out), result.text, slash(values.out), locale);
    io.stderr(t(locale, 'glossary-export-written', { file: slash(values.out), count: result.count, format }) + '\n');
  } else {
    io.stdout(result.text);
  }
  return EXIT_OK;
}
