import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import {
  ConfigResolver, nodeFileReader, lintText, toJsonDiagnostic, formatProblem, normaliseLocale,
  type FileProblems, type LintOutcome, type Severity,
} from '../engine';
import { formatStylish } from './formatters/stylish';
import { formatJson } from './formatters/json';

export const EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2;

const USAGE = `Usage: paper-digest <command> [options]

Commands:
  lint [options] FILE...     check digests (exit 0: no errors, 1: errors found, 2: usage or configuration error)
  lsp --stdio                start the language server on stdin/stdout (for any LSP client)

lint options:
  --format stylish|json      output format (default: stylish)
  --profile ID|PATH          profile id (weekly-digest-ko, …) or profile JSON file
  --config PATH              use this configuration file instead of looking for .paperdigestrc.json
  --locale ko|en             message language (default: from LANG)
  -h, --help                 show this help
`;

export interface CliIO { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string; env: NodeJS.ProcessEnv; isTTY: boolean }

export function reportProblems(io: CliIO, problems: FileProblems[]): void {
  for (const p of problems) for (const problem of p.problems) io.stderr(formatProblem(path.relative(io.cwd, p.file) || p.file, p.text, problem) + '\n');
}

export function lintCommand(argv: string[], io: CliIO): number {
  let args;
  try {
    args = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        profile: { type: 'string' },
        config: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`paper-digest: ${(e as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = args;
  if (values.help) { io.stdout(USAGE); return EXIT_OK; }
  if (!['stylish', 'json'].includes(values.format!)) { io.stderr(`paper-digest: unknown format "${values.format}" (stylish, json)\n`); return EXIT_USAGE; }
  if (!positionals.length) { io.stderr(`paper-digest: no files given\n\n${USAGE}`); return EXIT_USAGE; }
  const locale = normaliseLocale(values.locale ?? io.env.PAPER_DIGEST_LOCALE ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  const resolver = new ConfigResolver(nodeFileReader(fs));
  const results: { file: string; outcome: LintOutcome }[] = [];
  for (const file of positionals) {
    const abs = path.resolve(io.cwd, file);
    let text: string;
    try { text = fs.readFileSync(abs, 'utf8'); } catch (e) {
      io.stderr(`paper-digest: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_USAGE;
    }
    const outcome = lintText(text, abs, {
      resolver, locale,
      overrides: { profile: values.profile, configFile: values.config && path.resolve(io.cwd, values.config), baseDir: io.cwd },
      onRuleError: (rule, err) => io.stderr(`paper-digest: rule ${rule} failed on ${file}: ${(err as Error)?.stack ?? err}\n`),
    });
    if (outcome.config.problems.length) {
      reportProblems(io, outcome.config.problems);
      return EXIT_USAGE;
    }
    results.push({ file, outcome });
  }
  const files = results.map(({ file, outcome }) => ({
    path: file.replace(/\\/g, '/'),
    diagnostics: outcome.result.findings.map(f => toJsonDiagnostic(f, outcome.result.lineIndex)),
  }));
  io.stdout(values.format === 'json' ? formatJson(files) : formatStylish(files, { color: io.isTTY && !io.env.NO_COLOR, locale }));
  const hasError = files.some(f => f.diagnostics.some(d => d.severity === ('error' satisfies Severity)));
  return hasError ? EXIT_FINDINGS : EXIT_OK;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': return lintCommand(rest, io);
    case 'lsp': {
      // The language server takes over stdin/stdout; it never returns while the client is connected.
      const { startServer } = await import('../server');
      startServer();
      return new Promise<number>(() => undefined);
    }
    case '-h': case '--help': case 'help': io.stdout(USAGE); return EXIT_OK;
    case '-v': case '--version': io.stdout(`${VERSION}\n`); return EXIT_OK;
    default:
      io.stderr(command ? `paper-digest: unknown command "${command}"\n\n${USAGE}` : USAGE);
      return EXIT_USAGE;
  }
}

declare const PAPER_DIGEST_VERSION: string | undefined;
const VERSION = typeof PAPER_DIGEST_VERSION === 'string' ? PAPER_DIGEST_VERSION : 'dev';

/** Runs the CLI on this process's arguments and sets the exit code. */
export function runCli(): void {
  main(process.argv.slice(2), {
    stdout: s => process.stdout.write(s), stderr: s => process.stderr.write(s),
    cwd: process.cwd(), env: process.env, isTTY: !!process.stdout.isTTY,
  }).then(code => { process.exitCode = code; }, e => { process.stderr.write(`paper-digest: ${(e as Error).stack ?? e}\n`); process.exitCode = EXIT_USAGE; });
}
