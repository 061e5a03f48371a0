/**
 * The tools paper-digest offers AI assistants, defined once: the MCP server (`paper-digest mcp`)
 * lists them under `mcpName`, the VS Code extension contributes them as language model tools under
 * `vscodeName` (package.json's `contributes.languageModelTools` must match: a test checks).
 * Descriptions are written for a model choosing a tool; inputs are JSON Schemas, validated.
 */

export interface AssistantTool {
  mcpName: string;
  vscodeName: string;
  /** Short, for people (VS Code's tool picker, MCP `title`). */
  title: string;
  /** For the model: what the tool does, when to use it, what it returns. */
  description: string;
  /** Whether the tool changes a file (only the fix and TOC tools do, on the file named). */
  writes: boolean;
  /** JSON Schema of the input; `path` is MCP's (VS Code tools work on the open document, `uri`). */
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[]; additionalProperties: false };
}

const path = { type: 'string', description: 'The digest file: a path relative to the workspace root, or absolute inside it.' };
const uri = { type: 'string', description: 'The digest document\'s URI; omit it for the active editor\'s document.' };

export const ASSISTANT_TOOLS = {
  check: {
    mcpName: 'check_digest',
    vscodeName: 'paperDigest_checkDigest',
    title: 'Check a paper digest',
    description:
      'Check a Korean digest of ML/LLM research papers (Markdown) against the team\'s digest format and glossary: '
      + 'required sections and blocks, numbering, table of contents, links, and glossary term pairs such as '
      + '확산 트랜스포머(Diffusion Transformers). Use it after writing or translating a digest, before handing it over. '
      + 'Returns counts by severity and the findings (rule, severity, 1-based line and column, message, the text concerned, '
      + 'and whether fix_digest can fix it safely), most severe first.',
    writes: false,
    inputSchema: {
      type: 'object',
      properties: {
        path, uri,
        text: { type: 'string', maxLength: 16_000_000, description: 'Check this text instead of the file\'s saved content (an unsaved draft); the file\'s folder still decides configuration and glossary.' },
        maxFindings: { type: 'integer', minimum: 1, maximum: 200, description: 'At most this many findings (default 30); the rest are counted in "omitted".' },
      },
      additionalProperties: false,
    },
  },
  lookup: {
    mcpName: 'lookup_term',
    vscodeName: 'paperDigest_lookupTerm',
    title: 'Look up a glossary term',
    description:
      'Look up the team\'s Korean–English ML glossary for a term, in English (e.g. "fine-tuning"), Korean (e.g. "미세 조정") '
      + 'or as an abbreviation (e.g. "RAG"). Use it while translating, before choosing a Korean word for an English term. '
      + 'Returns the preferred Korean rendering, how to write the first mention (한글(English)), whether the first mention '
      + 'needs the English, accepted variants, spellings to avoid, other meanings, and the glossary file that defines it.',
    writes: false,
    inputSchema: {
      type: 'object',
      properties: {
        term: { type: 'string', minLength: 1, maxLength: 200, description: 'The English, Korean or abbreviated term.' },
        path: { type: 'string', description: 'A file or folder whose glossary applies (its .paper-digest/glossary.json and configuration); default the workspace root.' },
        uri: { type: 'string', description: 'A document whose glossary applies; default the active editor\'s.' },
      },
      required: ['term'],
      additionalProperties: false,
    },
  },
  fix: {
    mcpName: 'fix_digest',
    vscodeName: 'paperDigest_fixDigest',
    title: 'Apply the safe fixes to a digest',
    description:
      'Apply every safe automatic fix to a digest: particles moved inside emphasis, numbering, the table of contents, '
      + 'glossary spellings with one correct replacement, and the like. Over MCP the file is written; in the editor the open '
      + 'document is changed, unsaved and undoable. Findings that need the writer\'s judgment are left alone and listed. '
      + 'Use it after check_digest reports autoFixable findings. Set dryRun to see the result without changing anything.',
    writes: true,
    inputSchema: {
      type: 'object',
      properties: { path, uri, dryRun: { type: 'boolean', description: 'Report what would change without writing the file.' } },
      additionalProperties: false,
    },
  },
  toc: {
    mcpName: 'update_toc',
    vscodeName: 'paperDigest_updateToc',
    title: 'Rewrite a digest\'s table of contents',
    description:
      'Rewrite the table of contents (목차) of a digest from its numbered section headings, keeping its style. Over MCP the '
      + 'file is written; in the editor the open document is changed, unsaved and undoable. Use it after adding, removing or '
      + 'renaming sections. Set dryRun to get the new table without changing anything.',
    writes: true,
    inputSchema: {
      type: 'object',
      properties: { path, uri, dryRun: { type: 'boolean', description: 'Return the new table of contents without writing the file.' } },
      additionalProperties: false,
    },
  },
} satisfies Record<string, AssistantTool>;

export type AssistantToolId = keyof typeof ASSISTANT_TOOLS;

/**
 * A tool's input schema for one surface: MCP names files by `path` (and may send an unsaved
 * `text`); VS Code works on open documents, named by `uri` (the editor already holds the text).
 */
export function toolInputSchema(tool: AssistantTool, surface: 'mcp' | 'vscode'): AssistantTool['inputSchema'] {
  // One object per tool and surface: validators are compiled once per schema object.
  const key = `${tool.mcpName}:${surface}`;
  const known = inputSchemas.get(key);
  if (known) return known;
  const schema = makeInputSchema(tool, surface);
  inputSchemas.set(key, schema);
  return schema;
}
const inputSchemas = new Map<string, AssistantTool['inputSchema']>();

function makeInputSchema(tool: AssistantTool, surface: 'mcp' | 'vscode'): AssistantTool['inputSchema'] {
  const drop = surface === 'mcp' ? ['uri'] : ['path', 'text'];
  const properties = Object.fromEntries(Object.entries(tool.inputSchema.properties).filter(([k]) => !drop.includes(k)));
  // Over MCP a digest tool must be told which file (the glossary lookup defaults to the root).
  const required = [...tool.inputSchema.required ?? [], ...(surface === 'mcp' && tool !== ASSISTANT_TOOLS.lookup ? ['path'] : [])];
  return { ...tool.inputSchema, properties, ...(required.length ? { required } : {}) };
}
