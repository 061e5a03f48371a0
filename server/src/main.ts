// Entry of the bundled language server (dist/server.js): stdio or IPC, chosen by the arguments.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { ResyncFraming } from './framing';

if (process.argv.includes('--stdio')) {
  // Over stdio, framing comes from whatever client is on the other end: a broken Content-Length
  // must cost one message, not the connection (framing.ts).
  const input = process.stdin.pipe(new ResyncFraming(m => process.stderr.write(`paper-digest: ${m}\n`)));
  startServer(createConnection(ProposedFeatures.all, input, process.stdout));
} else {
  startServer();
}
