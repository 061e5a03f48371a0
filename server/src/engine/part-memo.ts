import type { Nodes, Root } from 'mdast';
import type { OffsetEdit, Span } from './types';
import { endOf, startOf } from './parse';
import { originOf } from './incremental/parser';

/** What the memo keeps and moves: a rule's report (rules/rule.ts), by its spans and edits. */
export interface Movable { span: Span; related?: { span: Span }[]; fixes?: { edits: OffsetEdit[] }[] }

/** A part's reports as worked out once, with what they depend on. */
interface Kept { context: string; origins: Nodes[]; base: number; reports: Movable[] }

/** At most this many versions of a part are kept per rule (a part's later chunks changing back and forth). */
const KEPT_PER_PART = 4;

/**
 * Rule results per part of one document (a paper entry, a group of blocks), kept from one check of
 * the document to the next, so that after an edit only the parts whose text changed are checked
 * again.
 *
 * A part is known by the origins of its top-level nodes (see originOf: a chunk's own node, the same
 * object while the chunk's text is unchanged, wherever the chunk moves), the text around it and the
 * rule's settings; nothing is hashed. Same origins, same text and the same parse: the incremental
 * parser gives chunk nodes only where each chunk parses on its own (a whole parse makes new nodes
 * each time, which are never found again). What is kept lives as long as those origins do, that is,
 * as long as the document's parser keeps their chunks.
 *
 * Not kept, so checked each time: a part whose span cuts through a node or holds none, and a part
 * with a report outside its span (a node without a position reports at 0, wherever the part is).
 *
 * One memo per document (the language server keeps it next to the document's parser); the CLI,
 * which checks a text once, passes none.
 */
export class PartMemo {
  private parts = new WeakMap<Nodes, Map<string, Kept[]>>();
  private values = new WeakMap<Nodes, unknown[]>();
  private occurrences = new Map<Nodes, number>();
  /** Parts of the last check: worked out afresh, reused, and not keepable. */
  stats = { computed: 0, reused: 0, unkept: 0 };

  /** Starts a check. */
  begin(): void {
    this.occurrences = new Map();
    this.stats = { computed: 0, reused: 0, unkept: 0 };
  }

  /**
   * The reports of the part at `span` (absolute spans), from `compute` or from an earlier check of
   * the same part with the same `settings` and `context` (the characters around it), moved to where
   * the part is now.
   */
  reports<R extends Movable>(settings: string, context: string, root: Root, text: string, span: Span, compute: () => R[]): R[] {
    const part = nodesIn(root, text, span);
    if (!part) { this.stats.unkept++; return compute(); }
    const ctx = `${context}\u0000${part.lead}\u0000${part.trail}`;
    let bySettings = this.parts.get(part.origins[0]);
    if (!bySettings) this.parts.set(part.origins[0], (bySettings = new Map()));
    let list = bySettings.get(settings);
    if (!list) bySettings.set(settings, (list = []));
    const kept = list.find(k => k.context === ctx && sameNodes(k.origins, part.origins));
    if (!kept) {
      const reports = compute();
      if (!reports.every(r => inside(r, span))) { this.stats.unkept++; return reports; }
      list.push({ context: ctx, origins: part.origins, base: span.start, reports });
      if (list.length > KEPT_PER_PART) list.shift();
      this.stats.computed++;
      return reports;
    }
    this.stats.reused++;
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

/** Every span and edit of the report lies within the part's span. */
function inside(r: Movable, span: Span): boolean {
  const within = (s: Span) => s.start >= span.start && s.end <= span.end;
  return within(r.span) && (r.related ?? []).every(x => within(x.span)) && (r.fixes ?? []).every(f => f.edits.every(within));
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
