/**
 * What applies to one file, worked out in one place for the CLI, the server and the workspace
 * checks: its configuration (with the caller's overrides), its profile (front matter
 * `profile: ID` names it unless an override does), its stacked glossaries, the language its
 * profile or configuration asks for, and every problem found in those files.
 */
import { builtinProfile, type Profile } from './profiles';
import { frontMatterOptIn } from './detect';
import type { ConfigFile, ConfigResolver, FileProblems, ResolvedConfig } from './config';
import { glossaryResolverFor, BUILTIN_GLOSSARY, type GlossaryResolver, type ResolvedGlossary } from './glossary';
import type { Locale } from './types';

export interface ResolveFileOptions {
  resolver: ConfigResolver;
  overrides?: Partial<ConfigFile> & { configFile?: string; baseDir?: string };
  /** Glossary stacking and caching; by default one per ConfigResolver. */
  glossaries?: GlossaryResolver;
}

export interface FileSetup {
  config: ResolvedConfig;
  profile: Profile;
  glossary: ResolvedGlossary;
  /** The configuration's language, else the profile's (every profile has one: a Korean profile speaks Korean). */
  locale: Locale;
  /** Problems in the configuration, profile and glossary files (the built-in glossary is tested, not reported). */
  problems: FileProblems[];
}

export function resolveFile(filePath: string, text: string, opts: ResolveFileOptions): FileSetup {
  const config = opts.resolver.resolve(filePath, opts.overrides);
  const fm = frontMatterOptIn(text);
  const profile = typeof fm === 'string' && !opts.overrides?.profile ? builtinProfile(fm) ?? config.profile : config.profile;
  const glossary = (opts.glossaries ?? glossaryResolverFor(opts.resolver)).resolve(filePath, config.glossaries);
  const problems = [...config.problems, ...glossary.problems.filter(p => p.file !== BUILTIN_GLOSSARY)];
  return { config, profile, glossary, locale: config.locale ?? profile.locale, problems };
}
