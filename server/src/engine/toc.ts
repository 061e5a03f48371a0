import type { Digest } from './digest';
import type { OffsetEdit } from './types';
import { detectEol } from './text';

/** The TOC list rewritten from the section headings ("N. title" per section), or null without a TOC. */
export function tocRewriteEdit(digest: Digest): OffsetEdit | null {
  const toc = digest.toc;
  if (!toc) return null;
  const eol = detectEol(digest.text);
  const lines = digest.sections.map((s, i) => `${i + 1}. ${s.heading.title}`).join(eol);
  if (toc.list) return { start: toc.list.span.start, end: toc.list.span.end, text: lines };
  return { start: toc.labelSpan.end, end: toc.labelSpan.end, text: eol + lines };
}
