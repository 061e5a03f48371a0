/**
 * document-simplified — the document had to be simplified before parsing, so part of it was
 * read as plain text (see engine/simplify.ts).
 *
 * Why: micromark, the Markdown parser, takes time quadratic in list/quote nesting depth and in
 * nested or unmatched emphasis and link brackets, and GFM bare-URL autolinks are superlinear in
 * a huge paragraph. The checker neutralises the markers beyond fixed limits (in a same-length
 * copy, so every range stays exact) rather than hang the editor; this rule says so, once per
 * kind, at the first line affected, so the author knows the checks there are approximate.
 *
 * ok:
 *   - a
 *     - b          (any depth up to 32, emphasis nested up to 16)
 * not ok:
 *   - - - - - … (40 markers) x     ← lists or quotes nested deeper than 32 levels …
 *
 * Fix: none; flatten the structure by hand.
 */
import type { Rule } from './rule';
import { LIMITS, guardOf, simplifyForParsing } from '../simplify';

export const documentSimplified: Rule = {
  id: 'document-simplified',
  category: 'structure',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    en: 'The document nests or repeats markup beyond what can be parsed quickly; the excess was read as plain text',
    ko: '마크다운 표시가 빠르게 해석할 수 있는 한도를 넘게 중첩·반복되어, 넘는 부분을 일반 텍스트로 읽음',
  },
  check({ digest, text, report }) {
    // The parser's own scan of this text (parseMarkdown's, or the incremental parser's for its
    // stitched tree); scanned again only for a tree made elsewhere.
    const s = guardOf(digest.root) ?? digest.root.data?.simplified ?? simplifyForParsing(text);
    for (const kind of s.kinds) {
      const first = s.first[kind];
      if (!first) continue;
      report({
        span: first,
        messageId: kind,
        data: { limit: kind === 'nesting' ? LIMITS.containerDepth : LIMITS.inlineDepth, count: s.lines.length, chars: LIMITS.paragraphChars, lines: LIMITS.paragraphLines },
      });
    }
  },
};
