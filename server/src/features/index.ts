import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { registerStatus } from './status';
import { registerPreview } from './preview';
import { registerSymbols } from './symbols';
import { registerFolding } from './folding';
import { registerCompletionHub, COMPLETION_TRIGGERS } from './completion-hub';
import { registerStructureCompletion } from './structure-completion';
import { registerGlossaryCompletion } from './glossary-completion';
import { registerHover } from './hover';
import { registerDefinition } from './definition';
import { registerWorkspaceTerms } from './workspace-terms';

/**
 * Every LSP feature of the server: a module under features/ registers its handlers here and
 * declares its capabilities below. Add a feature: one import, one line in each list.
 */
export const featureCapabilities: ServerCapabilities = {
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
  hoverProvider: true,
  definitionProvider: true,
};

export function registerFeatures(ctx: ServerContext): void {
  registerCodeActions(ctx);
  registerCommands(ctx);
  registerStatus(ctx);
  registerPreview(ctx);
  registerSymbols(ctx);
  registerFolding(ctx);
  registerCompletionHub(ctx);
  registerStructureCompletion(ctx);
  registerGlossaryCompletion(ctx);
  registerHover(ctx);
  registerDefinition(ctx);
  registerWorkspaceTerms(ctx);
}
