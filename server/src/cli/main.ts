import { lintCommand, LINT_USAGE } from './commands/lint';
import { tocCommand, TOC_USAGE } from './commands/toc';
import { renumberCommand, RENUMBER_USAGE } from './commands/renumber';
import { termsCommand, TERMS_USAGE } from './commands/terms';
import { glossaryCommand, GLOSSARY_USAGE } from './commands/glossary';
import { lspCommand, LSP_USAGE } from './commands/lsp';
import { mcpCommand, MCP_USAGE } from './commands/mcp';
import { wantsHelp } from './args';
import { cliLocale, t, UsageError, EXIT_OK, EXIT_USAGE, type CliIO } from './io';

export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } from './io';
export type { CliIO } from './io';

const USAGE = `Usage: paper-digest <command> [options]

Commands:
  lint [options] PATH...           check digests: files, folders, globs (exit 0: no errors, 1: errors, 2: usage or configuration error)
  toc FILE [--write|--diff]        print or rewrite the table of contents
  renumber FILE [--write|--diff]   renumber sections and papers
  terms [PATH...]                  English terms rendered more than one Korean way across digests (and the reverse)
  glossary check FILE...           validate glossaries and run their self-test specs
  glossary import TABLE            a glossary from a Markdown, CSV or TSV term table
  glossary export --to FORMAT      glossary terms as cspell, Vale, LTeX, Harper, hanspell or TSV word lists
  lsp --stdio                      start the language server on stdin/stdout (for any LSP client)
  mcp                              start the MCP server for AI assistants on stdin/stdout

Run "paper-digest <command> --help" for a command's options. Documentation: docs/cli.md
`;

declare const PAPER_DIGEST_VERSION: string | undefined;
export const VERSION = typeof PAPER_DIGEST_VERSION === 'string' ? PAPER_DIGEST_VERSION : 'dev';

/** Each command's own usage: printed for `--help` anywhere in its arguments and after its usage errors. */
const COMMAND_USAGE: Record<string, string> = {
  lint: LINT_USAGE, toc: TOC_USAGE, renumber: RENUMBER_USAGE, terms: TERMS_USAGE, glossary: GLOSSARY_USAGE, lsp: LSP_USAGE, mcp: MCP_USAGE,
};

async function dispatch(command: string | undefined, rest: string[], io: CliIO): Promise<number> {
  // `lint --format --help`, `glossary check --help`, `lsp --help`: the usage, whatever else is there.
  if (command && Object.hasOwn(COMMAND_USAGE, command) && wantsHelp(rest)) { io.stdout(COMMAND_USAGE[command]); return EXIT_OK; }
  switch (command) {
    case 'lint': return lintCommand(rest, io, VERSION);
    case 'toc': return tocCommand(rest, io);
    case 'renumber': return renumberCommand(rest, io);
    case 'terms': return termsCommand(rest, io);
    case 'glossary': return glossaryCommand(rest, io);
    case 'lsp': return lspCommand(rest, io);
    case 'mcp': return mcpCommand(rest, io, VERSION);
    case '-h': case '--help': case 'help': io.stdout(USAGE); return EXIT_OK;
    case '-v': case '--version': io.stdout(`${VERSION}\n`); return EXIT_OK;
    case undefined: io.stderr(USAGE); return EXIT_USAGE;
    default: throw new UsageError(t(cliLocale(undefined, io.env), 'unknown-command', { command }), true);
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const usage = command && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : USAGE;
    io.stderr(`paper-digest: ${e.message}\n${e.showUsage ? `\n${usage}` : ''}`);
    return EXIT_USAGE;
  }
}

/** Runs the CLI on this process's arguments and sets the exit code. */
export function runCli(): void {
  const io: CliIO = {
    stdout: s => process.stdout.write(s), stderr: s => process.stderr.write(s),
    cwd: process.cwd(), env: process.env, isTTY: !!process.stdout.isTTY, stderrIsTTY: !!process.stderr.isTTY,
  };
  // `paper-digest terms | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', e => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  main(process.argv.slice(2), io).then(
    code => { process.exitCode = code; },
    e => { process.stderr.write(`paper-digest: ${(e as Error).stack ?? e}\n`); process.exitCode = EXIT_USAGE; },
  );
}
