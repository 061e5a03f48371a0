/**
 * A character trie over every form of every glossary term, built once per glossary: matching
 * a document is one walk per candidate start position, whatever the glossary's size (the
 * issue's "one pass with a precompiled matcher", instead of a regex per entry per node).
 *
 * Keys are folded (lower-case for English, hyphens as spaces) and any run of whitespace in
 * the text matches one space in a key, so a term broken across a soft line break still matches.
 */
interface Node<T> { next: Map<string, Node<T>>; value?: T }

export interface TrieMatch<T> { start: number; end: number; value: T }

export class Trie<T> {
  private root: Node<T> = { next: new Map() };
  size = 0;

  /**
   * `fold` maps one character of a key; `foldText`, when given, folds a whole text at once to
   * a string of the same length (much faster than per character), else `fold` is used per char.
   */
  constructor(private fold: (ch: string) => string, private foldText?: (text: string) => string) {}

  private prepared(text: string): { t: string; fold: (ch: string) => string } {
    if (this.foldText) {
      const t = this.foldText(text);
      if (t.length === text.length) return { t, fold: ch => ch };
    }
    return { t: text, fold: this.fold };
  }

  normalise(key: string): string {
    let out = '';
    for (const ch of key.trim()) {
      const f = /\s/.test(ch) ? ' ' : this.fold(ch);
      if (f === ' ' && out.endsWith(' ')) continue;
      out += f;
    }
    return out;
  }

  /** Adds a key; an existing key keeps its first value unless `replace`. */
  add(key: string, value: T, replace = false): void {
    let n = this.root;
    for (const ch of this.normalise(key)) {
      let c = n.next.get(ch);
      if (!c) { c = { next: new Map() }; n.next.set(ch, c); }
      n = c;
    }
    if (n.value === undefined) this.size++;
    if (n.value === undefined || replace) n.value = value;
  }

  /** The longest key starting at `i` whose end satisfies `endOk`. */
  longestAt(text: string, i: number, endOk: (end: number) => boolean, fold = this.fold): TrieMatch<T> | undefined {
    let n: Node<T> | undefined = this.root;
    let best: TrieMatch<T> | undefined;
    let j = i;
    while (n && j < text.length) {
      let ch = text[j];
      let step = 1;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        while (j + step < text.length && /[ \t\n\r]/.test(text[j + step])) step++;
        ch = ' ';
      } else ch = fold(ch);
      n = n.next.get(ch);
      j += step;
      if (n?.value !== undefined && ch !== ' ' && endOk(j)) best = { start: i, end: j, value: n.value };
    }
    return best;
  }

  /** Leftmost-longest, non-overlapping matches at positions where `startOk` holds. */
  scan(text: string, startOk: (i: number) => boolean, endOk: (end: number) => boolean): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    const { t, fold } = this.prepared(text);
    const first = this.root.next;
    for (let i = 0; i < t.length;) {
      const m = startOk(i) && first.has(fold(t[i])) ? this.longestAt(t, i, endOk, fold) : undefined;
      if (m) { out.push(m); i = m.end; } else i++;
    }
    return out;
  }
}
