/** Pure text logic of "Treat This File as a Digest" (no `vscode` import, so it is unit-tested). */

/**
 * The edit that opts a file in: `paper-digest: true` added to existing front matter (replacing
 * a `paper-digest: false` line), or new front matter at the top. Null when already opted in.
 */
export function treatAsDigestEdit(text: string, eol: string): { start: number; end: number; text: string } | null {
  const fm = /^(\uFEFF?)---[ \t]*(\r?\n)(?:([\s\S]*?)(\r?\n))?(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  if (fm) {
    const body = fm[3] ?? '';
    const bodyStart = fm[1].length + 3 + fm[2].length;
    if (/^paper-digest:\s*(true|yes)\s*$/m.test(body)) return null;
    const existing = /^paper-digest:.*$/m.exec(body);
    if (existing) return { start: bodyStart + existing.index, end: bodyStart + existing.index + existing[0].length, text: 'paper-digest: true' };
    return { start: bodyStart, end: bodyStart, text: `paper-digest: true${fm[2]}` };
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: bom, end: bom, text: `---${eol}paper-digest: true${eol}---${eol}${eol}` };
}
