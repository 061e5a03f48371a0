/**
 * The engine on a real file system (the CLI, the desktop server): Node's paths, and reads that
 * never open a device or FIFO (safe-read.ts). Only Node entries import this file; the web build
 * reads through the client instead (server/src/web/).
 */
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { FileReader } from './config';
import { pathModuleOps, type PathOps } from './paths';
import { safeReadFile, realPathOf, MAX_JSON_BYTES } from './safe-read';

export const nodePaths: PathOps = pathModuleOps(path, {
  cwd: () => process.cwd(),
  fromUri: u => { try { return URI.parse(u).fsPath; } catch { return u; } },
});

export const nodeFileReader = (fs: typeof import('fs')): FileReader & { paths: PathOps } => ({
  readFile(file) { const r = safeReadFile(file, { limit: MAX_JSON_BYTES }); return 'error' in r ? undefined : r.text; },
  read(file) { return safeReadFile(file, { limit: MAX_JSON_BYTES }); },
  // A device, FIFO or socket gets a stamp too, so that reading it is attempted and reported
  // ("not a regular file") rather than taken for a missing file. stat never opens the file.
  stamp(file) { try { const s = fs.statSync(file); return s.isFile() ? `${s.mtimeMs}:${s.size}` : s.isDirectory() ? undefined : `special:${s.mode}:${s.ino}`; } catch { return undefined; } },
  paths: nodePaths,
  realPath: realPathOf,
});
