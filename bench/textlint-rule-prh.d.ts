// textlint-rule-prh ships no types: it is a textlint rule module (a fixer rule).
declare module 'textlint-rule-prh' {
  import type { TextlintFixableRuleModule } from '@textlint/types';
  const rule: TextlintFixableRuleModule;
  export default rule;
}
