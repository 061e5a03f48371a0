import type { Span } from '../types';

/** One term pair, as written in a glossary file (schemas/glossary.schema.json). */
export interface GlossaryEntry {
  ko: string;
  en: string;
  abbr?: string;
  enVariants?: string[];
  koVariants?: string[];
  avoid?: string[];
  /** Other meanings of the Korean term (추론: reasoning): no automatic fix, a choice instead. */
  senses?: string[];
  /**
   * Whether the first mention in a scope gives the English (term-first-use): "always" for a
   * specialised rendering a reader cannot map back (잠재 공간), "never" for an everyday word or a
   * loanword (데이터, 디코더); unset, only when the document pairs it later (a slip of place).
   */
  original?: 'always' | 'never';
  note?: string;
}

export interface GlossarySpec { from: string; to: string }

export interface GlossaryFile {
  terms: GlossaryEntry[];
  knownAbbreviations?: string[];
  specs?: GlossarySpec[];
}

/** The built-in glossary's pseudo file name (it has no path on disk the user can edit). */
export const BUILTIN_GLOSSARY = '<built-in>';

/** An entry with where it came from: hover names the file, go-to-definition jumps there. */
export interface SourcedEntry extends GlossaryEntry {
  file: string;
  /** Span of the entry object in its file (for definition), and its index in `terms`. */
  span: Span;
  index: number;
}

/** One loaded glossary file, before stacking. */
export interface GlossaryLayer {
  file: string;
  text: string;
  data: GlossaryFile;
  entrySpans: Span[];
  specSpans: Span[];
}

/** How pairs are checked (config `glossary`, settings, or rule options). */
export interface GlossarySettings {
  firstUseScope: 'document' | 'section' | 'paper';
  pairSpacing: 'consistent' | 'none' | 'space' | 'any';
  pairOrder: 'ko-first' | 'any';
}

export const DEFAULT_GLOSSARY_SETTINGS: GlossarySettings = { firstUseScope: 'document', pairSpacing: 'consistent', pairOrder: 'ko-first' };
