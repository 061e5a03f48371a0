import { renumberEdits } from '../../engine/renumber';
import type { CliIO } from '../io';
import { editCommand } from './single-file';

export const RENUMBER_USAGE = `Usage: paper-digest renumber FILE [--write | --diff] [--profile ID|PATH] [--config PATH]

Renumbers sections 1..n and papers N.1..N.m in document order and prints the result.
  --write, -w   rewrite the file in place (atomically)
  --diff        print the change as a unified diff instead
`;

export function renumberCommand(argv: string[], io: CliIO): number {
  return editCommand(argv, io, {
    usage: RENUMBER_USAGE,
    nothing: 'no-sections',
    edits: d => renumberEdits(d.outcome.result.digest),
    print: (d, fixed) => (d.source.bom ? '\uFEFF' : '') + fixed,
  });
}
