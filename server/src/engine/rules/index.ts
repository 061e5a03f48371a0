import type { Rule } from './rule';
import { tocMismatch } from './toc-mismatch';
import { sectionNumbering } from './section-numbering';
import { paperNumbering } from './paper-numbering';
import { blockMissing } from './block-missing';

/** Every rule, in the order findings are computed. Add a rule: one file, one line here. */
export const rules: Rule[] = [
  tocMismatch,
  sectionNumbering,
  paperNumbering,
  blockMissing,
];

export const ruleById = new Map(rules.map(r => [r.id, r]));
