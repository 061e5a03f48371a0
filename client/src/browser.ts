/**
 * The web extension (package.json "browser": vscode.dev, github.dev): the same client, with the
 * language server in a web worker (dist/web/server.js) that reads files through this client.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_SERVER_ID } from '../../shared/protocol';
import { activateWith, type PaperDigestApi } from './extension';

export { deactivate } from './extension';

/** The web worker constructor of the extension host (no DOM types in this project). */
type Worker = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string) => Worker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

export async function activate(context: vscode.ExtensionContext): Promise<PaperDigestApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  let url = script.toString(true);
  let first: Worker | undefined;
  try {
    first = new Worker(url);
  } catch {
    // A host that will not start a worker from the extension's own location (an extension served by a
    // remote, as code-server does): the same script, from a blob of its bytes.
    const bytes = await vscode.workspace.fs.readFile(script);
    url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  }
  return activateWith(context, (_ctx, options) => {
    const worker = first ?? new Worker(url);
    first = undefined; // a restart starts a new worker
    return new LanguageClient(LANGUAGE_SERVER_ID, 'Paper Digest', options, worker);
  });
}
