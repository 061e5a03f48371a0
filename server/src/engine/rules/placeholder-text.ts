/**
 * placeholder-text — no text the snippets and completions put in as a placeholder is left.
 *
 * Why: the paper-entry snippet fills the title, the intro sentence and the block subtitles with
 * stand-ins (`논문 제목(English Title)`, `이 논문은 …을 제안합니다.`, `부제목`) that read as real
 * text; published, they look like an unfinished page. The body placeholder `(작성 필요)` is
 * block-empty's, and an `arXiv-id` left in a link is resources-links'.
 *
 * ok:
 *   #### 1.1. 표현 오토인코더(Representation Autoencoders)를 사용한 확산 트랜스포머
 *   **핵심 아이디어: 압축된 VAE에서 의미론적 RAE로**
 * not ok:
 *   #### 1.1. 논문 제목(English Title)      ← still the placeholder title
 *   **핵심 아이디어: 부제목**               ← still the placeholder subtitle
 *
 * Only whole placeholders are matched (a title that is the stand-in, a subtitle that is exactly
 * `부제목`, a paragraph that is the stand-in sentence), so a word like 부제목 in prose is never
 * reported. No fix: only the author can write the text.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule, RuleContext } from './rule';
import type { HeadingInfo } from '../digest';
import { endOf, startOf } from '../parse';

/** What the snippets (snippets/paper-digest.code-snippets) and the entry completion insert as stand-ins. */
export const PLACEHOLDER_TITLES = ['논문 제목', '섹션 제목', 'English Title', 'Paper title', 'Section title'];
export const PLACEHOLDER_SUBTITLES = ['부제목', 'subtitle'];
export const PLACEHOLDER_SENTENCES = ['이 논문은 …을 제안합니다.', 'This paper proposes ….'];

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const TITLES = new Set(PLACEHOLDER_TITLES.map(s => norm(s).toLowerCase()));

/** The placeholder a heading title still is: itself, or `논문 제목(English Title)` (both parts stand-ins). */
export function placeholderTitle(title: string): string | null {
  const t = norm(title);
  if (TITLES.has(t.toLowerCase())) return t;
  const pair = /^(.+?)\s*\((.+)\)$/.exec(t);
  if (pair && (TITLES.has(norm(pair[1]).toLowerCase()) || TITLES.has(norm(pair[2]).toLowerCase()))) return t;
  return null;
}

export const placeholderText: Rule = {
  id: 'placeholder-text',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'No placeholder text from a snippet is left (a stand-in title, subtitle or intro sentence).', ko: '스니펫이 넣은 자리 표시 문구(임시 제목, 부제목, 소개 문장)가 남아 있지 않아야 합니다.' },
  check(ctx) {
    for (const s of ctx.digest.sections) checkTitle(ctx, s.heading);
    // Each paper entry is one part (see RuleContext.part): its title, blocks and paragraphs.
    for (const paper of ctx.digest.papers) ctx.part(paper.span, () => {
      if (paper.heading) checkTitle(ctx, paper.heading);
      for (const b of paper.blocks) {
        const sub = norm(b.subtitle.replace(/\*+$/, ''));
        if (PLACEHOLDER_SUBTITLES.includes(sub)) ctx.report({ span: b.labelSpan, messageId: 'subtitle', data: { block: b.spec.label, placeholder: sub } });
      }
      // The stand-in intro sentence: a whole paragraph, anywhere in the entry (lists included).
      const stack: Nodes[] = [...paper.nodes];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'paragraph') {
          const text = norm(toString(n));
          if (PLACEHOLDER_SENTENCES.includes(text)) ctx.report({ span: { start: startOf(n), end: endOf(n) }, messageId: 'sentence', data: { placeholder: text } });
          continue;
        }
        if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
      }
    });
  },
};

function checkTitle(ctx: RuleContext, h: HeadingInfo): void {
  const placeholder = placeholderTitle(h.title);
  if (placeholder) ctx.report({ span: h.contentSpan, messageId: 'title', data: { placeholder } });
}
