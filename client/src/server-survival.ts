/**
 * Keeping the checker alive and within what the workspace is trusted to do.
 *
 * - If the server process dies, restart it (up to MAX_RESTARTS in WINDOW_MS, then stop and say
 *   how to restart by hand), tell the user, and log it. The language client re-opens every open
 *   document in the new server, so each is checked again and its diagnostics re-published.
 * - In an untrusted workspace the workspace's values of the restricted settings (paperDigest.profile,
 *   paperDigest.glossaries: paths the server would read) are not passed; only the user's own.
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions,
} from 'vscode-languageclient';
import { SETTINGS_SECTION, SelectTextCommand } from '../../shared/protocol';

const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60_000;

export function survivalErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error, _message, count): ErrorHandlerResult {
      output.appendLine(`[client] connection error (${count ?? 1}): ${error?.message ?? error}`);
      return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      while (restarts.length && now - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const message = vscode.l10n.t('The Paper Digest server stopped {0} times in 3 minutes and was not restarted. Run "Paper Digest: Restart Server" after checking the output.', MAX_RESTARTS);
        output.appendLine(`[client] ${message}`);
        return { action: CloseAction.DoNotRestart, message };
      }
      restarts.push(now);
      const message = vscode.l10n.t('The Paper Digest server stopped unexpectedly and was restarted; open documents are checked again.');
      output.appendLine(`[client] ${message} (${restarts.length}/${MAX_RESTARTS})`);
      void vscode.window.showWarningMessage(message);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** The settings to send: in an untrusted workspace, restricted settings keep only the user's value. */
export function trustedSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const settings: Record<string, unknown> = JSON.parse(JSON.stringify(config));
  if (!vscode.workspace.isTrusted) {
    settings.profile = config.inspect<string>('profile')?.globalValue ?? '';
    settings.glossaries = config.inspect<string[]>('glossaries')?.globalValue ?? [];
  }
  return settings;
}

/** Client options for both: the error handler, the trust flag, and settings filtered by trust. */
export function survivalOptions(output: vscode.OutputChannel): Pick<LanguageClientOptions, 'errorHandler' | 'initializationOptions' | 'middleware'> {
  return {
    errorHandler: survivalErrorHandler(output),
    initializationOptions: { settings: trustedSettings(), trusted: vscode.workspace.isTrusted, clientCommands: [SelectTextCommand] },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === SETTINGS_SECTION ? trustedSettings() : result[i]));
        },
      },
    },
  };
}
