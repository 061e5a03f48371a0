/**
 * term-unknown-pair — a Korean–English pair that no glossary knows (information).
 *
 * Why: a new pair is a candidate for the team's glossary, so the next digest uses the same
 * rendering. The editor offers "Add 'ko ↔ en' to the workspace glossary".
 *
 * ok:      잠재 공간(latent space)          (in the glossary)
 * not ok:  표현 오토인코더(Representation Autoencoders)   ← not in any glossary
 *
 * Fix (editor only): add the pair to `.paper-digest/glossary.json` (created when missing).
 */
import type { Rule } from './rule';
import { koIsTerm, type Pair } from '../glossary/pairs';
import { verdict } from '../glossary/verdict';
import { ruleEnv } from './glossary-env';
import { everydayWord } from '../glossary/gloss';
import { placeholderTitle } from './placeholder-text';
import { pictures } from '../glossary/rendering';

export const termUnknownPair: Rule = {
  id: 'term-unknown-pair',
  category: 'glossary',
  defaultSeverity: 'information',
  fixable: false,
  description: { en: 'A term pair that is in no glossary.', ko: '어느 용어집에도 없는 용어 쌍입니다.' },
  check(ctx) {
    const { a, g, span } = ruleEnv(ctx);
    const seen = new Set<string>();
    for (const pair of a.pairs) {
      // Only pairs with an English original: 한글(ABBR) alone is not something to put in a glossary.
      if (!pair.ko || !pair.en || verdict(g, pair).kind !== 'unknown') continue;
      // A cut span ("문화적 충실도" for narrative and cultural fidelity) would record the wrong Korean.
      if (pair.cut) continue;
      if (!candidate(pair)) continue;
      // An image is not a glossary entry: 정답지(Reward), 막힌 웅덩이(Local Minimum).
      if (pictures(pair)) continue;
      const en = pair.en.text;
      const keys = [`k:${pair.ko.text}`, `e:${en.toLowerCase()}`];
      if (keys.some(k => seen.has(k))) continue; // once per document: the glossary entry is one decision
      keys.forEach(k => seen.add(k));
      ctx.report({
        span: { start: span(pair.run, pair.head.start, pair.head.end).start, end: span(pair.run, pair.close, pair.close + 1).end },
        messageId: 'unknown',
        data: { ko: pair.ko.text, en },
        extra: { addToGlossary: { ko: pair.ko.text, en, ...(pair.abbr ? { abbr: pair.abbr.text } : {}) } },
      });
    }
  },
};

/** Section names are headings' words, not terms for a glossary: 요약 (Summary), 결론 (Conclusion). */
const SECTION_NAMES = /^(summary|abstract|introduction|overview|background|conclusions?|methods?|methodology|experiments?|results?|discussion|limitations?|references|related work|future work|appendix|key takeaways?|tl;?dr)$/i;

/**
 * Whether a pair the glossary does not know is worth adding to it (each judged on the corpus):
 * not one everyday English word (내용(Content), 상수(Constant)); not when one side already is a glossary term (인코더(Whisper) names the encoder, 정답지 is a
 * gloss of a known English), not a section name, not a metaphor made of a verb (Steering Vector (운전대 돌리기)).
 */
function candidate(pair: Pair): boolean {
  if (pair.enEntry) return false;
  if (koIsTerm(pair)) return false;
  const en = pair.en!.text;
  if (SECTION_NAMES.test(en) || everydayWord(en)) return false;
  // 논문 제목(English Title) is a snippet's stand-in, placeholder-text's finding, not a pair to record.
  if (placeholderTitle(en) || placeholderTitle(pair.ko!.text)) return false;
  if (pair.form === 'en-ko' && /\s\S*[^\s]기$/.test(pair.ko!.text)) return false;
  return true;
}
