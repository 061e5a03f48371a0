// Editor features as providers over one analysis, in process: no editor, no spawned server, in
// milliseconds (vscode-markdown-languageservice's way). The stdio tests keep the wiring.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver, lintText } from '../../server/src/engine';
import type { FileReader } from '../../server/src/engine/config';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { hover } from '../../server/src/features/hover';
import type { Analysis } from '../../server/src/features/context';
import { FIXTURES } from '../support/paths';

// No configuration or glossary files: the built-in profile and glossary.
const noFiles: FileReader = { readFile: () => undefined, stamp: () => undefined };

function analysisOf(text: string, file = '/ws/weekly.digest.md'): Analysis {
  const outcome = lintText(text, file, { resolver: new ConfigResolver(noFiles), locale: 'en' });
  return { uri: `file://${file}`, version: 1, filePath: file, text, outcome };
}

describe('editor features as providers, in process', () => {
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const a = analysisOf(seed);
  const lineOf = (needle: string) => seed.split('\n').findIndex(l => l.startsWith(needle));

  it('folding: each section and paper folds from its heading, a paper inside its section', () => {
    const ranges = foldingRanges(a);
    const s1 = ranges.find(r => r.startLine === lineOf('### 1. '))!;
    const p11 = ranges.find(r => r.startLine === lineOf('#### 1.1. '))!;
    assert.ok(s1 && p11, JSON.stringify(ranges.slice(0, 4)));
    assert.ok(p11.endLine <= s1.endLine && p11.endLine < lineOf('#### 1.2. '), 'paper 1.1 ends before 1.2, inside section 1');
    assert.strictEqual(ranges.length, 4 + 9, 'four sections and nine entries');
  });

  it('symbols: TOC, sections → papers → blocks, with the missing blocks as detail', () => {
    const symbols = documentSymbols(a, 'en');
    assert.deepStrictEqual(symbols.map(s => s.name).slice(0, 2), ['Table of contents', '1. LLM 발전 및 기술 보고서']);
    const p12 = symbols[1].children![1];
    assert.match(p12.name, /^1\.2\. /);
    assert.match(p12.detail ?? '', /주요 방법론/);
    assert.deepStrictEqual(symbols[1].children![0].children!.map(b => b.name.split(':')[0]), ['핵심 아이디어', '주요 방법론', '가장 중요한 발견', '중요 자료']);
  });

  it('hover: a glossary term shows its entry; a plain word shows nothing', () => {
    const line = lineOf('#### 1.1. ');
    const at = seed.split('\n')[line].indexOf('확산 트랜스포머');
    const h = hover(a, { line, character: at + 1 }, 'en');
    assert.ok(h, 'a hover on 확산 트랜스포머');
    assert.match((h!.contents as { value: string }).value, /\*\*확산 트랜스포머\*\* ↔ \*Diffusion Transformers?\*/);
    assert.strictEqual(hover(a, { line: lineOf('#### 1.1. '), character: 1 }, 'en'), null);
  });
});
