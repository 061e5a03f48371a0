/** The language server on the desktop: Node's file system, read synchronously (engine/node-files.ts). */
import * as fs from 'fs';
import { nodeFileReader } from './engine/node-files';
import { Ignores, walkMarkdown } from './engine/workspace-files';
import { safeReadFile, maxDocumentBytes } from './engine/safe-read';
import { yieldToLoop } from './engine/steps';
import type { ServerPlatform } from './platform';

export function nodePlatform(): ServerPlatform {
  return {
    files: nodeFileReader(fs),
    async markdownFiles(folder, limit) {
      const files: string[] = [];
      const complete = walkMarkdown(folder, new Ignores(folder), file => { files.push(file); return files.length < limit; });
      return { files, complete };
    },
    async readDocument(file, known) {
      let stamp: string;
      try { const st = fs.statSync(file); stamp = `${st.mtimeMs}:${st.size}`; } catch { return undefined; }
      if (stamp === known) return { stamp };
      const r = safeReadFile(file, { limit: maxDocumentBytes(), allowInvalidUtf8: true }); // never a device or FIFO
      return 'error' in r ? undefined : { stamp, text: r.text };
    },
    yieldToLoop,
  };
}
