import type { Root } from 'mdast';
import type { Report } from './rules/rule';
import type { Span } from './types';
import { endOf, startOf } from './parse';
import { originOf } from './incremental/parser';

interface Kept { base: number; reports: Report[] }

/**
 * Rule results per part of one document (a paper entry, a top-level block), kept from one check of
 * the document to the next, so that after an edit only the parts whose text changed are checked
 * again. A part is known by its rule, the check's settings and its text. After each check only what
 * that check used is kept: the memo holds one version of the document, however long the session.
 *
 * One memo per document (the language server keeps it next to the document's parser); the CLI,
 * which checks a text once, passes none.
 */
export class PartMemo {
  private kept = new Map<string, Map<string, Kept>>();
  private used = new Map<string, Map<string, Kept>>();
  private keptValues = new Map<string, unknown>();
  private usedValues = new Map<string, unknown>();
  private occurrences = new Map<string, number>();
  /** Parts of the last check: worked out afresh, and reused from the check before. */
  stats = { computed: 0, reused: 0 };

  /** Starts a check: what the previous one used is what this one may reuse. */
  begin(): void {
    if (this.used.size) this.kept = this.used;
    this.used = new Map();
    if (this.usedValues.size) this.keptValues = this.usedValues;
    this.usedValues = new Map();
    this.occurrences = new Map();
    this.stats = { computed: 0, reused: 0 };
  }

  /**
   * The reports of the part at `span` (absolute spans), from `compute` or from an earlier check
   * with the same key, moved to where the part is now.
   */
  reports(settings: string, key: string, span: Span, compute: () => Report[]): Report[] {
    // By the rule's settings, then by the part: the settings string is the same for all parts of a check.
    let used = this.used.get(settings);
    if (!used) this.used.set(settings, (used = new Map()));
    let kept = used.get(key) ?? this.kept.get(settings)?.get(key);
    if (kept) this.stats.reused++;
    else { kept = { base: span.start, reports: compute() }; this.stats.computed++; }
    used.set(key, kept);
    const by = span.start - kept.base;
    return by === 0 ? kept.reports : kept.reports.map(r => moved(r, by));
  }

  /** A value worked out from one part of the document (its text runs), kept like the parts' reports. */
  value<T>(key: string, compute: () => T): T {
    // The same text twice in one document (a repeated line, a copied section) gets a value each:
    // a value may hold where its part is (its run indexes).
    const n = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, n + 1);
    const k = n ? `${key}\u0000${n}` : key;
    let v = (this.usedValues.get(k) ?? this.keptValues.get(k)) as T | undefined;
    if (v === undefined) v = compute();
    this.usedValues.set(k, v);
    return v;
  }
}

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function moved(r: Report, by: number): Report {
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

/**
 * What identifies a part's text without reading it all: the origins of its top-level nodes (a chunk's
 * own node, the same object while the chunk's text is unchanged: see originOf) and the gaps at its
 * two ends. The gaps between its nodes belong to their chunks. Where the span cuts through a node,
 * or holds none, the text itself.
 */
export function partKey(root: Root, text: string, span: Span): string {
  const kids = root.children;
  let lo = 0, hi = kids.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (startOf(kids[m]) < span.start) lo = m + 1; else hi = m; }
  const whole = () => `t${text.slice(span.start, span.end)}`;
  if (lo > 0 && endOf(kids[lo - 1]) > span.start) return whole();
  let key = 'n', i = lo, last = span.start;
  for (; i < kids.length && startOf(kids[i]) < span.end; i++) {
    if (endOf(kids[i]) > span.end) return whole();
    key += `${serial(originOf(kids[i]))},`;
    last = endOf(kids[i]);
  }
  if (i === lo) return whole();
  return `${key}\u0000${text.slice(span.start, startOf(kids[lo]))}\u0000${text.slice(last, span.end)}`;
}
