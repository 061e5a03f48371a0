// Entry of the bundled CLI (dist/cli.js), loaded by bin/paper-digest.
import { runCli } from './main';

runCli();
