/** The desktop extension (package.json "main"): the language server runs in its own Node process. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_SERVER_ID, SERVER_NODE_ARGS } from '../../shared/protocol';
import { activateWith, type PaperDigestApi } from './extension';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<PaperDigestApi> {
  return activateWith(context, (ctx, options) => {
    const module = ctx.asAbsolutePath('dist/server.js');
    // A virtual workspace (GitHub Repositories, a remote file system provider) has no files on
    // this disk: the server reads them through this client, as in the browser.
    const args = (vscode.workspace.workspaceFolders ?? []).some(f => f.uri.scheme !== 'file') ? ['--client-files'] : [];
    const serverOptions: ServerOptions = {
      run: { module, args, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_ARGS } },
      debug: { module, args, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6011'] } },
    };
    return new LanguageClient(LANGUAGE_SERVER_ID, 'Paper Digest', serverOptions, options);
  });
}
