import type { ServerCapabilities } from 'vscode-languageserver';
import type { Feature, ServerContext } from './context';
import { codeActionsFeature } from './code-actions';
import { commandsFeature } from './commands';
import { statusFeature } from './status';
import { previewFeature } from './preview';
import { symbolsFeature } from './symbols';
import { foldingFeature } from './folding';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { definitionFeature } from './definition';
import { workspaceTermsFeature } from './workspace-terms';
import { assistantToolsFeature } from './assistant-tools';

/**
 * Every LSP feature of the server, in registration order. Each declares its own capabilities
 * next to its handlers; add a feature with one line here.
 */
export const FEATURES: readonly Feature[] = [
  codeActionsFeature, commandsFeature, statusFeature, previewFeature, symbolsFeature, foldingFeature,
  completionFeature, hoverFeature, definitionFeature, workspaceTermsFeature, assistantToolsFeature,
];

/** The capabilities of all features, for the initialize result; two features may not declare the same one. */
export function featureCapabilities(features: readonly Feature[] = FEATURES): ServerCapabilities {
  const out: Record<string, unknown> = {};
  for (const f of features) {
    for (const [key, value] of Object.entries(f.capabilities ?? {})) {
      if (key in out) throw new Error(`two features declare the capability ${key}`);
      out[key] = value;
    }
  }
  return out as ServerCapabilities;
}

export function registerFeatures(ctx: ServerContext, features: readonly Feature[] = FEATURES): void {
  for (const f of features) f.register(ctx);
}
