// `paper-digest mcp`: the real CLI over stdio, driven by the official MCP SDK's own client.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN, run, tempProject } from './cli';
import { FIXTURES } from '../support/paths';
import { ASSISTANT_TOOLS } from '../../shared/assistant-tools';

const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');

describe('paper-digest mcp (MCP server over stdio, SDK client)', function () {
  this.timeout(60_000);
  let project: ReturnType<typeof tempProject>;
  let client: Client;
  let stderr = '';
  let outsideDir: string;

  before(async () => {
    outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-outside-'));
    fs.writeFileSync(path.join(outsideDir, 'secret.md'), seed);
    project = tempProject({
      'weekly.digest.md': seed,
      'README.md': '# Read me\n\n이 논문은 파인튜닝 없이 씁니다.\n',
      'notes.txt': '이 논문은 파인튜닝 없이 씁니다.\n',
      'team/.paper-digest/glossary.json': JSON.stringify({ terms: [{ ko: '우리 용어', en: 'our term', note: '팀이 정한 말' }] }),
    });
    fs.symlinkSync(path.join(outsideDir, 'secret.md'), path.join(project.dir, 'escape.md'));
    fs.symlinkSync(path.join(project.dir, 'notes.txt'), path.join(project.dir, 'link.md'));
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--locale', 'en'], cwd: project.dir, stderr: 'pipe' });
    transport.stderr?.on('data', d => { stderr += String(d); });
    client = new Client({ name: 'paper-digest-test', version: '1' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    project?.cleanup();
    fs.rmSync(outsideDir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const data = (r: CallToolResult) => {
    assert.ok(!r.isError, JSON.stringify(r.content));
    const text = JSON.parse((r.content[0] as { text: string }).text);
    assert.deepStrictEqual(r.structuredContent, text, 'the text and the structured content agree');
    return text;
  };
  const errorText = (r: CallToolResult) => {
    assert.strictEqual(r.isError, true, JSON.stringify(r.content));
    return (r.content[0] as { text: string }).text;
  };

  it('lists the four tools with the shared descriptions and schemas, read-only ones marked', async () => {
    const { tools } = await client.listTools();
    assert.deepStrictEqual(tools.map(t => t.name), ['check_digest', 'lookup_term', 'fix_digest', 'update_toc']);
    for (const def of Object.values(ASSISTANT_TOOLS)) {
      const t = tools.find(x => x.name === def.mcpName)!;
      assert.strictEqual(t.description, def.description);
      assert.ok(!('uri' in (t.inputSchema.properties ?? {})), 'MCP tools take paths, not editor URIs');
      assert.strictEqual(t.annotations?.readOnlyHint, !def.writes, def.mcpName);
    }
  });

  it('check_digest: counts and the most severe findings first, with 1-based places; an unsaved text is checked instead of the file', async () => {
    const r = data(await call('check_digest', { path: 'weekly.digest.md', maxFindings: 5 }));
    assert.strictEqual(r.profile, 'weekly-digest-ko');
    assert.strictEqual(r.findings.length, 5);
    const total = Object.values(r.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.strictEqual(r.omitted, total - 5);
    assert.ok(r.autoFixable > 0);
    const promo = r.findings.find((f: { rule: string }) => f.rule === 'promo-content');
    assert.deepStrictEqual([promo.line, promo.column], [1, 1]);
    const draft = data(await call('check_digest', { path: 'weekly.digest.md', text: seed.replace(/^.*구독 시.*\n/m, '') }));
    assert.ok(draft.counts.warning < r.counts.warning, 'the draft lacks one promo line');
    assert.strictEqual(fs.readFileSync(path.join(project.dir, 'weekly.digest.md'), 'utf8'), seed, 'checking writes nothing');
    assert.strictEqual(r.isDigest, true);
    const readme = data(await call('check_digest', { path: 'README.md' }));
    assert.strictEqual(readme.isDigest, false);
    assert.match(readme.note, /not a digest/, 'a clean README is not reported as a clean digest');
  });

  it('lookup_term: English, Korean, abbreviation and avoided spellings find the entry; a folder\'s own glossary is used', async () => {
    const en = data(await call('lookup_term', { term: 'fine-tuning' }));
    assert.deepStrictEqual([en.terms[0].ko, en.terms[0].match], ['미세 조정', 'en']);
    assert.strictEqual(en.terms[0].firstMention, '미세 조정(fine-tuning)');
    assert.strictEqual(data(await call('lookup_term', { term: '파인튜닝' })).terms[0].match, 'avoided');
    const abbr = data(await call('lookup_term', { term: 'RAG' })).terms[0];
    assert.strictEqual(abbr.abbr, 'RAG');
    assert.match(abbr.firstMention, /\(.+, RAG\)$/);
    const absent = data(await call('lookup_term', { term: 'our term' }));
    assert.deepStrictEqual(absent.terms, [], 'not in the root\'s glossary');
    assert.match(absent.note, /not in the glossary/);
    assert.match(errorText(await call('lookup_term', { term: 'x', path: 'no/such/folder' })), /does not exist/);
    assert.deepStrictEqual(data(await call('lookup_term', { term: 'DiT' })).terms.map((x: { match: string }) => x.match), ['abbr'], 'no words that merely contain "dit"');
    assert.strictEqual(data(await call('lookup_term', { term: '미세 조정을' })).terms[0].ko, '미세 조정', 'a particle after the term');
    const team = data(await call('lookup_term', { term: 'our term', path: 'team' }));
    assert.deepStrictEqual([team.terms[0].ko, team.terms[0].note], ['우리 용어', '팀이 정한 말']);
    assert.ok(team.glossaries.includes('team/.paper-digest/glossary.json'), team.glossaries.join());
    assert.strictEqual(team.terms[0].glossary, 'team/.paper-digest/glossary.json', 'paths relative to the root');
    // A term that needs no English is written alone at its first mention.
    const never = data(await call('lookup_term', { term: 'optimizer' })).terms.find((t: { original: string }) => t.original === 'never');
    assert.ok(never, 'the built-in glossary has a term that needs no English');
    assert.strictEqual(never.firstMention, never.ko);
  });

  it('fix_digest: dry run shows a diff and writes nothing; then writes the safe fixes, and what is left is listed', async () => {
    const file = path.join(project.dir, 'weekly.digest.md');
    const dry = data(await call('fix_digest', { path: 'weekly.digest.md', dryRun: true }));
    assert.strictEqual(dry.written, false);
    assert.match(dry.diff, /^--- a\/weekly\.digest\.md/m);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), seed);
    const before = data(await call('check_digest', { path: 'weekly.digest.md' }));
    const done = data(await call('fix_digest', { path: 'weekly.digest.md' }));
    assert.strictEqual(done.written, true);
    assert.ok(done.fixed > 0);
    assert.notStrictEqual(fs.readFileSync(file, 'utf8'), seed);
    assert.strictEqual(done.remaining.autoFixable, 0, 'nothing safe is left');
    const after = data(await call('check_digest', { path: 'weekly.digest.md' }));
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    assert.ok(sum(after.counts) < sum(before.counts));
    fs.writeFileSync(file, seed);
  });

  it('update_toc: returns the table from the headings; dry run leaves the file', async () => {
    const file = path.join(project.dir, 'weekly.digest.md');
    const broken = seed.replace(/^(\d+\.\s*)LLM 발전 및 기술 보고서/m, '$1옛 제목');
    assert.notStrictEqual(broken, seed, 'the seed has the TOC line');
    fs.writeFileSync(file, broken);
    const dry = data(await call('update_toc', { path: 'weekly.digest.md', dryRun: true }));
    assert.strictEqual(dry.changed, true);
    assert.match(dry.toc, /LLM 발전 및 기술 보고서/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken);
    assert.strictEqual(data(await call('update_toc', { path: 'weekly.digest.md' })).written, true);
    assert.match(fs.readFileSync(file, 'utf8'), /^\d+\.\s*LLM 발전 및 기술 보고서/m);
    fs.writeFileSync(file, seed);
  });

  it('bad input is a tool error the model can read, and the server keeps serving', async () => {
    assert.match(errorText(await call('lookup_term', {})), /required property 'term'/);
    assert.match(errorText(await call('check_digest', { path: 'weekly.digest.md', maxFindings: 0 })), /maxFindings/);
    assert.match(errorText(await call('check_digest', { path: 'weekly.digest.md', colour: 'red' })), /colour/);
    assert.match(errorText(await call('check_digest', { path: '../outside.md' })), /outside the workspace root/);
    assert.match(errorText(await call('fix_digest', { path: 'escape.md' })), /outside the workspace root/, 'a symlink out of the root');
    assert.match(errorText(await call('check_digest', { path: path.join(outsideDir, 'secret.md') })), /outside the workspace root/, 'an absolute path elsewhere');
    assert.match(errorText(await call('fix_digest', { path: 'notes.txt' })), /not a Markdown file/);
    assert.match(errorText(await call('fix_digest', { path: 'link.md' })), /not a Markdown file/, 'a .md link to a text file');
    assert.strictEqual(fs.readFileSync(path.join(project.dir, 'notes.txt'), 'utf8'), '이 논문은 파인튜닝 없이 씁니다.\n', 'the text file is untouched');
    assert.match(errorText(await call('fix_digest', { path: 'README.md' })), /not a digest/, 'only digests are changed');
    assert.match(fs.readFileSync(path.join(project.dir, 'README.md'), 'utf8'), /파인튜닝/);
    assert.match(errorText(await call('fix_digest', {})), /required property 'path'/);
    assert.match(errorText(await call('check_digest', { path: 'missing.md' })), /Cannot read missing\.md/);
    assert.match(errorText(await call('no_such_tool', {})), /Unknown tool/);
    assert.strictEqual(data(await call('check_digest', { path: 'weekly.digest.md' })).profile, 'weekly-digest-ko');
  });

  it('the effective glossary is a resource, for the root and for a folder', async () => {
    const { resources } = await client.listResources();
    assert.deepStrictEqual(resources.map(r => r.uri), ['paper-digest://glossary']);
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.deepStrictEqual(resourceTemplates.map(r => r.uriTemplate), ['paper-digest://glossary/{+folder}']);
    const rootGlossary = JSON.parse(((await client.readResource({ uri: 'paper-digest://glossary' })).contents[0] as { text: string }).text);
    assert.ok(rootGlossary.terms.length > 100 && rootGlossary.terms.some((t: { en: string }) => t.en === 'fine-tuning'));
    assert.ok(!rootGlossary.terms.some((t: { en: string }) => t.en === 'our term'));
    const team = JSON.parse(((await client.readResource({ uri: 'paper-digest://glossary/team' })).contents[0] as { text: string }).text);
    assert.ok(team.terms.some((t: { en: string }) => t.en === 'our term'));
    await assert.rejects(client.readResource({ uri: 'paper-digest://glossary/../..' }), /outside the workspace root/);
    assert.strictEqual(stderr, '', 'nothing on stderr');
  });

  it('a --root that is not a folder, or a bad --locale, is a usage error (exit 2)', () => {
    const r = run(['mcp', '--root', path.join(project.dir, 'nope')], project.dir);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /is not a folder/);
    assert.strictEqual(run(['mcp', '--locale', 'fr'], project.dir).code, 2);
  });

  it('a root given through a symlink: absolute paths built from it are inside; results name files as asked', async () => {
    const link = path.join(outsideDir, 'ws-link');
    fs.symlinkSync(project.dir, link);
    const other = new Client({ name: 'paper-digest-test-2', version: '1' });
    await other.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--root', link, '--locale', 'en'], cwd: outsideDir, stderr: 'pipe' }));
    try {
      const r = (await other.callTool({ name: 'check_digest', arguments: { path: path.join(link, 'weekly.digest.md') } })) as CallToolResult;
      assert.ok(!r.isError, JSON.stringify(r.content));
      assert.strictEqual((r.structuredContent as { file: string }).file, 'weekly.digest.md');
      const out = (await other.callTool({ name: 'check_digest', arguments: { path: path.join(outsideDir, 'secret.md') } })) as CallToolResult;
      assert.strictEqual(out.isError, true, 'still nothing outside the root');
    } finally { await other.close(); }
  });
});
