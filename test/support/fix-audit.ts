import { josa } from 'es-hangul';
import { applyEdits, ConfigResolver, lintText, type OffsetEdit } from '../../server/src/engine';
import { nodeFileReader } from '../../server/src/engine/node-files';
import { fixAllEdits } from '../../server/src/engine/fix-all';

/**
 * Applies safe fixes the way `--fix` does, round by round, and audits every applied edit for the
 * damage issue 12 lists: a particle that disagrees with the new word before it, a word doubled
 * at the edit, letters lost outside the replaced span. Used by the corpus fix test and by
 * `tsx test/support/fix-audit.ts FILE…` for reading the fixes by hand.
 */
export interface AppliedFix { rule: string; round: number; before: string; after: string; problems: string[] }
export interface FixAudit { text: string; rounds: number; applied: AppliedFix[]; converged: boolean }

/** Particle pairs a fix must keep in agreement (longest first, so 으로서 is not read as 으로). */
const PARTICLES: [string, string, Parameters<typeof josa>[1]][] = [
  ['으로부터', '로부터', '으로부터/로부터'], ['으로서', '로서', '으로서/로서'], ['으로써', '로써', '으로써/로써'],
  ['이랑', '랑', '이랑/랑'], ['이나', '나', '이나/나'], ['이라', '라', '이라/라'], ['으로', '로', '으로/로'],
  ['을', '를', '을/를'], ['이', '가', '이/가'], ['은', '는', '은/는'], ['과', '와', '와/과'],
];

const HANGUL = /[\uAC00-\uD7A3]/;
/** The Hangul syllable a particle after `s` agrees with: its last letter, before a closing `)`/`**`/link. */
function hostSyllable(s: string): string | undefined {
  let t = s.replace(/(\*\*|__|\*|_|`)+$/, '');
  // After a pair the particle agrees with the Korean before the parenthesis: 추론(inference)으로.
  const pair = /([\uAC00-\uD7A3])\s?[(（][^()（）]*[)）]$/.exec(t);
  if (pair) return pair[1];
  t = t.replace(/\]\([^)]*\)$/, '').replace(/\]$/, '');
  const last = t.slice(-1);
  return HANGUL.test(last) ? last : undefined;
}

/** The particle a text starts with and the form the host needs, when they disagree. */
export function particleDisagreement(host: string, following: string): string | undefined {
  const syl = hostSyllable(host);
  if (!syl) return undefined;
  for (const [a, b, rule] of PARTICLES) {
    for (const form of [a, b]) {
      if (!following.startsWith(form)) continue;
      // A particle ends a word: 이 in 이다/이며 is the copula (agrees by itself), 가 in 가능 is a noun.
      const rest = following.slice(form.length);
      if (form === '이' || form === '가' || form === '나' || form === '라') {
        if (!/^($|[\s.,;:!?)\]'"’”]|[을를의에도만])/.test(rest)) continue;
      }
      const want = josa(syl, rule).slice(1);
      return want === form ? undefined : `${syl}${form} (${syl}${want})`;
    }
  }
  return undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Adjacent repeated words ("검색 검색") in a stretch of text, as a multiset key list. */
function doubledWords(s: string): string[] {
  const words = [...s.matchAll(WORD)].map(m => ({ w: m[0], i: m.index! }));
  const out: string[] = [];
  for (let k = 1; k < words.length; k++) {
    const a = words[k - 1], b = words[k];
    if (a.w === b.w && a.w.length >= 2 && /^\s+$/.test(s.slice(a.i + a.w.length, b.i))) out.push(a.w);
  }
  return out;
}

/** Audits one fix (all its edits applied together) against the text it was proposed for. */
function auditFix(text: string, edits: OffsetEdit[]): string[] {
  const problems: string[] = [];
  const after = applyEdits(text, edits).text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const e of sorted) {
    const start = e.start + shift, end = start + e.text.length;
    shift += e.text.length - (e.end - e.start);
    // Particle right after the edited text (or after the pair it completes).
    const host = after.slice(Math.max(0, start - 40), end);
    const bad = particleDisagreement(host, after.slice(end, end + 6));
    if (bad && !particleDisagreement(text.slice(Math.max(0, e.start - 40), e.end), text.slice(e.end, e.end + 6))) problems.push(`particle ${bad}`);
    const win = (s: string, a: number, b: number) => s.slice(Math.max(0, a - 40), b + 40);
    const before = doubledWords(win(text, e.start, e.end)), now = doubledWords(win(after, start, end));
    for (const w of now) {
      const i = before.indexOf(w);
      if (i >= 0) before.splice(i, 1); else problems.push(`doubled "${w} ${w}"`);
    }
  }
  return problems;
}

export function auditFixAll(text: string, file: string, opts: { resolver?: ConfigResolver; profile?: string; maxRounds?: number } = {}): FixAudit {
  const resolver = opts.resolver ?? new ConfigResolver(nodeFileReader(require('fs')));
  const overrides = opts.profile ? { profile: opts.profile } : undefined;
  const applied: AppliedFix[] = [];
  const maxRounds = opts.maxRounds ?? 10;
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const { findings } = lintText(current, file, { resolver, overrides, locale: 'en' }).result;
    const edits = fixAllEdits(findings);
    if (!edits.length) return { text: current, rounds: round, applied, converged: true };
    const chosen = new Set(edits);
    for (const f of findings) {
      const fix = f.fixes.find(x => x.safe);
      if (!fix || !fix.edits.every(e => chosen.has(e))) continue;
      for (const e of fix.edits) chosen.delete(e);
      const s = Math.max(0, Math.min(...fix.edits.map(e => e.start)) - 30), t = Math.min(current.length, Math.max(...fix.edits.map(e => e.end)) + 30);
      const local = applyEdits(current, fix.edits.map(e => ({ ...e }))).text;
      applied.push({
        rule: f.rule, round,
        before: current.slice(s, t),
        after: local.slice(s, t + local.length - current.length),
        problems: auditFix(current, fix.edits),
      });
    }
    const next = applyEdits(current, edits).text;
    if (next === current) return { text: current, rounds: round, applied, converged: true };
    current = next;
  }
  return { text: current, rounds: maxRounds, applied, converged: false };
}

// Hand reading: `tsx test/support/fix-audit.ts [--profile ID] FILE…` prints every fix --fix would apply.
if (require.main === module) {
  const fs = require('fs') as typeof import('fs');
  const args = process.argv.slice(2);
  const pi = args.indexOf('--profile');
  const profile = pi >= 0 ? args.splice(pi, 2)[1] : undefined;
  const byRule = new Map<string, number>();
  let bad = 0, unconverged = 0;
  for (const file of args) {
    const r = auditFixAll(fs.readFileSync(file, 'utf8'), file, { profile });
    if (!r.converged) { unconverged++; console.log(`NOT CONVERGED ${file}`); }
    for (const a of r.applied) {
      byRule.set(a.rule, (byRule.get(a.rule) ?? 0) + 1);
      if (a.problems.length) bad++;
      if (process.env.VERBOSE || a.problems.length) console.log(`${a.problems.length ? 'BAD ' + a.problems.join('; ') : 'ok'} [${a.rule}] ${file}\n  - ${a.before.replace(/\n/g, '⏎')}\n  + ${a.after.replace(/\n/g, '⏎')}`);
    }
  }
  console.log(JSON.stringify({ files: args.length, applied: Object.fromEntries(byRule), damaged: bad, unconverged }));
}
