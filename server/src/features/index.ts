import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { registerStatus } from './status';

/**
 * Every LSP feature of the server: a module under features/ registers its handlers here and
 * declares its capabilities below. Add a feature: one import, one line in each list.
 */
export const featureCapabilities: ServerCapabilities = {
};

export function registerFeatures(ctx: ServerContext): void {
  registerCodeActions(ctx);
  registerCommands(ctx);
  registerStatus(ctx);
}
