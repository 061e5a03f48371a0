/**
 * Hostile and odd inputs, built in the process that checks them (so a 5 MB text is never passed
 * through argv), and the child entry point: `tsx hostile-inputs.ts <case>` checks one input and
 * prints a JSON summary on stdout. hostile.test.ts runs each case in a child it can kill, so a
 * hang fails cleanly instead of stalling the suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkText, builtinProfile } from '../../server/src/engine';
import { FIXTURES } from '../support/paths';

const seed = () => fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
const MB = 1024 * 1024;
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

export const CASES: Record<string, () => string> = {
  'empty file': () => '',
  'only front matter': () => '---\npaper-digest: true\ntitle: 주간 논문\n---\n',
  'broken front matter (bad YAML)': () => '---\ntitle: [unclosed\n  - : : {\n---\n목차:\n\n1. 섹션\n\n## 1. 섹션\n',
  'broken front matter (never closed)': () => '---\ntitle: x\n\n목차:\n\n1. 섹션\n\n## 1. 섹션\n\n### 1.1. 논문\n',
  '5 MB of one paragraph': () => repeatTo('트랜스포머(Transformer) 구조의 **어텐션 메커니즘**을 개선한 [방법](https://arxiv.org/abs/2401.00001)이다 (표 1 참조). ', 5 * MB),
  '5 MB of one paragraph, plain prose': () => repeatTo('가나다라 마바사 아자차카 abc def ', 5 * MB),
  '20,000 nested list levels': () => '## 1. 섹션\n\n' + '- '.repeat(20_000) + '끝\n',
  '20,000 nested blockquotes': () => '## 1. 섹션\n\n' + '> '.repeat(20_000) + '끝\n',
  '20,000 nested blockquotes without spaces, 50 lines': () => ('>'.repeat(20_000) + ' 끝\n').repeat(50),
  '20,000 list items nested 10 deep': () => Array.from({ length: 20_000 }, (_, i) => ' '.repeat(2 * (i % 10)) + '- item ' + i).join('\n'),
  '10,000 nested ** pairs': () => '**a '.repeat(10_000) + 'x' + ' a**'.repeat(10_000),
  '10,000 unmatched ** and (': () => seed() + '\n\n' + '** ('.repeat(10_000) + '\n\n' + 'a** b( '.repeat(10_000) + '\n',
  '10,000 unmatched [ and ]': () => '['.repeat(10_000) + 'x' + ']'.repeat(10_000),
  'NUL and lone surrogates': () => seed().replace(/요약/g, '요\0약').replace(/## 2\./, '## 2.\ud800').replace(/논문/, '논\udc00문') + '\0\ud800\udfff\udc00',
  'CRLF line endings': () => seed().replace(/\n/g, '\r\n'),
  'mixed line endings (LF, CRLF, lone CR)': () => seed().split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''),
  'BOM': () => '\ufeff' + seed(),
  'very long lines (1 MB without a space, 100 KB heading)': () => seed() + '\n\n' + 'x'.repeat(MB) + '\n\n### 9.1. ' + '긴제목'.repeat(33_000) + '\n',
  'an MDX file': () => [
    "import { Figure } from '../components/figure'",
    "export const meta = { title: '주간 논문' }",
    '',
    '목차:',
    '',
    '1. 섹션',
    '',
    '## 1. 섹션',
    '',
    '### 1.1. 논문 {props.title}',
    '',
    '<Figure src="./a.png" caption={`잠재 공간(latent space)`} onClick={() => fetch("https://evil.example")} />',
    '',
    '**요약**: {meta.title} <Note>잠재 공간(latent space)</Note>',
    '',
    '{/* comment */}',
  ].join('\n'),
};

export interface HostileSummary {
  length: number;
  ms: number;
  findings: Record<string, number>;
  failures: { rule: string; error: string }[];
  /** Findings or related spans outside the text, or fix edits out of range. */
  badSpans: string[];
  /** Text of the first document-simplified finding's line start, if any. */
  simplified: string[];
  /** For each finding on a heading, whether its span starts at a `#` (offsets index the original). */
  headingSpansAtHash: boolean;
}

export function runCase(name: string): HostileSummary {
  const text = CASES[name]();
  const t0 = performance.now();
  const r = checkText(text, { profile: builtinProfile('weekly-digest-ko')!, locale: 'en' });
  const ms = performance.now() - t0;
  const findings: Record<string, number> = {};
  const badSpans: string[] = [];
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const f of r.findings) {
    findings[f.rule] = (findings[f.rule] ?? 0) + 1;
    if (!inside(f.span)) badSpans.push(`${f.rule} ${JSON.stringify(f.span)}`);
    for (const x of f.related) if (!inside(x.span)) badSpans.push(`${f.rule} related ${JSON.stringify(x.span)}`);
    for (const fix of f.fixes) for (const e of fix.edits) if (!inside(e)) badSpans.push(`${f.rule} edit ${JSON.stringify(e)}`);
  }
  const headingRules = new Set(['section-numbering', 'paper-numbering', 'heading-level', 'empty-section']);
  const headingSpansAtHash = r.findings.filter(f => headingRules.has(f.rule) && f.span.end > f.span.start)
    .every(f => /^(#|\d)/.test(text.slice(f.span.start, f.span.start + 1)));
  const simplified = r.findings.filter(f => f.rule === 'document-simplified').map(f => f.message);
  return { length: text.length, ms, findings, failures: r.failures, badSpans, simplified, headingSpansAtHash };
}

if (require.main === module) {
  const name = process.argv[2];
  if (!(name in CASES)) { console.error(`unknown case ${name}`); process.exit(2); }
  process.stdout.write(JSON.stringify(runCase(name)) + '\n');
}
