// Dependencies point one way (issue 16): no import cycle among the sources of the server, the
// engine, the client and the shared protocol, type-only imports included. Imports are read and resolved with the
// TypeScript compiler API, so this sees exactly what tsc sees.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../support/paths';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Each source file's imports of other source files (import, export … from, import type, require). */
export function importGraph(files: string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true, allowJs: false };
  const host = ts.createCompilerHost(options);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles
      .map(i => ts.resolveModuleName(i.fileName, file, options, host).resolvedModule?.resolvedFileName)
      .filter((f): f is string => !!f && known.has(path.resolve(f)))
      .map(f => path.resolve(f));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture: dependencies point one way', () => {
  const files = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src')), ...sources(path.join(ROOT, 'shared'))];
  const graph = importGraph(files);

  it('the checker sees the imports (the graph is not empty, so a pass means something)', () => {
    const check = graph.get(path.join(ROOT, 'server/src/engine/check.ts')) ?? [];
    assert.ok(check.includes(path.join(ROOT, 'server/src/engine/rules/index.ts')), 'check.ts imports the rule registry');
    const verdict = graph.get(path.join(ROOT, 'server/src/engine/rules/term-mismatch.ts')) ?? [];
    assert.ok(verdict.includes(path.join(ROOT, 'server/src/engine/glossary/verdict.ts')), 'a type-or-value import is seen');
    // The detector itself finds a planted cycle.
    assert.deepStrictEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])).map(c => c.sort()), [['a', 'b', 'c']]);
  });

  it('no import cycle in server/src or client/src, type-only imports included', () => {
    const found = cycles(graph).map(c => c.map(f => path.relative(ROOT, f)).sort());
    assert.deepStrictEqual(found, [], `cycles:\n${found.map(c => '  ' + c.join(' → ')).join('\n')}`);
  });

  it('glossary/ knows nothing of rules/, the engine nothing of the server, the CLI or the client, the shared protocol nothing of either side, the client nothing of the server', () => {
    const bad: string[] = [];
    for (const [file, deps] of graph) {
      const from = path.relative(ROOT, file);
      for (const dep of deps.map(d => path.relative(ROOT, d))) {
        if (from.startsWith('server/src/engine/glossary/') && dep.startsWith('server/src/engine/rules/')) bad.push(`${from} → ${dep}`);
        if (from.startsWith('server/src/engine/') && /^server\/src\/(features|cli|server\.ts|main\.ts|connection\.ts)|^client\//.test(dep)) bad.push(`${from} → ${dep}`);
        if (from.startsWith('shared/') && /^(server|client)\//.test(dep)) bad.push(`${from} → ${dep}`);
        // The engine may read the shared settings and outline shapes, not the LSP protocol module.
        if (from.startsWith('server/src/engine/') && dep === 'shared/protocol.ts') bad.push(`${from} → ${dep}`);
        // The client talks to the server only through the protocol (vscode-eslint's client/ and server/ apart).
        if (from.startsWith('client/') && dep.startsWith('server/')) bad.push(`${from} → ${dep}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });
});
