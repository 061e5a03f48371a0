import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigResolver, builtinProfile } from '../../server/src/engine';
import { nodeFileReader } from '../../server/src/engine/node-files';

// `extends` in a profile file: a built-in id or a path relative to that file, as the schema says;
// cycles and broken bases are errors at the "extends" that names them (issue 14).
describe('profiles: extends', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-ext-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, value: unknown) => fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
  const resolve = (confine = false) => {
    write('.paperdigestrc.json', { profile: './team.profile.json' });
    return new ConfigResolver(nodeFileReader(fs), { confine }).resolve(path.join(dir, 'w.digest.md'));
  };
  const messages = (c: ReturnType<typeof resolve>) => c.problems.flatMap(p => p.problems.map(x => `${path.basename(p.file)}: ${x.message}`));

  it('a relative path: the base file\'s settings, then this file\'s, through two levels', () => {
    write('base.profile.json', { id: 'base', extends: 'paper-review-ko', promo: { phrases: ['광고 문의'] } });
    write('team.profile.json', { id: 'team', extends: './base.profile.json', rules: { 'promo-content': 'error' } });
    const c = resolve();
    assert.deepStrictEqual(messages(c), []);
    assert.strictEqual(c.profile.id, 'team');
    assert.deepStrictEqual(c.profile.promo.phrases, ['광고 문의']);
    assert.strictEqual(c.profile.rules['promo-content'], 'error');
    assert.deepStrictEqual(c.profile.blocks, builtinProfile('paper-review-ko')!.blocks, 'paper-review-ko\'s blocks through the base');
  });

  it('a change to the base is seen (the cache follows the whole chain)', () => {
    write('base.profile.json', { id: 'base', extends: 'paper-review-ko', promo: { phrases: ['하나'] } });
    write('team.profile.json', { id: 'team', extends: './base.profile.json' });
    write('.paperdigestrc.json', { profile: './team.profile.json' });
    const r = new ConfigResolver(nodeFileReader(fs));
    const doc = path.join(dir, 'w.digest.md');
    assert.deepStrictEqual(r.resolve(doc).profile.promo.phrases, ['하나']);
    const base = path.join(dir, 'base.profile.json');
    write('base.profile.json', { id: 'base', extends: 'paper-review-ko', promo: { phrases: ['둘째', '셋째'] } });
    fs.utimesSync(base, new Date(), new Date(Date.now() + 5000));
    assert.deepStrictEqual(r.resolve(doc).profile.promo.phrases, ['둘째', '셋째']);
  });

  it('a cycle is an error at "extends", and the built-in default is used', () => {
    write('a.profile.json', { id: 'a', extends: './team.profile.json' });
    write('team.profile.json', { id: 'team', extends: './a.profile.json' });
    const c = resolve();
    // Reported where the chain closes, and at the profile that starts it.
    assert.match(messages(c).join('\n'), /^a\.profile\.json: .*a cycle: team\.profile\.json → a\.profile\.json → team\.profile\.json/m);
    assert.match(messages(c).join('\n'), /^team\.profile\.json: Base profile "\.\/a\.profile\.json" has problems of its own/m);
    const p = c.problems.find(x => x.file.endsWith('a.profile.json'))!;
    assert.strictEqual(p.text.slice(p.problems[0].span.start, p.problems[0].span.end), '"extends"');
    assert.strictEqual(c.profile.id, 'weekly-digest-ko');
  });

  it('a missing base that is then created is seen (a missing file is a dependency too)', () => {
    write('team.profile.json', { id: 'team', extends: './later.profile.json' });
    write('.paperdigestrc.json', { profile: './team.profile.json' });
    const r = new ConfigResolver(nodeFileReader(fs));
    const doc = path.join(dir, 'w.digest.md');
    assert.match(r.resolve(doc).problems.flatMap(p => p.problems.map(x => x.message)).join(), /Base profile: Profile file not found/);
    write('later.profile.json', { id: 'later', extends: 'paper-review-ko' });
    const c = r.resolve(doc);
    assert.deepStrictEqual(c.problems, []);
    assert.strictEqual(c.profile.id, 'team');
  });

  it('a missing base, or a base with problems, is reported; the base\'s own problems in its file', () => {
    write('team.profile.json', { id: 'team', extends: './nope.profile.json' });
    assert.match(messages(resolve()).join('\n'), /team\.profile\.json: Base profile: Profile file not found: .*nope\.profile\.json/);
    write('base.profile.json', '{ "id": "base", "extends": "paper-review-ko", "toc": 7 }\n');
    write('team.profile.json', { id: 'team', extends: './base.profile.json' });
    const m = messages(resolve()).join('\n');
    assert.match(m, /^base\.profile\.json: /m);
    assert.match(m, /team\.profile\.json: Base profile "\.\/base\.profile\.json" has problems of its own/);
  });

  it('untrusted: a base outside the profile\'s folder is not read', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-out-'));
    try {
      fs.writeFileSync(path.join(outside, 'x.profile.json'), JSON.stringify({ id: 'x', extends: 'paper-review-ko' }));
      write('team.profile.json', { id: 'team', extends: path.join(outside, 'x.profile.json') });
      assert.match(messages(resolve(true)).join('\n'), /Not read in an untrusted workspace: base profile/);
      assert.deepStrictEqual(messages(resolve(false)), []);
    } finally { fs.rmSync(outside, { recursive: true, force: true }); }
  });
});
