import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { ResyncFraming } from './framing';

/**
 * The connection the server runs on, chosen by the process arguments like vscode-languageserver
 * does (--stdio, --node-ipc, --socket=N). Over stdio, framing comes from whatever client is on
 * the other end: a broken Content-Length must cost one message, not the connection (framing.ts).
 */
export function createDefaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const input = process.stdin.pipe(new ResyncFraming(m => process.stderr.write(`paper-digest: ${m}\n`)));
  return createConnection(ProposedFeatures.all, input, process.stdout);
}
