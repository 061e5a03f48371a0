// The assistant tools are defined once (shared/assistant-tools.ts): VS Code's contributed language
// model tools are those definitions, and MCP lists the same tools (issue 20).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ASSISTANT_TOOLS, toolInputSchema } from '../../shared/assistant-tools';
import { validator } from '../../server/src/engine/json-file';
import { ROOT } from '../support/paths';

describe('assistant tools: one definition', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.languageModelTools as { name: string; displayName: string; modelDescription: string; inputSchema: object; canBeReferencedInPrompt: boolean; toolReferenceName: string }[];

  it('package.json contributes each tool with its shared name, description and VS Code input schema', () => {
    assert.deepStrictEqual(contributed.map(t => t.name), Object.values(ASSISTANT_TOOLS).map(t => t.vscodeName));
    for (const tool of Object.values(ASSISTANT_TOOLS)) {
      const c = contributed.find(x => x.name === tool.vscodeName)!;
      assert.strictEqual(c.modelDescription, tool.description);
      assert.strictEqual(c.displayName, tool.title);
      assert.deepStrictEqual(c.inputSchema, toolInputSchema(tool, 'vscode'));
      assert.match(c.toolReferenceName, /^[a-z-]+$/);
    }
  });

  it('the schemas compile, and reject what they should', () => {
    const lookup = validator(toolInputSchema(ASSISTANT_TOOLS.lookup, 'mcp'));
    assert.ok(lookup({ term: 'RAG' }));
    assert.ok(!lookup({}), 'term is required');
    assert.ok(!lookup({ term: 'RAG', uri: 'file:///x' }), 'MCP tools take no uri');
    const check = validator(toolInputSchema(ASSISTANT_TOOLS.check, 'vscode'));
    assert.ok(check({ maxFindings: 5 }));
    assert.ok(!check({ path: 'a.md' }), 'VS Code tools take no path');
  });

  it('VS Code tool names are valid (letters, digits, _ and -) and prefixed; MCP names are snake_case', () => {
    for (const t of Object.values(ASSISTANT_TOOLS)) {
      assert.match(t.vscodeName, /^paperDigest_[A-Za-z]+$/);
      assert.match(t.mcpName, /^[a-z]+(_[a-z]+)+$/);
    }
  });
});

describe('assistant tools: schemas are made once', () => {
  it('the same schema object for a tool and surface each time (a validator is compiled once per object)', () => {
    assert.strictEqual(toolInputSchema(ASSISTANT_TOOLS.check, 'vscode'), toolInputSchema(ASSISTANT_TOOLS.check, 'vscode'));
    assert.notStrictEqual(toolInputSchema(ASSISTANT_TOOLS.check, 'vscode'), toolInputSchema(ASSISTANT_TOOLS.check, 'mcp'));
  });
});

describe('validators: compiled at build time', () => {
  it('every schema the project validates with has a precompiled validator (run `npm run docs` after changing one)', async () => {
    const { projectSchemas } = await import('../../scripts/gen-validators');
    const { isPrecompiled } = await import('../../server/src/engine/json-file');
    const missing = projectSchemas().filter(s => !isPrecompiled(s)).map(s => (s as { $id?: string; title?: string }).$id ?? JSON.stringify(s).slice(0, 60));
    assert.deepStrictEqual(missing, []);
  });
});
