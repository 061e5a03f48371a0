import type { CompletionItem, CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './context';

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

/** One source of completion items (structure, glossary terms): a function of the request. */
export type CompletionProvider = (req: CompletionRequest) => CompletionItem[] | null | undefined;

/** The request at the cursor; `analysis` is asked for only when a provider needs it (and once). */
export function completionRequest(document: TextDocument, params: CompletionParams, analysis: () => Analysis | undefined): CompletionRequest {
  const offset = document.offsetAt(params.position);
  const lineStart = document.offsetAt({ line: params.position.line, character: 0 });
  const lineEnd = document.offsetAt({ line: params.position.line + 1, character: 0 });
  const text = document.getText();
  let memo: { a: Analysis | undefined } | undefined;
  return {
    params, document, offset,
    linePrefix: text.slice(lineStart, offset),
    lineSuffix: text.slice(offset, lineEnd).replace(/\r?\n$|\r$/, ''),
    analysis: () => (memo ??= { a: analysis() }).a,
  };
}
