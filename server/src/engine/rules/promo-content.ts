/**
 * promo-content — no promotional boilerplate pasted from a source newsletter: subscription
 * offers, discounts, "전체 이야기 읽기" / "Read the full story". The phrases come from the
 * profile (`promo.phrases`): literal text, matched case-insensitively, never regular expressions.
 *
 * Why: digests are often translated from English newsletters, and the paste brings the
 * newsletter's ads with it (the seed's first line is "1년 구독 시 75% 할인").
 *
 * ok:
 *   최근 몇 년간 대규모 언어 모델(LLM)은 빠르게 발전했습니다.
 * not ok:
 *   1년 구독 시 75% 할인     ← promotional text ("구독 시") does not belong in a digest
 *
 * Table rows are checked one by one (the row is the finding, and deleting it keeps the table).
 *
 * Fix: delete the paragraph (list item, table row) with the blank lines after it. Not applied by
 * "fix all": it deletes text, so it is offered only as a quick fix chosen by hand.
 */
import type { RootContent, ListItem, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingGroups } from './parts';
import type { Rule, RuleContext } from './rule';
import { endOf, startOf } from '../parse';
import { toString } from 'mdast-util-to-string';

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c) && !/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]/u.test(c);

/** The first profile phrase in this text; a phrase that starts or ends with a Latin letter must not continue a Latin word ("% off" ≠ "% offload"). */
export function findPromoPhrase(text: string, phrases: string[]): string | undefined {
  const hay = text.normalize('NFC').toLowerCase();
  for (const { p, needle } of needlesOf(phrases)) {
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const before = hay[at - 1], after = hay[at + needle.length];
      if (isWordChar(needle[0]) && isWordChar(before)) continue;
      if (isWordChar(needle[needle.length - 1]) && isWordChar(after)) continue;
      return p;
    }
  }
  return undefined;
}

/** The profile's phrases as searched for, worked out once per list (asked for every block). */
function needlesOf(phrases: string[]): { p: string; needle: string }[] {
  let n = needles.get(phrases);
  if (!n) needles.set(phrases, (n = phrases.map(p => ({ p, needle: p.normalize('NFC').toLowerCase() })).filter(x => x.needle.trim())));
  return n;
}
const needles = new WeakMap<string[], { p: string; needle: string }[]>();

interface Candidate { node: RootContent | ListItem; siblings: (RootContent | ListItem)[]; index: number }

/** Top-level blocks to look at, with the list they sit in (a deletion stays within it); lists item by item. */
/** The blocks of one top-level node checked as a whole: each item of a list, or the node itself. */
function candidates(nodes: RootContent[], n: RootContent, index: number): Candidate[] {
  if (n.type === 'list') return n.children.map((item, i) => ({ node: item, siblings: n.children, index: i }));
  if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'blockquote') return [{ node: n, siblings: nodes, index }];
  return [];
}

/** The node's span extended over the blank lines after it (or before it, when last), so no double gap is left. */
function deletion(node: RootContent | ListItem, siblings: (RootContent | ListItem)[], i = siblings.indexOf(node)): { start: number; end: number } {
  const start = startOf(node), end = endOf(node);
  const next = siblings[i + 1];
  if (next) return { start, end: startOf(next) };
  const prev = siblings[i - 1];
  if (prev) return { start: endOf(prev), end };
  return { start, end };
}

export const promoContent: Rule = {
  id: 'promo-content',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'No promotional boilerplate pasted from a newsletter.', ko: '뉴스레터에서 붙여 넣은 홍보 문구가 없어야 합니다.' },
  check(ctx) {
    const phrases = ctx.profile.promo.phrases;
    if (!phrases.length) return;
    const root = ctx.digest.root.children;
    // The blocks from one heading to the next are one part (see RuleContext.part): a deletion reaches
    // to the next block's start, or from the previous block's end for the last block, and the part
    // spans the gaps on both sides.
    for (const g of headingGroups(root, ctx.text.length)) {
      ctx.part(g.span, () => { for (let i = g.from; i < g.to; i++) checkBlock(ctx, root, root[i], i, phrases); });
    }
  },
};

function checkBlock(ctx: RuleContext, root: RootContent[], top: RootContent, index: number, phrases: string[]): void {
  // A table row pasted from a newsletter: the row goes, the table stays (a header row only by hand);
  // a table whose only body row is the promotion goes whole. Tables in lists and quotes count too.
  const tables: Table[] = [];
  visit(top, 'table', (t: Table) => { tables.push(t); });
  for (const table of tables) {
    table.children.forEach((row, i) => {
      const phrase = findPromoPhrase(toString(row), phrases);
      if (!phrase) return;
      const next = table.children[i + 1];
      const del = next ? { start: startOf(row), end: startOf(next) }
        : i > 1 ? { start: endOf(table.children[i - 1]), end: endOf(row) }
        : table === top ? deletion(table, root, index) : { start: startOf(table), end: endOf(table) };
      ctx.report({
        span: { start: startOf(row), end: endOf(row) },
        messageId: 'promo',
        data: { phrase },
        fixes: i === 0 ? [] : [{ messageId: 'fix', edits: [{ start: del.start, end: del.end, text: '' }], safe: false }],
      });
    });
  }
  for (const { node, siblings, index: at } of candidates(root, top, index)) {
    // A table inside a quote is checked row by row above, not as the whole quote.
    const text = node.type === 'blockquote' ? node.children.filter(c => c.type !== 'table').map(c => toString(c)).join('\n') : toString(node);
    const phrase = findPromoPhrase(text, phrases);
    if (!phrase) continue;
    // A list item is deleted within its list; a top-level block among the root's children.
    const del = deletion(node, siblings, at);
    ctx.report({
      span: { start: startOf(node), end: endOf(node) },
      messageId: 'promo',
      data: { phrase },
      fixes: [{ messageId: 'fix', edits: [{ start: del.start, end: del.end, text: '' }], safe: false }],
    });
  }
}
