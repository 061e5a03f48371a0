import type { Nodes, Root } from 'mdast';
import type { OffsetEdit, Span } from './types';
import { endOf, startOf } from './parse';
import { originOf } from './incremental/parser';

/** What the memo keeps and moves: a rule's report (rules/rule.ts), by its spans and edits. */
export interface Movable { span: Span; related?: { span: Span }[]; fixes?: { edits: OffsetEdit[] }[] }

/** A part's reports as worked out once, with what they depend on. */
interface Kept { settings: string; context: string; origins: Nodes[]; base: number; reports: Movable[] }

/** At most this many settings' results are kept per part (settings changing back and forth). */
const KEPT_PER_PART = 8;

/**
 * Rule results per part of one document (a paper entry, a top-level block), kept from one check of
 * the document to the next, so that after an edit only the parts whose text changed are checked
 * again.
 *
 * A part is known by the origins of its top-level nodes (see originOf: a chunk's own node, the same
 * object while the chunk's text is unchanged, wherever the chunk moves), the text around it and the
 * rule's settings; nothing is hashed. What is kept lives as long as those origins do, that is, as
 * long as the document's parser keeps their chunks. A part with no whole node is known by its text,
 * and kept from one check to the next only.
 *
 * One memo per document (the language server keeps it next to the document's parser); the CLI,
 * which checks a text once, passes none.
 */
export class PartMemo {
  private parts = new WeakMap<Nodes, Kept[]>();
  private keptByText = new Map<string, Kept>();
  private usedByText = new Map<string, Kept>();
  private values = new WeakMap<Nodes, unknown[]>();
  private occurrences = new Map<Nodes, number>();
  /** Parts of the last check: worked out afresh, and reused from the check before. */
  stats = { computed: 0, reused: 0 };

  /** Starts a check. */
  begin(): void {
    if (this.usedByText.size) this.keptByText = this.usedByText;
    this.usedByText = new Map();
    this.occurrences = new Map();
    this.stats = { computed: 0, reused: 0 };
  }

  /**
   * The reports of the part at `span` (absolute spans), from `compute` or from an earlier check of
   * the same part with the same `settings` and `context` (the characters around it), moved to where
   * the part is now.
   */
  reports<R extends Movable>(settings: string, context: string, root: Root, text: string, span: Span, compute: () => R[]): R[] {
    const part = nodesIn(root, text, span);
    let kept: Kept | undefined;
    if (part) {
      const ctx = `${context}\u0000${part.lead}\u0000${part.trail}`;
      let list = this.parts.get(part.origins[0]);
      kept = list?.find(k => k.settings === settings && k.context === ctx && sameNodes(k.origins, part.origins));
      if (!kept) {
        kept = { settings, context: ctx, origins: part.origins, base: span.start, reports: compute() };
        if (!list) this.parts.set(part.origins[0], (list = []));
        list.push(kept);
        if (list.length > KEPT_PER_PART) list.shift();
        this.stats.computed++;
      } else this.stats.reused++;
    } else {
      const key = `${settings}\u0000${context}\u0000${text.slice(span.start, span.end)}`;
      kept = this.usedByText.get(key) ?? this.keptByText.get(key);
      if (!kept) { kept = { settings, context, origins: [], base: span.start, reports: compute() }; this.stats.computed++; } else this.stats.reused++;
      this.usedByText.set(key, kept);
    }
    const by = span.start - kept.base;
    const reports = kept.reports as R[];
    return by === 0 ? reports : reports.map(r => moved(r, by));
  }

  /**
   * A value worked out from one top-level node (its text runs), kept as long as the node's origin.
   * The same origin twice in one document (a repeated section) gets a value each: a value may hold
   * where its node is (its run indexes).
   */
  nodeValue<T>(node: Nodes, compute: () => T): T {
    const origin = originOf(node);
    const n = this.occurrences.get(origin) ?? 0;
    this.occurrences.set(origin, n + 1);
    let list = this.values.get(origin);
    if (!list) this.values.set(origin, (list = []));
    return (list[n] ??= compute()) as T;
  }
}

/**
 * The origins of the top-level nodes in `span`, and the gaps at its two ends (those between its
 * nodes belong to their chunks); undefined where the span cuts through a node or holds none.
 */
function nodesIn(root: Root, text: string, span: Span): { origins: Nodes[]; lead: string; trail: string } | undefined {
  const kids = root.children;
  let lo = 0, hi = kids.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (startOf(kids[m]) < span.start) lo = m + 1; else hi = m; }
  if (lo > 0 && endOf(kids[lo - 1]) > span.start) return undefined;
  const origins: Nodes[] = [];
  let i = lo, last = span.start;
  for (; i < kids.length && startOf(kids[i]) < span.end; i++) {
    if (endOf(kids[i]) > span.end) return undefined;
    origins.push(originOf(kids[i]));
    last = endOf(kids[i]);
  }
  if (!origins.length) return undefined;
  return { origins, lead: text.slice(span.start, startOf(kids[lo])), trail: text.slice(last, span.end) };
}

function sameNodes(a: Nodes[], b: Nodes[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function moved<R extends Movable>(r: R, by: number): R {
  return {
    ...r,
    span: shift(r.span, by),
    ...(r.related ? { related: r.related.map(x => ({ ...x, span: shift(x.span, by) })) } : {}),
    ...(r.fixes ? { fixes: r.fixes.map(f => ({ ...f, edits: f.edits.map(e => ({ ...e, start: e.start + by, end: e.end + by })) })) } : {}),
  };
}

const serials = new WeakMap<object, number>();
let nextSerial = 0;
/** A number for an object's identity (a profile, a compiled glossary), for memo keys. */
export function serial(o: object | undefined): number {
  if (!o) return -1;
  let n = serials.get(o);
  if (n === undefined) serials.set(o, (n = nextSerial++));
  return n;
}
