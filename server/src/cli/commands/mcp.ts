import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import { parseCommandArgs } from '../args';
import { t, UsageError, EXIT_OK, flagLocale, type CliIO } from '../io';

export const MCP_USAGE = `Usage: paper-digest mcp [--root DIR] [--untrusted] [--locale ko|en]

Starts a Model Context Protocol server on stdin/stdout, for AI assistants (Claude Code, Cursor,
Copilot, any MCP client). Tools: check_digest, lookup_term, fix_digest, update_toc; resource:
paper-digest://glossary (the effective glossary; paper-digest://glossary/FOLDER for a folder).
Paths are confined to the root; only fix_digest and update_toc write, and only the Markdown file
named. No network access. See docs/assistants.md.

Options:
  --root DIR        the workspace the tools may read (default: the current folder)
  --untrusted       do not read profiles or glossaries a configuration names outside its folder
  --locale ko|en    language of the tools' messages (default: PAPER_DIGEST_LOCALE, then LANG)
  -h, --help        show this help
`;

export async function mcpCommand(argv: string[], io: CliIO, version: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    root: { type: 'string' }, untrusted: { type: 'boolean' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, io.env);
  if (values.help) { io.stdout(MCP_USAGE); return EXIT_OK; }
  const locale = flagLocale(values.locale, io.env);
  if (positionals.length) throw new UsageError(t(locale, 'unknown-option', { option: positionals[0] }), true);
  const root = path.resolve(io.cwd, values.root ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(t(locale, 'mcp-root-not-folder', { root }));
  // stdout carries the protocol: anything a dependency logs goes to stderr instead.
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[level] = (...args: unknown[]) => { process.stderr.write(format(...args) + (level === 'trace' ? `\n${new Error().stack?.split('\n').slice(2).join('\n')}` : '') + '\n'); };
  }
  const { serveMcp } = await import('../mcp/server');
  // Findings speak their profile's language unless asked for (--locale or PAPER_DIGEST_LOCALE), as lint's do.
  const asked = values.locale !== undefined || io.env.PAPER_DIGEST_LOCALE ? locale : undefined;
  await serveMcp({ root, untrusted: !!values.untrusted, locale, findingsLocale: asked, version });
  return EXIT_OK;
}
