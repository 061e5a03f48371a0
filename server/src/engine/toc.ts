import type { Digest } from './digest';
import type { OffsetEdit } from './types';
import { detectEol } from './text';

/** The TOC lines for the sections: "N. title" each, keeping a bulleted TOC's bullet ("- 1. title"). */
export function tocLines(digest: Digest, eol: string): string {
  const list = digest.toc?.list;
  const first = list ? digest.text.slice(list.span.start, list.items[0]?.span.end ?? list.span.end) : '';
  const bullet = list && !list.ordered ? (/^[-*+]/.exec(first)?.[0] ?? '-') : null;
  return digest.sections.map((s, i) => `${bullet ? bullet + ' ' : ''}${i + 1}. ${s.heading.title}`).join(eol);
}

/** The TOC list rewritten from the section headings, or null without a TOC (the CLI's `toc` exits 1 then). */
export function tocRewriteEdit(digest: Digest): OffsetEdit | null {
  const toc = digest.toc;
  if (!toc) return null;
  const eol = detectEol(digest.text);
  const lines = tocLines(digest, eol);
  if (toc.list) return { start: toc.list.span.start, end: toc.list.span.end, text: lines };
  return { start: toc.labelSpan.end, end: toc.labelSpan.end, text: eol + eol + lines };
}
