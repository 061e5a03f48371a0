import stringWidth from 'string-width';

/** Terminal columns of a string (a Hangul syllable or an emoji takes two; ANSI colours none). */
export const columns = (s: string): number => stringWidth(s);

/** `s` padded with spaces to `width` terminal columns (String.padEnd counts UTF-16 units, not columns). */
export const padColumns = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - columns(s)));

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `s` with their offsets: what a terminal draws as one character. */
export const graphemes = (s: string): Iterable<{ segment: string; index: number }> => segmenter.segment(s);

/** `s` cut to at most `max` columns, ending in "..." when cut; never splits a grapheme. */
export function fitColumns(s: string, max: number): string {
  if (columns(s) <= max) return s;
  let out = '', width = 0;
  for (const { segment } of graphemes(s)) {
    const w = columns(segment);
    if (width + w > max - 3) break;
    out += segment;
    width += w;
  }
  return out + '...';
}

/**
 * Text from a document made safe for a terminal: control characters (ESC, CR, BEL…) shown as
 * U+FFFD, so a digest cannot move the cursor, clear the screen, write the clipboard (OSC 52) or hide
 * findings when its line is printed. Tabs become a space.
 */
export const printable = (s: string): string => s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
