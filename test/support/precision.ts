/**
 * Precision on real writing: findings over the corpus, and a fixed sample per rule to judge by hand.
 *
 *   tsx test/support/precision.ts counts            findings per rule (profile paper-review-ko)
 *   tsx test/support/precision.ts sample RULE [N]   the rule's sample (25 by default), with context
 *   tsx test/support/precision.ts sample-json RULE  the same as JSON, ready to be judged
 *   tsx test/support/precision.ts status [RULE]     the current samples against the judged files:
 *                                                   right/wrong/debatable/unjudged per rule
 *   tsx test/support/precision.ts settle RULE       drop "open" from judged wrong findings that are silent now
 *
 * Judged findings live in test/fixtures/precision/<rule>.json (see JudgedFinding); the test
 * test/engine/precision-corpus.test.ts keeps the right ones firing and the wrong ones silent.
 *
 * The sample is not random per run: a rule's findings are ranked by an FNV-1a hash of
 * "rule|file|line|excerpt" and the N smallest are taken. A finding that survives a change keeps
 * its rank, so samples before and after a change overlap where findings did not move.
 */
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, type Finding } from '../../server/src/engine';
import { CORPUS, corpusFiles } from './paths';

export const PROFILE_ID = 'paper-review-ko';

export interface CorpusFinding {
  rule: string;
  severity: string;
  /** Path under the corpus folder, with forward slashes. */
  file: string;
  /** 1-based line of the finding's start. */
  line: number;
  /** The finding's source text, cut at 80 characters (the whole line for an empty span). */
  excerpt: string;
  message: string;
}

export const JUDGED_DIR = path.join(__dirname, '..', 'fixtures', 'precision');

export interface JudgedFinding {
  file: string;
  line: number;
  excerpt: string;
  verdict: 'right' | 'wrong' | 'debatable';
  /** Why, in a few words: what a careful editor would say. */
  reason: string;
  /** For a wrong one: no finding of the rule anywhere on this line (not only this excerpt). */
  line_silent?: boolean;
  /** The message when judged, for the reader (not compared). */
  message?: string;
  /**
   * For a wrong one whose cause is not removed yet: it still fires, and the test says so without
   * failing. Once it stops firing the test fails until the flag is dropped, so it stays silent.
   */
  open?: boolean;
  /** For a right one: why it was traded away for precision on purpose (it may be silent). */
  given_up?: string;
}

/**
 * Whether a judged finding fires among a file's findings of its rule: the same line and excerpt, or
 * for a `line_silent` one anything of the rule on that line.
 */
export function judgedFires(j: JudgedFinding, rule: string, fileFindings: CorpusFinding[]): boolean {
  const here = fileFindings.filter(f => f.rule === rule && f.line === j.line);
  return j.line_silent ? here.length > 0 : here.some(f => f.excerpt === j.excerpt);
}

export function judgedOf(rule: string): JudgedFinding[] {
  const p = path.join(JUDGED_DIR, `${rule}.json`);
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) as JudgedFinding[] : [];
}

