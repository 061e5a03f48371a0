import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { ResyncFraming } from './framing';
import { inspect } from 'util';

/**
 * The connection the server runs on, chosen by the process arguments like vscode-languageserver
 * does (--stdio, --node-ipc, --socket=N). Over stdio, framing comes from whatever client is on
 * the other end: a broken Content-Length must cost one message, not the connection (framing.ts).
 */
export function createDefaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const input = process.stdin.pipe(new ResyncFraming(m => process.stderr.write(`paper-digest: ${m}\n`)));
  // Given its streams, the library no longer redirects console.* away from stdout, where a stray
  // console.log (ours or a dependency's) would corrupt the protocol: stderr it is.
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[level] = (...args: unknown[]) => { process.stderr.write(args.map(a => (typeof a === 'string' ? a : inspect(a))).join(' ') + '\n'); };
  }
  return createConnection(ProposedFeatures.all, input, process.stdout);
}
