import type { Root, RootContent, Nodes } from 'mdast';
import type { Point, Position } from 'unist';
import { parseMarkdown, shiftPositions } from '../parse';
import { simplifyForParsing, rememberGuard, type Simplification } from '../simplify';
import { headingCandidates } from './split';
import { runSteps, runStepsAsync } from '../steps';

/**
 * Incremental parsing: the document is cut into chunks just before ATX headings at column 0,
 * each chunk is parsed alone (cached by its text), and the chunks' trees are stitched into
 * one Root, position for position the same as parsing the whole text.
 *
 * Why it is exact: a line starting with `#` at column 0 closes every open container and
 * paragraph (headings are never lazy continuations) unless an open fenced code or HTML block
 * swallows it. So each chunk is parsed with a sentinel heading line (`#`) appended; if the
 * sentinel comes back as a top-level heading, the heading at the boundary is a real boundary
 * in the full parse too, and the chunk's other nodes are what the full parse makes of them
 * (a heading follows in both). Otherwise the chunk is merged with the next one and retried.
 * What crosses chunks after that makes the parser fall back to one full parse: link and
 * footnote definitions (a definition anywhere resolves references everywhere), and the parse
 * guard of simplify.ts (its pre-scan runs over the whole text and may change how all of it is
 * parsed, e.g. no bare-URL autolinks anywhere once one paragraph is huge).
 *
 * Why it is fast: remark-parse costs more than linearly in the document's length, and after
 * an edit only the edited chunk is parsed again.
 */

interface Entry {
  /** The sentinel came back as a heading: the chunk ends cleanly. */
  ok: boolean;
  /**
   * Top-level nodes (sentinel removed), with positions as placed at `at`: parsed relative to the
   * chunk, and moved in place where the chunk is first placed (no copy for a document's first parse).
   */
  children: RootContent[];
  at: { start: number; line: number };
  end: Point;
  /** The chunk holds a link or footnote definition, or was parsed from a simplified copy. */
  needsWhole: boolean;
  /**
   * The parse guard's scan of the chunk on its own changes nothing and ends outside a fence. A
   * heading line outside a fence resets the scan's state, so when every chunk is clean the scan of
   * the whole text is too, and need not be made.
   */
  guardClean: boolean;
  /** Line breaks in the chunk's text. */
  lineBreaks: number;
  /** The nodes as last placed in a document, at this offset and line. */
  placed?: { start: number; line: number; nodes: RootContent[] };
}

export interface IncrementalStats {
  chunks: number;
  parsed: number;
  reused: number;
  merges: number;
  fullParse: boolean;
}

const SENTINEL = '#';

export class IncrementalParser {
  private cache = new Map<string, Entry>();
  private last: { text: string; root: Root } | null = null;
  /** Counters of the last parse, for logs, tests and the benchmark. */
  stats: IncrementalStats = { chunks: 0, parsed: 0, reused: 0, merges: 0, fullParse: false };

  /**
   * Parses `text` as parseMarkdown would, reusing the chunks of earlier calls. Treat the tree as
   * read-only: unchanged chunks share their nodes with the trees of earlier calls.
   */
  parse(text: string): Root {
    return runSteps(this.parseSteps(text));
  }

  /**
   * The same parse in slices of about `sliceMs`, yielding to the event loop between them so a
   * language server stays responsive on a big document; resolves undefined as soon as
   * `cancelled()` says the text is stale.
   */
  async parseAsync(text: string, cancelled: () => boolean = () => false, sliceMs = 20): Promise<Root | undefined> {
    return runStepsAsync(this.parseSteps(text), cancelled, sliceMs);
  }

