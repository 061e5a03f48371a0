import type { CancellationToken, CompletionItem, CompletionList } from 'vscode-languageserver';
import type { Feature } from './context';
import { completionRequest, type CompletionProvider, type CompletionRequest } from './completion-request';
import { structureCompletion } from './structure-completion';
import { glossaryCompletion } from './glossary-completion';

/**
 * Every completion source. vscode-languageserver keeps one onCompletion handler (a second
 * registration replaces the first), so the feature asks each provider in turn.
 */
const PROVIDERS: CompletionProvider[] = [structureCompletion, glossaryCompletion];

/** Characters that open completion: '#' at a line start, ' ' after `###`/`####`, '*' for `**`, '(' for term pairs. */
export const COMPLETION_TRIGGERS = ['#', ' ', '*', '('];

/** The completion list at a request: every provider's items, in order; a failing provider is logged and skipped. */
export function completions(req: CompletionRequest, log: (m: string) => void = () => undefined, token?: CancellationToken): CompletionList | null {
  const items: CompletionItem[] = [];
  for (const provide of PROVIDERS) {
    if (token?.isCancellationRequested) return null;
    try {
      items.push(...(provide(req) ?? []));
    } catch (e) {
      log(`completion provider failed: ${(e as Error)?.stack ?? e}`);
    }
  }
  return items.length ? { isIncomplete: false, items } : null;
}

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS } },
  register: ctx => ctx.connection.onCompletion((params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    return completions(completionRequest(document, params, () => ctx.analysisOf(params.textDocument.uri)), ctx.log, token);
  }),
};
