/**
 * The VS Code client, the same on the desktop (node.ts: the server in a Node process) and in a
 * browser (browser.ts: the server in a web worker): starts the language server and adds
 * commands. It knows the protocol (shared/protocol.ts), not the engine.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { ClientCommands, SETTINGS_SECTION, SelectTextCommand, ServerCommands } from '../../shared/protocol';
import { registerPreview } from './preview/panel';
import { registerStatus } from './status';
import { survivalOptions } from './server-survival';
import { registerAssistantTools } from './assistant-tools';
import { serveWorkspaceFiles } from './workspace-files';

type LanguageClient = BaseLanguageClient;
/** Makes the language client for these options: the build's own kind of client and server. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => LanguageClient;

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

function createClient(context: vscode.ExtensionContext, factory: ClientFactory): LanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }, { language: 'mdx' }, { pattern: '**/*.mdx' }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // Configuration, profiles and glossaries are JSON files: re-check when any changes.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json'),
    },
    outputChannel: output,
    // Restart a crashed server (and say so); in untrusted workspaces send no workspace paths.
    ...survivalOptions(output),
  };
  const c = factory(context, clientOptions);
  // The web server reads workspace files through these; the desktop server never asks.
  serveWorkspaceFiles(c);
  return c;
}

async function runServerCommand(command: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  await client.sendRequest('workspace/executeCommand', { command, arguments: [editor.document.uri.toString()] });
}

/** The extension's API: the language client, and the preview's rendered HTML (a hook for the e2e suite). */
export interface PaperDigestApi {
  client: () => LanguageClient | undefined;
  previewHtml: () => string | undefined;
  previewState: () => ReturnType<ReturnType<typeof registerPreview>['pageState']>;
  statusText: () => string | undefined;
}

export async function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): Promise<PaperDigestApi> {
  output = vscode.window.createOutputChannel('Paper Digest');
  client = createClient(context, factory);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(ClientCommands.restart, async () => {
      output.appendLine(vscode.l10n.t('Restarting the Paper Digest server…'));
      if (client && client.state !== State.Stopped) await client.stop();
      client = createClient(context, factory);
      await client.start();
    }),
    vscode.commands.registerCommand(ClientCommands.updateToc, () => runServerCommand(ServerCommands.updateToc)),
    vscode.commands.registerCommand(ClientCommands.renumber, () => runServerCommand(ServerCommands.renumber)),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(SelectTextCommand, selectText),
  );
  const preview = registerPreview(context, () => client);
  const status = registerStatus(context, () => client);
  registerAssistantTools(context, () => client);
  // Trust granted: restart so the workspace's own profile and glossary settings apply.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.commands.executeCommand(ClientCommands.restart)));
  await client.start();
  return { client: () => client, previewHtml: () => preview.renderedHtml(), previewState: () => preview.pageState(), statusText: () => status.text() };
}

/** After a skeleton is inserted: select its first placeholder at or after `line`, so typing replaces it. */
async function selectText(uri: string, line: number, text: string): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
  if (!editor || typeof line !== 'number' || typeof text !== 'string' || !text) return;
  const doc = editor.document;
  const from = doc.offsetAt(new vscode.Position(Math.max(0, Math.min(line, doc.lineCount - 1)), 0));
  const at = doc.getText().indexOf(text, from);
  if (at < 0) return;
  editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + text.length));
  editor.revealRange(editor.selection);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
