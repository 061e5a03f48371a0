/**
 * The custom protocol and settings shared by the client and the server (imported by both, as
 * vscode-eslint's shared/ folder is). Anything the client and the server say to each other beyond
 * LSP is defined here, once, as typed request objects. A leaf: it imports nothing from either side.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export * from './settings';
export * from './outline';

/**
 * Node flags for the server process the VS Code client starts. V8's young generation grows to
 * 3 × 16 MiB during a burst of edits and keeps it: RSS stayed ~50 MiB above the idle baseline with
 * nothing live (heap used back at ~21 MiB). Capped at 2 MiB semi-spaces, RSS returns to the
 * baseline; check time is within noise (`npm run bench` measures both).
 */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=2'];
export const LANGUAGE_SERVER_ID = 'paperDigest';
export const DIAGNOSTIC_SOURCE = 'paper-digest';
export const FIX_ALL_KIND = 'source.fixAll.paperDigest';

/** Commands the server executes (workspace/executeCommand). */
export const ServerCommands = {
  updateToc: 'paperDigest.server.updateToc',
  renumber: 'paperDigest.server.renumber',
} as const;

/** Client commands contributed in package.json. */
export const ClientCommands = {
  restart: 'paperDigest.restartServer',
  updateToc: 'paperDigest.updateToc',
  renumber: 'paperDigest.renumber',
  openPreview: 'paperDigest.openPreview',
  togglePublished: 'paperDigest.togglePublishedView',
  treatAsDigest: 'paperDigest.treatAsDigest',
  showOutput: 'paperDigest.showOutput',
} as const;

/**
 * A client-side command the server may attach to a quick fix when the client says it has it
 * (initializationOptions.clientCommands): select `text` at or after `line` once the fix is applied,
 * so the cursor lands in an inserted skeleton's first placeholder. Arguments: [uri, line, text].
 */
export const SelectTextCommand = 'paperDigest.selectText';

/** The status of a document (is it a digest, counts) for the status bar: DocumentStatusRequest. */
export interface DocumentStatusParams { uri: string }
export interface DocumentStatus {
  isDigest: boolean;
  /** Not a digest yet, but looks like one (a 목차 list and numbered headings). */
  looksLikeDigest: boolean;
  /** Numbered entries that review a paper. */
  papers: number;
  /** Numbered entries that survey a topic and cite no paper (engine/entry-kind.ts); not counted as papers. */
  overviews?: number;
  /** What the Problems panel shows for the file: error, warning and information diagnostics (hints are not listed there). */
  findings: number;
  counts?: { errors: number; warnings: number; infos: number; hints: number };
  profile: string;
  /** Set when the document is over paperDigest.maxDocumentKB and was not checked. */
  tooLarge?: { size: string; limit: string };
  /** The language the document's findings speak: the client's own text for it follows. */
  locale?: 'ko' | 'en';
}

/** The preview of a document, rendered by the server from the parse it checks: PreviewRequest. */
export interface PreviewParams { uri: string }

import type { Outline } from './outline';
import type { AssistantToolId } from './assistant-tools';
export type PreviewOutline = Outline;

export interface PreviewContent {
  uri: string;
  /** The document version rendered (the client drops answers older than what it shows). */
  version: number;
  isDigest: boolean;
  /** Sanitised HTML with data-line attributes; safe to put into the page as is. */
  html: string;
  /** The same as CommonMark sites show it (bold that does not render there as literal asterisks), when it differs. */
  publishedHtml?: string;
  outline: PreviewOutline;
  /** The language the document's findings speak: the page's own words follow it. */
  locale?: 'ko' | 'en';
}

/** Request: the status of a document (is it a digest, counts) for the status bar. */
export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus, void>('paperDigest/documentStatus');
/** Request: the preview of a document, rendered by the server from the parse it checks. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewContent | null, void>('paperDigest/preview');

/**
 * Request: run one assistant tool (shared/assistant-tools.ts) on an open document, for VS Code's
 * language model tools. The server validates `input` against the tool's schema. The fix and TOC
 * tools return the edit for the client to apply (undoable), never write.
 */
export interface AssistantToolParams { tool: AssistantToolId; uri: string; input: unknown }
export type AssistantToolAnswer =
  | { ok: true; result: Record<string, unknown>; edits?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]; /** The document version the edits apply to. */ version?: number }
  | { ok: false; error: string };
export const AssistantToolRequest = new RequestType<AssistantToolParams, AssistantToolAnswer, void>('paperDigest/assistantTool');

/**
 * Server → client, in the web build only (a browser server has no file system): read workspace
 * files through the editor (`workspace.fs`), so configuration, profiles, glossaries and, for
 * workspace terms, digests in a virtual workspace (github.dev) are read as on the desktop.
 * Each answer is a file's text with a change stamp, or why it cannot be read; `limit` in bytes.
 */
export interface ReadFilesParams { uris: string[]; limit: number }
export type ReadFileAnswer =
  | { uri: string; stamp: string; text: string }
  | { uri: string; error: 'missing' | 'not-regular' | 'too-large' | 'unreadable' | 'invalid-utf8'; size?: number; stamp?: string };
export const ReadFilesRequest = new RequestType<ReadFilesParams, ReadFileAnswer[], void>('paperDigest/readFiles');

/** Server → client, web build: the Markdown files of a workspace folder (`workspace.findFiles`), at most `limit`, as URIs. */
export interface FindMarkdownParams { folder: string; limit: number }
export const FindMarkdownRequest = new RequestType<FindMarkdownParams, string[], void>('paperDigest/findMarkdown');
