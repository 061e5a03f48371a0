import * as fs from 'fs';
import * as path from 'path';
import {
  ConfigResolver, formatProblem, glossaryResolverFor, resolveFile, LineIndex, type FileProblems,
} from '../../engine';
import { nodeFileReader } from '../../engine/node-files';
import { parseCommandArgs } from '../args';
import { t, slash, UsageError, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, flagLocale, type CliIO } from '../io';
import { collectTargets, isDigestTarget } from '../targets';
import { readSource } from '../files';
import { createProgress } from '../progress';
import { TermTable, textTermUses, lineLocator } from '../../engine/terms/aggregate';
import { formatTermsJson, formatTermsStylish } from '../formatters/terms';

export const TERMS_USAGE = `Usage: paper-digest terms [options] [PATH...]

Across all digests given (files, folders, globs; default: the current folder), lists each
English term rendered in more than one Korean way, and each Korean term given more than one
English original, with counts and locations.

Options:
  --format stylish|json        output format (default: stylish)
  --suggest-glossary OUT       also write a glossary draft (every pair found; most frequent rendering first) to OUT
  --fail-on-inconsistency      exit 1 when any term has more than one rendering
  --all-markdown               count every Markdown file found, not only digests
  --digests-only               filter named files like folder contents
  --profile ID|PATH, --config PATH, --glossary PATH, --locale ko|en   as for lint
  --progress                   show progress on stderr even when it is not a terminal
  -h, --help                   show this help
`;

export function termsCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', default: 'stylish' },
    'suggest-glossary': { type: 'string' },
    'fail-on-inconsistency': { type: 'boolean' },
    'all-markdown': { type: 'boolean' },
    'digests-only': { type: 'boolean' },
    profile: { type: 'string' },
    config: { type: 'string' },
    glossary: { type: 'string', multiple: true },
    locale: { type: 'string' },
    progress: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout(TERMS_USAGE); return EXIT_OK; }
  const locale = flagLocale(values.locale, io.env);
  if (!['stylish', 'json'].includes(values.format!)) throw new UsageError(t(locale, 'unknown-format', { format: values.format, formats: 'stylish, json' }));

  const targets = collectTargets(positionals.length ? positionals : ['.'], { cwd: io.cwd, locale, applyIgnoresToFiles: values['digests-only'] });
  const resolver = new ConfigResolver(nodeFileReader(fs));
  const glossaries = glossaryResolverFor(resolver);
  const overrides = {
    profile: values.profile, configFile: values.config && path.resolve(io.cwd, values.config), baseDir: io.cwd,
    ...(values.glossary?.length ? { glossaries: values.glossary } : {}),
  };
  const table = new TermTable();
  const problems = new Map<string, FileProblems>();
  const progress = createProgress(io, targets.length, !!values.progress);
  for (const target of targets) {
    progress.tick(target.display);
    let text: string;
    try { text = readSource(target.abs).text; } catch (e) {
      progress.done();
      throw new UsageError(t(locale, 'cannot-read', { file: target.display, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    const setup = resolveFile(target.abs, text, { resolver, overrides, glossaries });
    for (const p of setup.problems) problems.set(`${p.file}\0${p.problems.map(x => x.message).join()}`, p);
    if (setup.problems.length) continue;
    if ((!target.explicit || values['digests-only']) && !values['all-markdown'] && !isDigestTarget(target, text, resolver, setup.config, io.cwd)) continue;
    const uses = textTermUses(text, setup.profile, setup.glossary.glossary);
    table.add(target.display, uses, lineLocator(target.display, new LineIndex(text)));
  }
  progress.done();
  if (problems.size) {
    for (const p of problems.values()) for (const x of p.problems) io.stderr(formatProblem(slash(path.relative(io.cwd, p.file) || p.file), p.text, x) + '\n');
    return EXIT_USAGE;
  }
  const result = { files: table.files, pairs: table.pairs, en: table.englishInconsistencies(), ko: table.koreanInconsistencies() };
  io.stdout(values.format === 'json' ? formatTermsJson(result) : formatTermsStylish(result, locale));
  const out = values['suggest-glossary'];
  if (out) {
    const draft = table.suggestGlossary();
    const abs = path.resolve(io.cwd, out);
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, JSON.stringify(draft, null, 2) + '\n');
    } catch (e) {
      throw new UsageError(t(locale, 'cannot-write', { file: out, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
    io.stderr(t(locale, 'glossary-draft-written', { file: slash(out), count: draft.terms.length }) + '\n');
  }
  return values['fail-on-inconsistency'] && (result.en.length || result.ko.length) ? EXIT_FINDINGS : EXIT_OK;
}
