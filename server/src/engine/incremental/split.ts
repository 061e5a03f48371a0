/**
 * Where a document may be cut into chunks: the starts of lines that open an ATX heading at
 * column 0 (`#`…`######` then a space, tab or line end), outside front matter, and, as far as
 * a cheap line scan can tell, outside fenced code and HTML comments.
 *
 * The scan only saves work: the parser verifies every cut (see parser.ts), so a wrong
 * guess costs a merge, never a wrong tree. Front matter is the exception the parser cannot
 * verify (it is recognised only on line 1), so its extent is computed here exactly as
 * micromark-extension-frontmatter does: `---` on line 1 to the next `---` line.
 */
export function headingCandidates(text: string): number[] {
  const cuts: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLine = i;
  let fence: string | null = null;
  let comment = false;
  let minCut = 0;

  if (/^---[ \t]*(?:\r\n|\r|\n)/.test(text.slice(i, i + 64))) {
    // Front matter: no cut before the closing fence. Without a closing fence there is no front
    // matter, but the failed attempt leaves micromark-extension-frontmatter (2.0) in a state
    // that changes how later lines parse (`-` then `--` becomes a heading), so no cuts at all.
    const close = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
    close.lastIndex = i + 3;
    const m = close.exec(text);
    if (!m) return [];
    minCut = m.index + m[0].length;
  }

  while (i < text.length) {
    let eol = i;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1) : eol;
    const c = text.charCodeAt(i);
    if (fence) {
      if (c === 32 || c === 96 || c === 126) {
        const line = text.slice(i, eol);
        const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null;
      }
    } else if (comment) {
      if (text.slice(i, eol).includes('-->')) comment = false;
    } else if (c === 35 /* # */) {
      if (i > firstLine && i >= minCut && /^#{1,6}(?:[ \t]|$)/.test(text.slice(i, Math.min(eol, i + 8)))) cuts.push(i);
    } else if (c === 32 || c === 96 || c === 126) {
      const m = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)/.exec(text.slice(i, eol));
      if (m && !(m[1][0] === '`' && m[2].includes('`'))) fence = m[1];
    } else if (c === 60 /* < */) {
      const line = text.slice(i, eol);
      if (line.startsWith('<!--') && !line.slice(4).includes('-->')) comment = true;
    }
    i = next;
  }
  return cuts;
}
