/**
 * Shared by the bounded property tests (properties.test.ts, in `npm test`) and the long fuzz run
 * (fuzz-long.ts, `npm run fuzz`): document generators, mutators of real documents, and the
 * invariants every check must keep.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { applyEdits, builtinProfile, checkText, type CheckOptions, type CheckResult, type OffsetEdit } from '../../server/src/engine';
import { fixAllEdits, fixAllText } from '../../server/src/engine/fix-all';
import { FIXTURES, corpusFiles } from '../support/paths';

export const profile = builtinProfile('weekly-digest-ko')!;
export const options = (extra: Partial<CheckOptions> = {}): CheckOptions => ({ profile, locale: 'en', ...extra });

/** Real documents to mutate: the seed, every rule fixture, and (when present) a spread of the corpus. */
export function realDocuments(corpusSample: number): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (/\.mdx?$/.test(e.name)) out.push({ name: path.relative(FIXTURES, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  const corpus = corpusFiles();
  const step = Math.max(1, Math.floor(corpus.length / Math.max(1, corpusSample)));
  for (let i = 0; i < corpus.length && out.length < 10_000; i += step) {
    if (corpusSample <= 0) break;
    const text = fs.readFileSync(corpus[i], 'utf8');
    if (text.length < 200_000) out.push({ name: path.basename(corpus[i]), text });
    if (i / step + 1 >= corpusSample) break;
  }
  return out;
}

// Pieces a digest is made of, and the odd characters pasted text brings along.
const hangul = fc.constantFrom('요약', '핵심', '잠재 공간', '확산 모델', '대규모 언어 모델', '트랜스포머', '을', '는', '이다.', '방법', '실험');
const english = fc.constantFrom('latent space', 'Diffusion Model', 'LLM', 'Transformer', 'RLHF', 'attention', 'MoE', 'CoT');
const odd = fc.constantFrom('\0', '\ud800', '\udc00', '\ufeff', '\r', '\r\n', '\t', '\u200b', '\\', '`', '*', '**', '_', '[', ']', '(', ')', '<', '>', '<!--', '-->', '|', '#', '~', '$', '&amp;', '\u00a0', '😀');
const word = fc.oneof({ weight: 4, arbitrary: hangul }, { weight: 3, arbitrary: english }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const inline = fc.array(word, { minLength: 1, maxLength: 10 }).chain(ws => fc.constantFrom(
  ws.join(' '),
  `**${ws.join(' ')}**`,
  `${ws[0]}(${ws.slice(1).join(' ') || 'term'})`,
  `[${ws.join(' ')}](https://arxiv.org/abs/2401.0${ws.length}123)`,
  `\`${ws.join(' ')}\``,
  `*${ws.join('')}*을`,
));
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map(xs => xs.join(' '));
const n = fc.integer({ min: 0, max: 12 });
const block = fc.oneof(
  { weight: 5, arbitrary: line },
  { weight: 2, arbitrary: fc.tuple(n, line).map(([i, l]) => `## ${i}. ${l}`) },
  { weight: 2, arbitrary: fc.tuple(n, n, line).map(([i, j, l]) => `### ${i}.${j}. ${l}`) },
  { weight: 2, arbitrary: fc.constantFrom('**요약**', '**핵심 아이디어**', '**방법**', '**결과**', '**링크**', '**요약:** 한 줄', '#### 요약') },
  { weight: 1, arbitrary: fc.constantFrom('목차:', '**목차**') },
  { weight: 2, arbitrary: fc.array(fc.tuple(n, line), { minLength: 1, maxLength: 5 }).map(items => items.map(([i, l], k) => (k % 2 ? `  - ${l}` : `${i}. ${l}`)).join('\n')) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map(ls => ls.map(l => `> ${l}`).join('\n')) },
  { weight: 1, arbitrary: line.map(l => '```python\n' + l + '\n```') },
  { weight: 1, arbitrary: fc.constantFrom('---', '<!-- digest-disable-next-line -->', '<!-- digest-disable section-numbering -->', '<!-- digest-enable -->', '| a | b |\n|---|---|\n| 1 | 2 |', '$$\nx^2\n$$') },
);
const eol = fc.constantFrom('\n', '\r\n', '\n', '\r');

/** A generated digest-like document: optional front matter, then blocks separated by blank lines. */
export const generatedDocument: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '', '---\npaper-digest: true\n---\n', '---\ntitle: [unclosed\n---\n', '---\n', '\ufeff'),
  fc.array(block, { maxLength: 30 }),
  eol,
  fc.boolean(),
).map(([fm, blocks, e, blank]) => (fm + blocks.join(blank ? '\n\n' : '\n')).replace(/\n/g, e));

/** A mutation of a real document at a place chosen relative to its length. */
type Mutation = (t: string) => string;
const at = (t: { length: number }, f: number) => Math.min(t.length, Math.floor(f * (t.length + 1)));
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })).map(([a, len]): Mutation => t => { const s = at(t, a); return t.slice(0, s) + t.slice(Math.min(t.length, s + Math.floor(len * t.length))); }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), block).map(([a, b]): Mutation => t => { const s = at(t, a); return t.slice(0, s) + b + t.slice(s); }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), odd).map(([a, c]): Mutation => t => { const s = at(t, a); return t.slice(0, s) + c + t.slice(s); }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]): Mutation => t => {
    const lines = t.split('\n'); const i = at(lines, a) % Math.max(1, lines.length), j = at(lines, b) % Math.max(1, lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join('\n');
  }),
  fc.constantFrom<Mutation>(t => t.replace(/\r?\n/g, '\r\n'), t => t.replace(/\r\n/g, '\n'), t => t.replace(/\n/g, (m, i: number) => (i % 3 ? m : '\r\n')), t => '\ufeff' + t, t => t.replace(/\d+\./, '99.'), t => t.replace(/^(#+)/m, '$1#')),
);

/** Every invariant of one check: spans inside the text, fixes well formed and applying cleanly. */
export function checkInvariants(text: string, r: CheckResult, label: string): void {
  assert.deepStrictEqual(r.failures, [], `${label}: a rule threw`);
  const inside = (s: { start: number; end: number }, what: string) =>
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length, `${label}: ${what} ${JSON.stringify(s)} outside 0..${text.length}`);
  for (const f of r.findings) {
    inside(f.span, `${f.rule} span`);
    for (const x of f.related) inside(x.span, `${f.rule} related span`);
    assert.ok(f.message && !/^[a-z-]+\/[a-z-]+$/.test(f.message), `${label}: ${f.rule} message id not resolved: ${f.message}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) inside(e, `${f.rule} fix edit`);
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, `${label}: ${f.rule} fix "${fix.title}" has overlapping edits`);
      assert.deepStrictEqual(applyEdits(text, fix.edits).skipped, [], `${label}: ${f.rule} fix "${fix.title}" does not apply`);
    }
  }
  // Fix all: every chosen edit applies, and the text between edits is untouched.
  const edits = fixAllEdits(r.findings);
  const out = applyEdits(text, edits);
  assert.deepStrictEqual(out.skipped, [], `${label}: fix-all edits overlap`);
  assertOnlyEditsChanged(text, out.text, edits, label);
}

/** The new text is the old one with each edit's span replaced by its text, nothing else. */
export function assertOnlyEditsChanged(before: string, after: string, edits: OffsetEdit[], label: string): void {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map(x => x.e);
  let pos = 0, outPos = 0;
  for (const e of sorted) {
    const gap = before.slice(pos, e.start);
    assert.strictEqual(after.slice(outPos, outPos + gap.length), gap, `${label}: text before offset ${e.start} changed`);
    outPos += gap.length;
    assert.strictEqual(after.slice(outPos, outPos + e.text.length), e.text, `${label}: edit at ${e.start} not applied as given`);
    outPos += e.text.length;
    pos = e.end;
  }
  assert.strictEqual(after.slice(outPos), before.slice(pos), `${label}: text after the last edit changed`);
}

/** Check, verify invariants, then fix all to a fixed point and verify that is idempotent. */
export function checkDocument(text: string, label: string, opts: CheckOptions = options()): void {
  let r: CheckResult;
  try {
    r = checkText(text, opts);
  } catch (e) {
    assert.fail(`${label}: checkText threw ${(e as Error)?.stack ?? e}`);
  }
  checkInvariants(text, r, label);
  const fixed = fixAllText(text, opts);
  const again = fixAllText(fixed.text, opts);
  assert.strictEqual(again.text, fixed.text, `${label}: fix-all is not idempotent (rounds ${fixed.rounds}, then ${again.rounds} more)`);
}

/** fast-check parameters from the environment: FUZZ_SEED, FUZZ_RUNS (the long run sets them). */
export function fcParams(defaultRuns: number): fc.Parameters<unknown> {
  // A fixed seed keeps `npm test` reproducible; `npm run fuzz` explores new ones.
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20251020;
  return { numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns), seed, endOnFailure: true, verbose: 1 };
}
