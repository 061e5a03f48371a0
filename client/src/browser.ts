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
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): Promise<PaperDigestApi> {
  return activateWith(context, (ctx, options) => {
    const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist/web/server.js').toString(true));
    return new LanguageClient(LANGUAGE_SERVER_ID, 'Paper Digest', options, worker);
  });
}
