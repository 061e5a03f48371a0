/**
 * The built-in default glossary, loaded and compiled once. Apart from the resolver (which reads
 * files), so the pure analysis can fall back on it without depending on file reading.
 */
import builtinData from './default-glossary.json';
import type { JsonProblem } from '../json-file';
import { compileGlossary, type CompiledGlossary } from './compile';
import { loadGlossaryText } from './load';
import { BUILTIN_GLOSSARY, type GlossaryFile, type GlossaryLayer } from './types';

let builtin: { layer: GlossaryLayer; problems: JsonProblem[] } | undefined;

/** The built-in default glossary as a layer (loaded once). */
export function builtinLayer(): { layer: GlossaryLayer; problems: JsonProblem[] } {
  if (!builtin) {
    const text = JSON.stringify(builtinData as GlossaryFile, null, 2);
    const r = loadGlossaryText(text, BUILTIN_GLOSSARY);
    builtin = { layer: r.layer ?? { file: BUILTIN_GLOSSARY, text, data: { terms: [] }, entrySpans: [], specSpans: [] }, problems: r.problems };
  }
  return builtin;
}

let defaultCompiled: CompiledGlossary | undefined;
/** The built-in glossary alone, compiled once (used when a check gets no glossary). */
export function defaultGlossary(): CompiledGlossary {
  return (defaultCompiled ??= compileGlossary([builtinLayer().layer]));
}
