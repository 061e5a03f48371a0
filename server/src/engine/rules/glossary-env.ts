/**
 * What the glossary rules share: the analysis of the document against its glossary (computed
 * once per check and cached by the analysis), and source spans for the edits of their fixes.
 * Rule plumbing, so it lives with the rules; glossary/ knows nothing of rules.
 */
import type { RuleContext } from './rule';
import { srcStart, srcEnd, type TextRun } from '../text-runs';
import type { Span } from '../types';
import type { CompiledGlossary } from '../glossary/compile';
import { analyse, envGlossary, glossarySettings, type GlossaryAnalysis } from '../glossary/analysis';
import type { Pair } from '../glossary/pairs';

export interface GlossaryRuleEnv { a: GlossaryAnalysis; g: CompiledGlossary; settings: ReturnType<typeof glossarySettings>; span(run: number, start: number, end: number): Span; run(i: number): TextRun }

export function ruleEnv(ctx: RuleContext): GlossaryRuleEnv {
  const g = envGlossary(ctx.env);
  const a = analyse(ctx.digest, g, ctx.memo);
  return {
    a, g, settings: glossarySettings(ctx.env, ctx.options),
    span: (run, start, end) => ({ start: srcStart(a.runs[run], start), end: Math.max(srcStart(a.runs[run], start), srcEnd(a.runs[run], end)) }),
    run: i => a.runs[i],
  };
}

/**
 * The source span of run text [start, end) if it is plain text in the source (no markup or
 * escapes inside), so a replacement cannot eat a `**` or a link; undefined otherwise.
 */
export function plainSpan(ctx: RuleContext, run: TextRun, start: number, end: number): Span | undefined {
  const s = srcStart(run, start), e = srcEnd(run, end);
  return ctx.text.slice(s, e) === run.text.slice(start, end) ? { start: s, end: e } : undefined;
}

/**
 * Where text goes right after a term: after closing markup that wraps exactly the term
 * (`**확산 트랜스포머**` → after the `**`, `[표현 오토인코더](url)` → after the link), else
 * directly after the term's last character.
 */
export function insertionAfter(ctx: RuleContext, run: TextRun, start: number, end: number): number {
  const after = srcEnd(run, end);
  const next = srcStart(run, end);
  const gap = ctx.text.slice(after, next);
  if (!gap) return after;
  const s = srcStart(run, start);
  if (/^\]\([^)]*\)$/.test(gap) || /^\]\[[^\]]*\]$/.test(gap)) return next;
  if (/^[*_~]+$/.test(gap) && ctx.text.slice(s - gap.length, s) === gap) return next;
  return after;
}

/** Source offset of "(" of a pair, including an MDX escape backslash before it. */
export function openOffset(ctx: RuleContext, run: TextRun, pair: Pair): number {
  const o = srcStart(run, pair.open);
  return ctx.text[o - 1] === '\\' && ctx.text[o] === '(' ? o - 1 : o;
}