export function judgedRules(): string[] {
  return fs.existsSync(JUDGED_DIR) ? fs.readdirSync(JUDGED_DIR).filter(f => f.endsWith('.json')).map(f => f.slice(0, -5)).sort() : [];
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

export function excerptOf(text: string, f: Finding, lineText: string): string {
  const s = text.slice(f.span.start, f.span.end);
  return (s.trim() ? s : lineText).slice(0, 80);
}

export function findingsOf(text: string, file: string): { findings: CorpusFinding[]; lines: string[] } {
  const profile = builtinProfile(PROFILE_ID)!;
  const r = checkText(text, { profile, locale: 'ko' });
  const lines = text.split(/\r?\n/);
  const findings = r.findings.map(f => {
    const line = r.lineIndex.positionAt(f.span.start).line + 1;
    return { rule: f.rule, severity: f.severity, file, line, excerpt: excerptOf(text, f, lines[line - 1] ?? ''), message: f.message };
  });
  return { findings, lines };
}

export const keyOf = (f: Pick<CorpusFinding, 'rule' | 'file' | 'line' | 'excerpt'>) => `${f.rule}|${f.file}|${f.line}|${f.excerpt}`;

export function corpusFindings(): { findings: CorpusFinding[]; lines: Map<string, string[]> } {
  const all: CorpusFinding[] = [];
  const lines = new Map<string, string[]>();
  for (const abs of corpusFiles()) {
    const file = path.relative(CORPUS, abs).split(path.sep).join('/');
    const r = findingsOf(fs.readFileSync(abs, 'utf8'), file);
    lines.set(file, r.lines);
    for (const f of r.findings) all.push(f);
  }
  return { findings: all, lines };
}

export function sampleOf(findings: CorpusFinding[], rule: string, n = 25): CorpusFinding[] {
  return findings.filter(f => f.rule === rule).map(f => ({ f, h: fnv1a(keyOf(f)) })).sort((a, b) => a.h - b.h).slice(0, n).map(x => x.f);
}

function main(argv: string[]): void {
  const [cmd, rule, n] = argv;
  const { findings, lines } = corpusFindings();
  if (cmd === 'counts') {
    const counts = new Map<string, { severity: string; n: number; files: Set<string> }>();
    for (const f of findings) {
      const c = counts.get(f.rule) ?? { severity: f.severity, n: 0, files: new Set() };
      c.n++; c.files.add(f.file); counts.set(f.rule, c);
    }
    for (const [r, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${r.padEnd(22)} ${c.severity.padEnd(12)} ${String(c.n).padStart(6)} ${String(c.files.size).padStart(5)} files`);
    console.log(`${'total'.padEnd(35)} ${String(findings.length).padStart(6)}`);
    return;
  }
  if ((cmd === 'sample' || cmd === 'sample-json') && rule) {
    const s = sampleOf(findings, rule, n ? Number(n) : 25);
    if (cmd === 'sample-json') { console.log(JSON.stringify(s.map(f => ({ ...f, verdict: '', reason: '' })), null, 2)); return; }
    s.forEach((f, i) => {
      const l = lines.get(f.file)!;
      console.log(`## ${i + 1}. ${f.file}:${f.line}  «${f.excerpt}»\n${f.message}\n`);
      for (let k = Math.max(1, f.line - 2); k <= Math.min(l.length, f.line + 2); k++) console.log(`${k === f.line ? '>' : ' '} ${k}: ${l[k - 1].slice(0, 400)}`);
      console.log('');
    });
    return;
  }
  if (cmd === 'status') {
    const rules = rule ? [rule] : [...new Set(findings.map(f => f.rule))].sort();
    for (const r of rules) {
      const judged = new Map(judgedOf(r).map(j => [keyOf({ rule: r, ...j }), j]));
      const s = sampleOf(findings, r);
      const tally = { right: 0, wrong: 0, debatable: 0, unjudged: 0 };
      for (const f of s) tally[judged.get(keyOf(f))?.verdict ?? 'unjudged']++;
      console.log(`${r.padEnd(22)} sample ${String(s.length).padStart(2)}: right ${tally.right}, wrong ${tally.wrong}, debatable ${tally.debatable}, unjudged ${tally.unjudged}`);
      if (rule) for (const f of s) if (!judged.has(keyOf(f))) console.log(`  unjudged ${f.file}:${f.line} «${f.excerpt}»`);
    }
    return;
  }
  if (cmd === 'settle' && rule) {
    // Drops "open" from judged wrong findings that no longer fire, so they must stay silent.
    const judged = judgedOf(rule);
    let settled = 0;
    for (const j of judged) {
      if (!j.open) continue;
      if (!judgedFires(j, rule, findings.filter(f => f.file === j.file))) { delete j.open; settled++; console.log(`silent now: ${j.file}:${j.line} «${j.excerpt}»`); }
    }
    fs.writeFileSync(path.join(JUDGED_DIR, `${rule}.json`), JSON.stringify(judged, null, 2) + '\n');
    console.log(`${settled} settled, ${judged.filter(j => j.open).length} still open`);
    return;
  }
  console.error('usage: precision.ts counts | sample RULE [N] | sample-json RULE [N] | status [RULE] | settle RULE');
  process.exit(2);
}

if (require.main === module) main(process.argv.slice(2));
