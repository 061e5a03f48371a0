import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import glossarySchema from '../../../../schemas/glossary.schema.json';
import { readJsonFile, type JsonProblem } from '../json-file';
import { compileGlossary, normEn, replaceAvoided, type CompiledGlossary } from './compile';
import type { GlossaryFile, GlossaryLayer } from './types';
import type { Span } from '../types';

export interface LayerResult { layer?: GlossaryLayer; problems: JsonProblem[] }

/**
 * Parses and validates one glossary file. Problems carry the span of the offending entry or
 * value, so the editor can show them in the glossary file itself.
 */
export function loadGlossaryText(text: string, file: string): LayerResult {
  // A term table or a CSV handed over as a glossary: one plain problem, not one per token.
  const lead = /^\uFEFF?\s*(\S)/.exec(text);
  if (lead && lead[1] !== '{') {
    const at = lead.index + lead[0].length - 1;
    return { problems: [{ span: { start: at, end: at + 1 }, path: '', message: 'Not a JSON glossary (a glossary is an object: {"terms": [...]}); convert a term table with "paper-digest glossary import"' }] };
  }
  const r = readJsonFile<GlossaryFile>(text, glossarySchema);
  if (!r.value) return { problems: r.problems };
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = parseTree(body);
  const spanAt = (path: (string | number)[]): Span => {
    const n = tree && findNodeAtLocation(tree, path);
    return n ? { start: n.offset, end: n.offset + n.length } : { start: 0, end: 0 };
  };
  const data = r.value;
  const layer: GlossaryLayer = {
    file, text, data,
    entrySpans: data.terms.map((_, i) => spanAt(['terms', i])),
    specSpans: (data.specs ?? []).map((_, i) => spanAt(['specs', i])),
  };
  const problems: JsonProblem[] = [];
  const seen = new Map<string, number>();
  data.terms.forEach((t, i) => {
    const key = normEn(t.en);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ span: spanAt(['terms', i, 'en']), message: `Duplicate English term "${t.en}" (first at /terms/${first}); keep one entry per term`, path: `/terms/${i}/en` });
    else seen.set(key, i);
  });
  return problems.length ? { problems } : { layer, problems: [] };
}

/** Runs a layer's self-test specs against the glossary stacked up to and including it. */
export function specProblems(g: CompiledGlossary, layer: GlossaryLayer): JsonProblem[] {
  const out: JsonProblem[] = [];
  (layer.data.specs ?? []).forEach((spec, i) => {
    const got = replaceAvoided(g, spec.from);
    if (got !== spec.to) out.push({ span: layer.specSpans[i], message: `Glossary spec failed: "${spec.from}" gives "${got}", expected "${spec.to}"`, path: `/specs/${i}` });
  });
  return out;
}

export { compileGlossary };
