import { renumberEdits } from '../../engine/renumber';
import type { CliIO } from '../io';
import { editCommand } from './single-file';

export const RENUMBER_USAGE = `Usage: paper-digest renumber FILE [--write | --diff] [--profile ID|PATH] [--config PATH]

Renumbers sections 1..n and papers N.1..N.m in document order and prints the result.

Options:
  -w, --write         rewrite the file in place (atomically)
  --diff              print the change as a unified diff instead
  --profile ID|PATH   profile id or profile JSON file, as for lint
  --config PATH       use this configuration file instead of looking for .paperdigestrc.json
  --locale ko|en      message language (default: PAPER_DIGEST_LOCALE, then LANG)
  -h, --help          show this help
`;

export function renumberCommand(argv: string[], io: CliIO): number {
  return editCommand(argv, io, {
    usage: RENUMBER_USAGE,
    nothing: 'no-sections',
    edits: d => renumberEdits(d.outcome.result.digest),
    print: (d, fixed) => (d.source.bom ? '\uFEFF' : '') + fixed,
  });
}
