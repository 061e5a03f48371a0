import { tocListText, tocRewriteEdit } from '../../engine/toc';
import type { CliIO } from '../io';
import { editCommand } from './single-file';

export const TOC_USAGE = `Usage: paper-digest toc FILE [--write | --diff] [--profile ID|PATH] [--config PATH]

Prints the table of contents built from the section headings ("N. title" per section), in the
existing TOC's style: a linked TOC stays linked ("N. [title](#anchor)", GitHub's anchors), a
bulleted one keeps its bullet, a plain one stays plain.
Exit 1 when the digest has no table of contents to rewrite.

Options:
  -w, --write         rewrite the file's table of contents in place (atomically)
  --diff              print the change as a unified diff instead
  --profile ID|PATH   profile id or profile JSON file, as for lint
  --config PATH       use this configuration file instead of looking for .paperdigestrc.json
  --locale ko|en      message language (default: PAPER_DIGEST_LOCALE, then LANG)
  -h, --help          show this help
`;

export function tocCommand(argv: string[], io: CliIO): number {
  return editCommand(argv, io, {
    usage: TOC_USAGE,
    nothing: 'no-toc',
    edits: d => {
      const e = tocRewriteEdit(d.outcome.result.digest);
      return e && [e];
    },
    // The list as it would be written, with the document's own line breaks normalised to \n.
    print: d => {
      const e = tocRewriteEdit(d.outcome.result.digest)!;
      return tocListText(e) + '\n';
    },
  });
}
