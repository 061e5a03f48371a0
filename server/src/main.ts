// Entry of the bundled language server (dist/server.js): stdio or IPC, chosen by the arguments.
// --client-files: read workspace files through the client, as the web build does (a virtual
// workspace on the desktop, such as GitHub Repositories, has no files on this disk).
import { startServer } from './server';
import { createDefaultConnection } from './connection';
import { nodePlatform } from './node-platform';
import { webPlatform } from './web/platform';

const connection = createDefaultConnection();
startServer(connection, process.argv.includes('--client-files') ? webPlatform(connection) : nodePlatform());
