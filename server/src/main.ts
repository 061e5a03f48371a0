// Entry of the bundled language server (dist/server.js): stdio or IPC, chosen by the arguments.
import { startServer } from './server';
import { createDefaultConnection } from './connection';
import { nodePlatform } from './node-platform';

startServer(createDefaultConnection(), nodePlatform());
