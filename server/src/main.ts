// Entry of the bundled language server (dist/server.js): stdio or IPC, chosen by the arguments.
import { startServer } from './server';

startServer();
