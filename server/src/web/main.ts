// Entry of the language server in a web worker (dist/web/server.js): the same server, on the
// worker's messages, reading files through the client (platform.ts).
import { createConnection, BrowserMessageReader, BrowserMessageWriter, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { webPlatform } from './platform';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, webPlatform(connection));
