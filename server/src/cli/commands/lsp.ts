import { parseCommandArgs } from '../args';
import { cliLocale, t, UsageError, EXIT_OK, type CliIO } from '../io';

export const LSP_USAGE = `Usage: paper-digest lsp --stdio

Starts the language server (diagnostics, quick fixes, hovers, TOC and renumber commands) on
stdin/stdout, for any LSP client (Neovim, Helix, Emacs, Sublime, …). It runs until the client
disconnects. The VS Code extension starts its own bundled server; it does not need this.

Options:
  --stdio                  talk LSP over stdin/stdout (required)
  --clientProcessId PID    accepted for clients that pass it; the server exits when that process does
  -h, --help               show this help
`;

/** `paper-digest lsp --stdio`: the language server takes over stdin/stdout and never returns while connected. */
export async function lspCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    stdio: { type: 'boolean' },
    clientProcessId: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, io.env);
  if (values.help) { io.stdout(LSP_USAGE); return EXIT_OK; }
  const locale = cliLocale(undefined, io.env);
  if (positionals.length) throw new UsageError(t(locale, 'unknown-option', { option: positionals[0] }), true);
  if (!values.stdio) throw new UsageError(t(locale, 'lsp-needs-stdio'), true);
  const [{ startServer }, { createDefaultConnection }, { nodePlatform }] = await Promise.all([import('../../server'), import('../../connection'), import('../../node-platform')]);
  startServer(createDefaultConnection(), nodePlatform());
  return new Promise<number>(() => undefined);
}
