/** Glossaries: loading, stacking, self-test specs, matching. See docs/glossary.md. */
import type { ConfigResolver } from '../config';
import { GlossaryResolver } from './resolver';

export * from './types';
export { GlossaryResolver, WORKSPACE_GLOSSARY, builtinLayer, defaultGlossary } from './resolver';
export { validateBuiltinGlossary } from './builtin';
export type { ResolvedGlossary } from './resolver';
export { compileGlossary, lookupEn, normEn, normKo, isKnownAbbr, replaceAvoided } from './compile';
export type { CompiledGlossary, KoForm } from './compile';
export { loadGlossaryText, specProblems } from './load';
export { analyse, forgetRunAnalyses, envGlossary, glossarySettings, scopeKey, termAt, runAt, mentionedBefore } from './analysis';
export type { TermAt } from './analysis';
export type { GlossaryAnalysis, KoHit, EnHit, AbbrToken } from './analysis';
export { addEntryEdits } from './workspace';

const resolvers = new WeakMap<ConfigResolver, GlossaryResolver>();

/** One glossary resolver per configuration resolver, reading files the same way. */
export function glossaryResolverFor(config: ConfigResolver): GlossaryResolver {
  let r = resolvers.get(config);
  if (!r) { r = new GlossaryResolver(config.fs, () => config.confined); resolvers.set(config, r); }
  return r;
}
