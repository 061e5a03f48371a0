/**
 * The assistant tools for VS Code's language model tools (the client registers them with
 * vscode.lm.registerTool and forwards each call here): the same tools and schemas as
 * `paper-digest mcp`, on the open document. Fixes and the TOC come back as edits the client
 * applies, so they are undoable and nothing is written behind the editor's back.
 */
import { applyEdits, LineIndex, message } from '../engine';
import { assistCheck, lookupTerms } from '../engine/assistant';
import { fixAll } from '../engine/fix-all';
import { tocListText, tocRewriteEdit } from '../engine/toc';
import { inputProblems, validator } from '../engine/json-file';
import { ASSISTANT_TOOLS, toolInputSchema } from '../../../shared/assistant-tools';
import { AssistantToolRequest, type AssistantToolAnswer, type AssistantToolParams } from '../../../shared/protocol';
import type { Feature, ServerContext } from './context';

type Input = { maxFindings?: number; term?: string; dryRun?: boolean };

export function runAssistantTool(ctx: ServerContext, p: AssistantToolParams): AssistantToolAnswer {
  const locale = ctx.locale(p.uri);
  const fail = (id: string, data: Record<string, unknown> = {}): AssistantToolAnswer => ({ ok: false, error: message(locale, id, data) });
  const tool = Object.hasOwn(ASSISTANT_TOOLS, p.tool) ? ASSISTANT_TOOLS[p.tool] : undefined;
  if (!tool) return fail('assistant/unknown-tool', { name: p.tool });
  const validate = validator(toolInputSchema(tool, 'vscode'));
  const input = (p.input ?? {}) as Input;
  if (!validate(input)) {
    return fail('assistant/bad-input', { problems: inputProblems(validate.errors) });
  }
  const shown = ctx.workspacePath(p.uri);
  const doc = ctx.documents.get(p.uri);

  if (p.tool === 'lookup') {
    // The document's glossary; without an open document, the glossary a digest at that place would use.
    const glossary = ctx.analysisOf(p.uri)?.outcome.glossary ?? ctx.setupOf(p.uri, doc?.getText() ?? '').glossary;
    return { ok: true, result: { term: input.term!, terms: lookupTerms(glossary.glossary, input.term!) as unknown as Record<string, unknown>[] } };
  }
  if (!doc) return fail('assistant/no-document');
  const a = ctx.analysisOf(p.uri);
  if (!a) return fail('assistant/not-a-digest', { path: shown });
  if (p.tool === 'check') return { ok: true, result: assistCheck(a.outcome, shown, input.maxFindings ?? 30) as unknown as Record<string, unknown> };
  const index = new LineIndex(a.text);
  const whole = { start: index.positionAt(0), end: index.positionAt(a.text.length) };
  if (p.tool === 'fix') {
    const r = fixAll(a.text, t => ctx.lint(p.uri, t), o => o.result.findings, a.outcome);
    const changed = r.text !== a.text;
    return {
      ok: true,
      result: { file: shown, fixed: r.fixed, applied: changed && !input.dryRun, remaining: assistCheck(r.outcome, shown) as unknown as Record<string, unknown> },
      ...(changed && !input.dryRun ? { edits: [{ range: whole, newText: r.text }], version: a.version } : {}),
    };
  }
  const edit = tocRewriteEdit(a.outcome.result.digest);
  if (!edit) return fail('assistant/no-toc', { path: shown });
  const changed = applyEdits(a.text, [edit]).text !== a.text;
  return {
    ok: true,
    result: { file: shown, changed, applied: changed && !input.dryRun, toc: tocListText(edit).trimEnd() },
    ...(changed && !input.dryRun ? { edits: [{ range: index.range(edit), newText: edit.text }], version: a.version } : {}),
  };
}

export const assistantToolsFeature: Feature = {
  register: ctx => ctx.connection.onRequest(AssistantToolRequest, (p: AssistantToolParams) => runAssistantTool(ctx, p)),
};
