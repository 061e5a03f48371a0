/**
 * `paper-digest mcp`: the assistant tools as a Model Context Protocol server over stdio, with the
 * official SDK. The low-level `Server` is used because the tools' JSON Schemas are shared with
 * the VS Code extension's language model tools (shared/assistant-tools.ts), not written in zod.
 * No network: stdio only. Results are JSON text plus the same object as structured content.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema, ListToolsRequestSchema, ListResourcesRequestSchema, ListResourceTemplatesRequestSchema, ReadResourceRequestSchema,
  McpError, ErrorCode, type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'stream';
import { message } from '../../engine';
import { createTools, MCP_TOOLS, ToolError, type ToolsOptions } from './tools';

/** The effective glossary of the root, and of any folder under it. */
const GLOSSARY_URI = 'paper-digest://glossary';
const GLOSSARY_TEMPLATE = 'paper-digest://glossary/{+folder}';

export function createMcpServer(opts: ToolsOptions & { version: string }): Server {
  const tools = createTools(opts);
  const server = new Server(
    { name: 'paper-digest', title: 'paper-digest', version: opts.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        'Tools for Korean digests of ML/LLM papers. While translating, call lookup_term before choosing a Korean word for an English term, '
        + 'and write the first mention as the term\'s firstMention (한글(English)). After writing, call check_digest; apply fix_digest for the '
        + `autoFixable findings and revise the rest yourself. Paths are relative to ${tools.root}.`,
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: MCP_TOOLS.map(t => ({
      name: t.mcpName, title: t.title, description: t.description, inputSchema: t.inputSchema,
      annotations: { title: t.title, readOnlyHint: !t.writes, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (req): Promise<CallToolResult> => {
    try {
      const result = tools.call(req.params.name, req.params.arguments) as Record<string, unknown>;
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
    } catch (e) {
      // A tool error the model can read and act on; anything else is a bug, reported the same way rather than crashing.
      const text = e instanceof ToolError ? e.message : `paper-digest: ${(e as Error)?.stack ?? e}`;
      return { content: [{ type: 'text', text }], isError: true };
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [{ uri: GLOSSARY_URI, name: 'glossary', title: 'Effective glossary of the workspace root', mimeType: 'application/json', description: 'Every term (Korean, English, abbreviation, variants, avoided forms) of the built-in glossary with the workspace\'s glossaries stacked on it.' }],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [{ uriTemplate: GLOSSARY_TEMPLATE, name: 'folder-glossary', title: 'Effective glossary of a folder', mimeType: 'application/json', description: 'The glossary a digest in this folder (relative to the workspace root) is checked with.' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async req => {
    const uri = req.params.uri;
    if (uri !== GLOSSARY_URI && !uri.startsWith(GLOSSARY_URI + '/')) {
      throw invalidParams(message(opts.locale ?? 'en', 'assistant/unknown-resource', { uri }));
    }
    const folder = uri === GLOSSARY_URI ? undefined : decodeURIComponent(uri.slice(GLOSSARY_URI.length + 1));
    try {
      return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(tools.glossaryOf(folder)) }] };
    } catch (e) {
      if (e instanceof ToolError) throw invalidParams(e.message);
      throw e;
    }
  });
  return server;
}

/** A JSON-RPC "invalid params" error whose message is ours alone (McpError prefixes its code, and clients prefix it again). */
function invalidParams(text: string): McpError {
  const e = new McpError(ErrorCode.InvalidParams, text);
  e.message = text;
  return e;
}

/** Serves on stdin/stdout until the client closes the connection. */
export async function serveMcp(opts: ToolsOptions & { version: string }, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const server = createMcpServer(opts);
  const transport = new StdioServerTransport(input, output);
  const closed = new Promise<void>(resolve => { server.onclose = () => resolve(); });
  input.on('end', () => void server.close());
  await server.connect(transport);
  await closed;
}
