import { renumberEdits } from '../engine/renumber';
import { LineIndex } from '../engine';
import { ServerCommands } from '../../../shared/protocol';
import type { Feature } from './context';
import { toTextEdits } from './lsp-convert';
import { tocRewriteEdit } from '../engine/toc';

/** Server-side commands: each computes edits and asks the client to apply them (undoable). */
export const commandsFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: Object.values(ServerCommands) } },
  register: ctx => ctx.connection.onExecuteCommand(async params => {
    const uri = String(params.arguments?.[0] ?? '');
    const a = ctx.analysisOf(uri);
    if (!a) return { applied: false, reason: 'not a digest' };
    const digest = a.outcome.result.digest;
    const index = new LineIndex(a.text);
    let edits;
    switch (params.command) {
      case ServerCommands.renumber: edits = renumberEdits(digest); break;
      case ServerCommands.updateToc: { const e = tocRewriteEdit(digest); edits = e ? [e] : []; break; }
      default: return { applied: false, reason: `unknown command ${params.command}` };
    }
    if (!edits.length) return { applied: true, changes: 0 };
    const r = await ctx.connection.workspace.applyEdit({ label: params.command, edit: { changes: { [uri]: toTextEdits(index, edits) } } });
    return { applied: r.applied, changes: edits.length };
  }),
};
