/**
 * toc-mismatch — every table of contents item matches its section: same number, same title,
 * same order, none missing, none extra.
 *
 * Why: sections get reordered and renamed while the TOC at the top is forgotten.
 * Items are paired with sections by title (exact, then by similarity) and then by number, so
 * a renamed section is one "title differs" finding, not a missing plus an extra.
 *
 * ok:
 *   목차:
 *   1. LLM 발전
 *   ### 1. LLM 발전
 * not ok:
 *   목차:
 *   1. LLM 동향          ← the table of contents says "LLM 동향", but section 1 is titled "LLM 발전"
 *   ### 1. LLM 발전
 *   ### 2. 멀티모달      ← section 2 "멀티모달" is not in the table of contents
 *
 * Fix: rewrite the TOC list from the section headings, keeping its style: a bulleted TOC keeps its
 * bullet, a linked TOC ("1. [제목](#1-제목)") stays linked with GitHub's anchors (github-slugger),
 * a plain one stays plain. Offered when the items are plain text or plain links to anchors.
 */
import type { Rule, RuleContext } from './rule';
import type { Section, TocItem } from '../digest';
import { similarity } from '../similarity';
import { tocItemKinds, tocLines } from '../toc';

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Pairs TOC items with sections: exact titles first, then similar titles, then equal numbers. */
export function pairTocItems(items: TocItem[], sections: Section[]): Map<TocItem, Section> {
  const pairs = new Map<TocItem, Section>();
  const taken = new Set<Section>();
  const pass = (accept: (item: TocItem, s: Section) => number) => {
    for (const item of items) {
      if (pairs.has(item)) continue;
      let best: Section | null = null, bestScore = 0;
      for (const s of sections) {
        if (taken.has(s)) continue;
        const score = accept(item, s);
        if (score > bestScore) { best = s; bestScore = score; }
      }
      if (best) { pairs.set(item, best); taken.add(best); }
    }
  };
  // Exact titles: each item takes the first section of its title not yet taken (by lookup, not by
  // comparing every item with every section).
  const byTitle = new Map<string, Section[]>();
  for (const s of sections) {
    const k = norm(s.heading.title);
    const list = byTitle.get(k);
    if (list) list.push(s); else byTitle.set(k, [s]);
  }
  for (const item of items) {
    const s = byTitle.get(norm(item.title))?.shift();
    if (s) { pairs.set(item, s); taken.add(s); }
  }
  pass((item, s) => { const d = similarity(item.title, s.heading.title); return d >= 0.5 ? d : 0; });
  pass((item, s) => (item.number && s.heading.number && item.number.join('.') === s.heading.number.join('.') ? 1 : 0));
  return pairs;
}

function rewrite(ctx: RuleContext): string | null {
  const list = ctx.digest.toc?.list;
  if (!list) return null;
  // The rewrite keeps links to anchors (recomputed from the headings) but not formatting, other
  // links or sub-items: with any of those, no automatic fix.
  const simple = tocItemKinds(list.node).every(k => k.kind !== 'other' && k.simple);
  return simple ? tocLines(ctx.digest, ctx.eol) : null;
}

export const tocMismatch: Rule = {
  id: 'toc-mismatch',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Table of contents items match the sections (number, title, order).', ko: '목차 항목이 섹션(번호, 제목, 순서)과 일치해야 합니다.' },
  check(ctx) {
    const toc = ctx.digest.toc;
    const sections = ctx.digest.sections;
    if (!toc || !sections.length) return;
    const newList = rewrite(ctx);
    // One fix object for every finding: the guard checks it once (by identity, not by its text).
    const shared = toc.list && newList !== null ? [{ messageId: 'fix', edits: [{ start: toc.list.span.start, end: toc.list.span.end, text: newList }] }] : [];
    const fixes = () => shared;
    if (!toc.list) {
      ctx.report({ span: toc.labelSpan, messageId: 'no-list', fixes: [{ messageId: 'fix', edits: [{ start: toc.labelSpan.end, end: toc.labelSpan.end, text: ctx.eol + ctx.eol + tocLines(ctx.digest, ctx.eol) }] }] });
      return;
    }
    const items = toc.list.items;
    const pairs = pairTocItems(items, sections);
    const indexOf = new Map(sections.map((s, i) => [s, i]));
    let lastIndex = -1;
    items.forEach((item, pos) => {
      const s = pairs.get(item);
      if (!s) {
        ctx.report({ span: item.titleSpan, messageId: 'extra', data: { title: item.title }, fixes: fixes() });
        return;
      }
      const sIndex = indexOf.get(s)!;
      const sNo = s.heading.number?.join('.') ?? String(sIndex + 1);
      if (norm(item.title) !== norm(s.heading.title)) {
        ctx.report({ span: item.titleSpan, messageId: 'title', data: { found: item.title, expected: s.heading.title, number: sNo }, fixes: fixes(), related: [{ span: s.heading.span, messageId: 'related' }] });
      }
      if (sIndex < lastIndex) {
        ctx.report({ span: item.span, messageId: 'order', data: { title: item.title, number: sNo, expected: sIndex + 1 }, fixes: fixes() });
      } else if (item.number && item.number.join('.') !== sNo) {
        ctx.report({ span: item.numberSpan ?? item.span, messageId: 'number', data: { found: item.number.join('.'), title: item.title, expected: sNo }, fixes: fixes() });
      }
      lastIndex = Math.max(lastIndex, sIndex);
      void pos;
    });
    const paired = new Set(pairs.values());
    for (const s of sections) {
      if (paired.has(s)) continue;
      ctx.report({ span: s.heading.span, messageId: 'missing', data: { number: s.heading.number?.join('.') ?? indexOf.get(s)! + 1, title: s.heading.title }, fixes: fixes(), related: [{ span: toc.list.span, messageId: 'related' }] });
    }
  },
};
