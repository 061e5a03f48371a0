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

/**
 * The built-in default glossary as a layer (built once). It is bundled data, validated by the
 * tests (validateBuiltinGlossary) rather than at every start: the schema check and span lookup
 * took most of the server's first check. It has no editable file, so its entries have no spans.
 */
export function builtinLayer(): { layer: GlossaryLayer; problems: JsonProblem[] } {
  if (!builtin) {
    const data = builtinData as GlossaryFile;
    let text: string | undefined;
    const layer = { file: BUILTIN_GLOSSARY, data, entrySpans: [], specSpans: [] } as unknown as GlossaryLayer;
    // Its text (only the glossary check and tests read it) is written out when first asked for.
    Object.defineProperty(layer, 'text', { enumerable: true, get: () => (text ??= JSON.stringify(data, null, 2)) });
    builtin = { layer, problems: [] };
  }
  return builtin;
}

/** The built-in glossary checked as a glossary file is (schema, one entry per English term): for the tests. */
export function validateBuiltinGlossary(): JsonProblem[] {
  return loadGlossaryText(JSON.stringify(builtinData, null, 2), BUILTIN_GLOSSARY).problems;
}

let defaultCompiled: CompiledGlossary | undefined;
/** The built-in glossary alone, compiled once (used when a check gets no glossary). */
export function defaultGlossary(): CompiledGlossary {
  return (defaultCompiled ??= compileGlossary([builtinLayer().layer]));
}
