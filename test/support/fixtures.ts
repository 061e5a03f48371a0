import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, type CheckOptions, type CheckResult, type Profile } from '../../server/src/engine';

/**
 * Fixture files mark expected findings inline, at the end of the line where the finding starts:
 *
 *   ### 3. 멀티모달 <!-- expect: section-numbering -->
 *
 * Several rules: `<!-- expect: rule-a, rule-b -->`; twice the same rule: list it twice.
 * The runner removes the markers (they are at line ends, so no other offset moves) and checks
 * the stripped text. A first line `<!-- fixture: {"profile": "…", "rules": {…}} -->` sets options.
 */
export interface Fixture { file: string; text: string; expected: string[]; options: FixtureOptions }
export interface FixtureOptions { profile?: string; rules?: CheckOptions['rules']; locale?: 'ko' | 'en'; env?: Record<string, unknown>; only?: string[] }

const MARKER = /[ \t]*<!--\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*-->[ \t]*(?=\r?\n|$)/;

export function readFixture(file: string): Fixture {
  const raw = fs.readFileSync(file, 'utf8');
  const lines = raw.split(/(?<=\n)/);
  const expected: string[] = [];
  const out = lines.map((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return line;
    for (const rule of m[1].split(',').map(s => s.trim())) expected.push(`${i + 1}:${rule}`);
    return line.slice(0, m.index) + line.slice(m.index + m[0].length);
  });
  const header = /^<!--\s*fixture:\s*(\{[\s\S]*?\})\s*-->/.exec(raw);
  const options = header ? (JSON.parse(header[1]) as FixtureOptions) : {};
  return { file, text: out.join(''), expected: expected.sort(), options };
}

export function checkFixture(fx: Fixture, extra: Partial<CheckOptions> = {}): CheckResult {
  const profile: Profile = builtinProfile(fx.options.profile ?? 'weekly-digest-ko')!;
  if (!profile) throw new Error(`${fx.file}: unknown profile ${fx.options.profile}`);
  return checkText(fx.text, { profile, locale: fx.options.locale ?? 'en', rules: fx.options.rules, env: { ...fx.options.env, ...extra.env }, ...extra });
}

/** "line:rule" for each finding (1-based line of its start), restricted to `rules`. */
export function actualMarks(r: CheckResult, rules: string[]): string[] {
  return r.findings.filter(f => rules.includes(f.rule)).map(f => `${r.lineIndex.positionAt(f.span.start).line + 1}:${f.rule}`).sort();
}

export function fixtureDirs(root: string): { rule: string; files: string[] }[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory() && fs.existsSync(path.join(root, d.name, '.rule')) === false)
    .map(d => ({ rule: d.name, files: fs.readdirSync(path.join(root, d.name)).filter(f => /\.mdx?$/.test(f)).map(f => path.join(root, d.name, f)).sort() }))
    .filter(d => d.files.length);
}
