import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, ServerContext } from './context';

/** What a completion provider sees: the document, the cursor, and the (lazily computed) analysis. */
export interface CompletionRequest {
  params: CompletionParams;
  document: TextDocument;
  offset: number;
  /** The cursor's line up to the cursor, and after it. */
  linePrefix: string;
  lineSuffix: string;
  /** The analysis of this version; undefined for a file that is not a digest. Computed on first use. */
  analysis(): Analysis | undefined;
}

export type CompletionProvider = (req: CompletionRequest, ctx: ServerContext) => CompletionItem[] | null | undefined;

/**
 * vscode-languageserver keeps ONE onCompletion handler (a second registration replaces the
 * first), so every completion source pushes a provider here and the hub asks them all.
 */
export const completionProviders: CompletionProvider[] = [];

/** Characters that open completion: '#' at a line start, ' ' after `###`/`####`, '*' for `**`, '(' for term pairs. */
export const COMPLETION_TRIGGERS = ['#', ' ', '*', '('];

export function registerCompletionHub(ctx: ServerContext): void {
  ctx.connection.onCompletion((params): CompletionList | null => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const lineStart = document.offsetAt({ line: params.position.line, character: 0 });
    const lineEnd = document.offsetAt({ line: params.position.line + 1, character: 0 });
    const text = document.getText();
    let memo: { a: Analysis | undefined } | undefined;
    const req: CompletionRequest = {
      params, document, offset,
      linePrefix: text.slice(lineStart, offset),
      lineSuffix: text.slice(offset, lineEnd).replace(/\r?\n$|\r$/, ''),
      analysis: () => (memo ??= { a: ctx.analysisOf(params.textDocument.uri) }).a,
    };
    const items: CompletionItem[] = [];
    for (const provide of completionProviders) {
      try {
        items.push(...(provide(req, ctx) ?? []));
      } catch (e) {
        ctx.log(`completion provider failed: ${(e as Error)?.stack ?? e}`);
      }
    }
    return items.length ? { isIncomplete: false, items } : null;
  });
}
