import type { Rule } from './rule';
import { tocMismatch } from './toc-mismatch';
import { sectionNumbering } from './section-numbering';
import { paperNumbering } from './paper-numbering';
import { blockMissing } from './block-missing';
import { tocMissing } from './toc-missing';
import { headingLevel } from './heading-level';
import { emptySection } from './empty-section';
import { blockOrder } from './block-order';
import { blockEmpty } from './block-empty';
import { placeholderText } from './placeholder-text';
import { resourcesLinks } from './resources-links';
import { duplicatePaper } from './duplicate-paper';
import { promoContent } from './promo-content';
import { cjkEmphasis } from './cjk-emphasis';
import { termFirstUse } from './term-first-use';
import { termMismatch } from './term-mismatch';
import { termInconsistent } from './term-inconsistent';
import { termVariant } from './term-variant';
import { termUnknownPair } from './term-unknown-pair';
import { abbrUndefined } from './abbr-undefined';
import { termPairStyle } from './term-pair-style';
import { termRepeatedPair } from './term-repeated-pair';
import { documentSimplified } from './document-simplified';

/** Every rule, in the order findings are computed. Add a rule: one file, one line here. */
export const rules: Rule[] = [
  tocMismatch,
  sectionNumbering,
  paperNumbering,
  blockMissing,
  tocMissing,
  headingLevel,
  emptySection,
  blockOrder,
  blockEmpty,
  placeholderText,
  resourcesLinks,
  duplicatePaper,
  promoContent,
  cjkEmphasis,
  termFirstUse,
  termMismatch,
  termInconsistent,
  termVariant,
  termUnknownPair,
  abbrUndefined,
  termPairStyle,
  termRepeatedPair,
  documentSimplified,
];

export const ruleById = new Map(rules.map(r => [r.id, r]));
