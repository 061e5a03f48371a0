import profileSchema from '../../../../schemas/profile.schema.json';
import weeklyKo from './weekly-digest-ko.json';
import weeklyEn from './weekly-digest-en.json';
import paperReviewKo from './paper-review-ko.json';
import type { RuleLevel } from '../types';
import { readJsonFile, type JsonProblem } from '../json-file';

export interface BlockSpec {
  id: string; label: string; aliases: string[]; required: boolean; resources: boolean; skeleton?: string;
}
export interface HeadingLevel { depth: number; numbered: boolean }
export interface Profile {
  id: string;
  description?: string;
  locale: 'ko' | 'en';
  toc: { labels: string[]; required: boolean } | null;
  sections: HeadingLevel | null;
  papers: HeadingLevel | null;
  blocks: BlockSpec[];
  resources: { requireAbs: boolean; requirePdf: boolean; linkTexts: string[] };
  promo: { phrases: string[] };
  rules: Record<string, RuleLevel>;
}

/** A profile file as written: every field optional except the id; `extends` names a base. */
export type ProfileFile = Partial<Omit<Profile, 'blocks'>> & { id: string; extends?: string; blocks?: Partial<BlockSpec>[] };

// Bases first: a built-in may extend one registered before it.
const builtinFiles: ProfileFile[] = [weeklyKo as ProfileFile, weeklyEn as ProfileFile, paperReviewKo as ProfileFile];
export const BUILTIN_PROFILE_IDS: string[] = [];
const builtins = new Map<string, Profile>();

export function registerBuiltinProfile(file: ProfileFile): void {
  builtins.set(file.id, resolveProfile(file, id => builtins.get(id)));
  if (!BUILTIN_PROFILE_IDS.includes(file.id)) BUILTIN_PROFILE_IDS.push(file.id);
}

export const DEFAULT_PROFILE_ID = 'weekly-digest-ko';

export function builtinProfile(id: string): Profile | undefined { return builtins.get(id); }

const EMPTY: Profile = {
  id: '', locale: 'ko', toc: null, sections: null, papers: null, blocks: [],
  resources: { requireAbs: false, requirePdf: false, linkTexts: [] }, promo: { phrases: [] }, rules: {},
};

/** Fills defaults and applies `extends`: a profile file overrides its base field by field. */
export function resolveProfile(file: ProfileFile, lookup: (id: string) => Profile | undefined): Profile {
  const base = file.extends ? lookup(file.extends) : undefined;
  if (file.extends && !base) throw new Error(`Unknown base profile "${file.extends}"`);
  const b = base ?? EMPTY;
  return {
    id: file.id,
    description: file.description ?? b.description,
    locale: file.locale ?? b.locale,
    toc: file.toc !== undefined ? file.toc && { labels: file.toc.labels ?? b.toc?.labels ?? ['목차'], required: file.toc.required ?? true } : b.toc,
    sections: file.sections !== undefined ? file.sections && { depth: file.sections.depth, numbered: file.sections.numbered ?? true } : b.sections,
    papers: file.papers !== undefined ? file.papers && { depth: file.papers.depth, numbered: file.papers.numbered ?? true } : b.papers,
    blocks: file.blocks
      ? file.blocks.map(x => ({ id: x.id!, label: x.label!, aliases: x.aliases ?? [], required: x.required ?? true, resources: x.resources ?? false, skeleton: x.skeleton }))
      : b.blocks,
    resources: { ...b.resources, ...file.resources },
    promo: { ...b.promo, ...file.promo },
    rules: { ...b.rules, ...file.rules },
  };
}

/** Reads a profile file's text: schema problems are located in that file. */
export function loadProfileText(text: string, lookup: (id: string) => Profile | undefined = builtinProfile):
  { profile?: Profile; problems: JsonProblem[] } {
  const r = readJsonFile<ProfileFile>(text, profileSchema);
  if (!r.value) return { problems: r.problems };
  try {
    return { profile: resolveProfile(r.value, lookup), problems: [] };
  } catch (e) {
    const at = text.indexOf('"extends"');
    return { problems: [{ span: { start: Math.max(0, at), end: Math.max(0, at) + 9 }, message: (e as Error).message, path: '/extends' }] };
  }
}

for (const f of builtinFiles) registerBuiltinProfile(f);
