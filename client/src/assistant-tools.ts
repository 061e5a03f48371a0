/**
 * Language model tools for assistants in agent mode (Copilot Chat and others): the tools of
 * shared/assistant-tools.ts, registered with vscode.lm.registerTool. Each call goes to the
 * language server (AssistantToolRequest), which validates the input and answers from the same
 * analysis the diagnostics come from; fix and TOC edits are applied here as workspace edits
 * (undoable), not saved.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ASSISTANT_TOOLS, type AssistantToolId } from '../../shared/assistant-tools';
import { AssistantToolRequest } from '../../shared/protocol';
import { t } from './l10n';

type Input = { uri?: string } & Record<string, unknown>;

/** The document a call is about: the one named, else the active editor's; opened (and so synced to the server) if needed. */
async function documentFor(input: Input): Promise<vscode.TextDocument | undefined> {
  if (typeof input.uri === 'string' && input.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(input.uri));
  return vscode.window.activeTextEditor?.document;
}

/** What the chat shows while a tool runs. */
function invocationMessage(id: AssistantToolId, name: string, term: string): string {
  switch (id) {
    case 'check': return t(undefined, 'Checking {0} with Paper Digest', name);
    case 'lookup': return t(undefined, 'Looking up "{0}" in the glossary', term);
    case 'fix': return t(undefined, 'Applying the safe fixes to {0}', name);
    case 'toc': return t(undefined, 'Rewriting the table of contents of {0}', name);
  }
}

function toolFor(id: AssistantToolId, client: () => LanguageClient | undefined): vscode.LanguageModelTool<Input> {
  return {
    prepareInvocation: async options => {
      const doc = await documentFor(options.input ?? {}).catch(() => undefined);
      return { invocationMessage: invocationMessage(id, doc ? vscode.workspace.asRelativePath(doc.uri) : '', String(options.input?.term ?? '')) };
    },
    invoke: async (options, token) => {
      const input = options.input ?? {};
      const c = client();
      if (!c) throw new Error(t(undefined, 'The Paper Digest server is not running.'));
      const doc = await documentFor(input);
      // The glossary lookup needs no document: the first workspace folder's glossary then.
      const folder = vscode.workspace.workspaceFolders?.[0];
      const uri = doc?.uri ?? (id === 'lookup' && folder ? vscode.Uri.joinPath(folder.uri, 'digest.md') : undefined);
      if (!uri) throw new Error(t(undefined, 'No digest is open: open one in the editor, or name its uri.'));
      const { uri: _, ...rest } = input;
      const answer = await c.sendRequest(AssistantToolRequest, { tool: id, uri: uri.toString(), input: rest }, token);
      // A tool error is thrown: VS Code hands its message to the model as the tool's failure.
      if (!answer.ok) throw new Error(answer.error);
      if (answer.edits?.length && doc) {
        // Worked out for the version the server checked: typing since then would be overwritten.
        if (answer.version !== undefined && doc.version !== answer.version) throw new Error(t(undefined, 'The document changed while the tool ran; nothing was changed. Run the tool again.'));
        const edit = new vscode.WorkspaceEdit();
        for (const e of answer.edits) {
          edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        }
        answer.result.applied = await vscode.workspace.applyEdit(edit);
      }
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(answer.result))]);
    },
  };
}

/** Registers the tools where the editor has the API (VS Code 1.95+, and code-server built on it). */
export function registerAssistantTools(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  if (typeof vscode.lm?.registerTool !== 'function') return;
  for (const [id, tool] of Object.entries(ASSISTANT_TOOLS) as [AssistantToolId, (typeof ASSISTANT_TOOLS)[AssistantToolId]][]) {
    context.subscriptions.push(vscode.lm.registerTool(tool.vscodeName, toolFor(id, client)));
  }
}
