import type { Location, Position } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { BUILTIN_GLOSSARY, LineIndex } from '../engine';
import type { Analysis, Feature } from './context';
import { termUnder } from './hover';

/**
 * Go to definition on a glossary term: its entry in the glossary file that defines it. The
 * built-in glossary is bundled into the server and has no editable file: no location then.
 */
export function definition(a: Analysis, position: Position): Location[] | null {
  const t = termUnder(a, a.outcome.result.lineIndex.offsetAt(position));
  if (!t || t.entry.file === BUILTIN_GLOSSARY) return null;
  const layer = a.outcome.glossary.glossary.layers.find(l => l.file === t.entry.file);
  if (!layer) return null;
  const index = new LineIndex(layer.text);
  return [{ uri: URI.file(t.entry.file).toString(), range: index.range(t.entry.span) }];
}

export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register: ctx => ctx.connection.onDefinition(params => {
    const a = ctx.analysisOf(params.textDocument.uri);
    return a ? definition(a, params.position) : null;
  }),
};
