/**
 * Messages from the preview page, checked before use: the page renders document content, so a
 * message is treated as untrusted input (a document's own `data-line="-5"` once became a reveal
 * of line -5, which VS Code rejects with an error).
 */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'scrolled'; line: number }
  | { type: 'treatAsDigest' }
  /** What the page shows after a render: its view toggles, the `**` left visible, and where the outline is. */
  | { type: 'shown'; published: boolean; terms: boolean; asterisks: number; outline: 'beside' | 'bar' | 'hidden' };

/** The message as the panel may act on it, with lines clamped to the document; undefined when malformed. */
export function checkPageMessage(m: unknown, lineCount: number): PageMessage | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  const line = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(Math.floor(v), Math.max(0, lineCount - 1)) : undefined);
  switch (o.type) {
    case 'ready': return { type: 'ready' };
    case 'treatAsDigest': return { type: 'treatAsDigest' };
    case 'shown': {
      const count = typeof o.asterisks === 'number' && Number.isFinite(o.asterisks) && o.asterisks >= 0 ? Math.floor(o.asterisks) : undefined;
      const outline = o.outline === 'beside' || o.outline === 'bar' || o.outline === 'hidden' ? o.outline : undefined;
      if (count === undefined || !outline) return undefined;
      return { type: 'shown', published: o.published === true, terms: o.terms === true, asterisks: count, outline };
    }
    case 'scrolled': { const l = line(o.line); return l === undefined ? undefined : { type: 'scrolled', line: l }; }
    case 'reveal': {
      const l = line(o.line);
      if (l === undefined) return undefined;
      const c = o.character === undefined ? 0 : typeof o.character === 'number' && Number.isFinite(o.character) && o.character >= 0 ? Math.floor(o.character) : undefined;
      return c === undefined ? undefined : { type: 'reveal', line: l, character: c };
    }
    default: return undefined;
  }
}