  /** The parse, yielding after each chunk it had to parse afresh (see steps.ts). */
  *parseSteps(text: string): Generator<void, Root> {
    if (this.last?.text === text) return this.last.root;
    // The parse guard's scan is whole-text (fence state, one switch for the whole document): when it
    // changes anything, only a whole parse gives parseMarkdown's tree. It is made only when some
    // chunk's own scan is not clean (see Entry.guardClean); unchanged chunks keep theirs.
    const wholeParse = (guard = simplifyForParsing(text)) => {
      this.stats = { chunks: 1, parsed: 1, reused: 0, merges: 0, fullParse: true };
      return this.remember(text, parseMarkdown(text, guard));
    };
    const next = new Map<string, Entry>();
    const stats: IncrementalStats = { chunks: 0, parsed: 0, reused: 0, merges: 0, fullParse: false };
    this.stats = stats;
    const cuts = headingCandidates(text);
    const pieces: { start: number; line: number; entry: Entry }[] = [];
    let start = 0, line = 0;
    for (let i = 0; i <= cuts.length; i++) {
      const last = i === cuts.length;
      const end = last ? text.length : cuts[i];
      const chunk = text.slice(start, end);
      const key = last ? chunk : chunk + '\0';
      let entry = next.get(key) ?? this.cache.get(key);
      const fresh = !entry;
      if (entry) stats.reused++;
      else { entry = parseChunk(chunk, last); stats.parsed++; }
      next.set(key, entry);
      if (fresh) yield;
      if (!entry.ok) { stats.merges++; continue; }
      // A chunk after the first must open with its heading (it always does: ATX beats tables),
      // and a definition anywhere changes references everywhere: both need the whole text.
      const opensWithHeading = entry.children[0]?.type === 'heading' && entry.children[0].position?.start.offset === entry.at.start;
      if ((start > 0 && !opensWithHeading) || entry.needsWhole) {
        this.cache = next;
        return wholeParse();
      }
      pieces.push({ start, line, entry });
      // Pieces are consecutive: the next one starts as many lines further as this chunk holds.
      line += entry.lineBreaks;
      start = end;
    }
    this.cache = next;
    stats.chunks = pieces.length;
    if (!pieces.every(p => p.entry.guardClean)) {
      const guard = simplifyForParsing(text);
      if (guard.text !== text || guard.lines.length || guard.noAutolinks) return wholeParse(guard);
    }

    const children: RootContent[] = [];
    for (const { start, line, entry } of pieces) {
      // A chunk placed for the first time has its own nodes moved there, in place: no tree has them
      // yet. Nodes already placed at this offset and line are reused; moved chunks get moved copies.
      if (!entry.placed) {
        if (start !== 0 || line !== 0) for (const c of entry.children) shiftPositions(c, start, line);
        entry.at = { start, line };
        entry.placed = { start, line, nodes: entry.children };
      } else if (entry.placed.start !== start || entry.placed.line !== line) {
        const by = start - entry.at.start, lineBy = line - entry.at.line;
        entry.placed = { start, line, nodes: by === 0 && lineBy === 0 ? entry.children : entry.children.map(c => placedCopy(c, by, lineBy)) };
      }
      for (const c of entry.placed.nodes) children.push(c);
    }
    const lastPiece = pieces[pieces.length - 1];
    const root: Root = { type: 'root', children };
    rememberGuard(root, CLEAN_GUARD);
    root.position = {
      start: { line: 1, column: 1, offset: text.charCodeAt(0) === 0xfeff ? 1 : 0 },
      end: shiftPoint(lastPiece.entry.end, lastPiece.start, lastPiece.line),
    };
    return this.remember(text, root);
  }

  private remember(text: string, root: Root): Root {
    this.last = { text, root };
    return root;
  }
}

/** What the parse guard makes of a text that needs nothing (rememberGuard keeps it with the tree). */
const CLEAN_GUARD: Simplification = { text: '', lines: [], kinds: [], first: {}, noAutolinks: false };

function parseChunk(chunk: string, last: boolean): Entry {
  // Only the first chunk can hold a BOM or front matter; parseMarkdown handles both. The guard's
  // scan of the text parsed is also the chunk's own: the sentinel line changes nothing in it.
  const parsed = last ? chunk : chunk + SENTINEL;
  const scan = simplifyForParsing(parsed);
  const root = parseMarkdown(parsed, scan);
  const kids = root.children;
  let ok = true;
  if (!last) {
    const s = kids[kids.length - 1];
    ok = !!s && s.type === 'heading' && s.depth === 1 && s.children.length === 0 && s.position?.start.offset === chunk.length;
    if (!ok) return { ok, children: [], at: { start: 0, line: 0 }, end: root.position!.end, needsWhole: false, guardClean: false, lineBreaks: 0 };
    kids.pop();
  }
  const guardClean = scan.text === parsed && !scan.lines.length && !scan.noAutolinks && !scan.endsInFence;
  return { ok, children: kids, at: { start: 0, line: 0 }, end: root.position!.end, needsWhole: !!root.data?.simplified || kids.some(hasDefinition), guardClean, lineBreaks: countLines(chunk, 0, chunk.length) };
}

function hasDefinition(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'definition' || n.type === 'footnoteDefinition') return true;
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return false;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function shiftPoint(p: Point, by: number, lineBy: number): Point {
  return { line: p.line + lineBy, column: p.column, offset: p.offset === undefined ? undefined : p.offset + by };
}

const origins = new WeakMap<Nodes, Nodes>();

/**
 * The node a top-level node was copied from: the chunk's own node, the same object for as long as
 * the chunk's text is unchanged, wherever the chunk moves. A node that is no copy is its own origin.
 * Same origin, same text: later checks key what they keep of a block by it (see part-memo.ts).
 */
export function originOf(node: Nodes): Nodes {
  return origins.get(node) ?? node;
}

function placedCopy(node: RootContent, by: number, lineBy: number): RootContent {
  const copy = shifted(node, by, lineBy);
  origins.set(copy, node);
  return copy;
}

/** A copy of the node with positions moved; cached nodes stay untouched (earlier Roots keep working). */
function shifted<T extends Nodes>(node: T, by: number, lineBy: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  const p = node.position;
  if (p) copy.position = { start: shiftPoint(p.start, by, lineBy), end: shiftPoint(p.end, by, lineBy) } as Position;
  if ('children' in node) {
    const kids = node.children as Nodes[];
    const out = new Array<Nodes>(kids.length);
    for (let i = 0; i < kids.length; i++) out[i] = shifted(kids[i], by, lineBy);
    copy.children = out;
  }
  return copy;
}
