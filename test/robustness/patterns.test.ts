import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinProfile, checkText, isDigestFile, type Profile } from '../../server/src/engine';
import { globMatcher, isSafeGlob } from '../../server/src/engine/globs';
import { ROOT } from '../support/paths';

// User-supplied patterns never become backtracking regexes: profile and glossary phrases are
// matched literally (indexOf, a trie), and file globs — compiled to regexes by picomatch — are
// limited to shapes that cannot backtrack catastrophically.
describe('robustness: user-supplied patterns', () => {
  it('no source file compiles a string into a RegExp', () => {
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /\bRegExp\s*\(/.test(fs.readFileSync(p, 'utf8'))) hits.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, 'server', 'src'));
    walk(path.join(ROOT, 'client', 'src'));
    assert.deepStrictEqual(hits, [], 'a RegExp built from a string: escape it or match literally');
  });

  it('ignores globs that backtrack catastrophically (many * in one segment, extglobs) and keeps the usual ones', () => {
    const evil = '*a'.repeat(12) + '*b';
    assert.strictEqual(isSafeGlob(evil), false);
    assert.strictEqual(isSafeGlob('**/*.digest.md'), true);
    assert.strictEqual(isSafeGlob('x'.repeat(600)), false);
    // Before the guard this one call took about a minute (picomatch → /[^/]*?a[^/]*?a…b/).
    assert.strictEqual(isDigestFile('a'.repeat(40), '', [evil]), false);
    assert.strictEqual(globMatcher([evil, '**/*.digest.md'])('notes/w.digest.md'), true);
    assert.strictEqual(globMatcher(['+(a|aa)+(a|aa)+(a|aa)b'])('a'.repeat(40)), false, 'extglobs are literal text');
    assert.strictEqual(isDigestFile('digests/2025/w3.md', '', ['**/digests/**/*.md']), true);
  });

  it('profile phrases with regex metacharacters match literally', () => {
    const base = builtinProfile('weekly-digest-ko')!;
    const profile: Profile = { ...base, promo: { phrases: ['(.*)+$', 'a.b'] } };
    const only = { rules: Object.fromEntries(['promo-content'].map(r => [r, 'warning' as const])) };
    const doc = (line: string) => `## 1. 섹션\n\n### 1.1. 논문\n\n${line}\n`;
    const hit = checkText(doc('구독하세요 (.*)+$ 지금'), { profile, ...only });
    assert.deepStrictEqual(hit.failures, []);
    assert.ok(hit.findings.some(f => f.rule === 'promo-content'), 'the literal phrase is found');
    const none = checkText(doc('axb 와 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'), { profile, ...only });
    assert.ok(!none.findings.some(f => f.rule === 'promo-content'), '"a.b" is not a pattern: "axb" does not match');
  });
});
