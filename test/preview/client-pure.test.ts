import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { frontMatterOptIn, isDigestFile, parseMarkdown } from '../../server/src/engine';
import { treatAsDigestEdit } from '../../client/src/treat-as-digest';
import { checkPageMessage } from '../../client/src/preview/page-messages';
import { ROOT } from '../support/paths';

const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

// Client logic that does not need VS Code: the opt-in edit, and the localisation bundles.
describe('client: Treat This File as a Digest, l10n bundles', () => {
  const cases: [string, string][] = [
    ['no front matter', '목차:\n1. 섹션\n\n### 1. 섹션\n'],
    ['front matter with other keys', '---\ntitle: 주간 다이제스트\n---\n\n본문\n'],
    ['empty front matter', '---\n---\n본문\n'],
    ['paper-digest: false', '---\ntitle: x\npaper-digest: false\n---\n본문\n'],
    ['CRLF and a BOM', '\uFEFF---\r\ntitle: x\r\n---\r\n본문\r\n'],
    ['CRLF, no front matter', '본문\r\n\r\n둘째\r\n'],
  ];
  for (const [name, text] of cases) {
    it(`opts a file in: ${name}`, () => {
      assert.strictEqual(frontMatterOptIn(text), null);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const after = apply(text, treatAsDigestEdit(text, eol)!);
      assert.strictEqual(frontMatterOptIn(after), true, JSON.stringify(after));
      assert.ok(isDigestFile('notes/readme.md', after, []));
      assert.strictEqual(parseMarkdown(after).children[0].type, 'yaml', 'still one front matter block');
      if (eol === '\r\n') assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, 'keeps CRLF');
      assert.strictEqual(treatAsDigestEdit(after, eol), null, 'a second run changes nothing');
    });
  }

  it('has a Korean translation for every runtime string of the client (vscode.l10n.t, and t(locale, …) of client/src/l10n.ts)', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/(?:l10n\.t|\bt)\(\s*(?:[\w.]+,\s*)?'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\(.)/g, '$1'));
      }
    };
    walk(path.join(ROOT, 'client', 'src'));
    assert.ok(used.size >= 10);
    const missing = [...used].filter(s => !(s in bundle));
    assert.deepStrictEqual(missing, [], 'add these to l10n/bundle.l10n.ko.json');
    for (const s of used) {
      const holes = (x: string) => (x.match(/\{\d+\}|\$\([a-z-]+\)/g) ?? []).sort();
      assert.deepStrictEqual(holes(bundle[s]), holes(s), `placeholders and icons of "${s}"`);
    }
  });

  it('has every %key% of package.json in package.nls.json and package.nls.ko.json', () => {
    const pkg = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    assert.ok(keys.includes('command.openPreview') && keys.includes('command.treatAsDigest'));
    for (const f of ['package.nls.json', 'package.nls.ko.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
      assert.deepStrictEqual(keys.filter(k => !(k in nls)), [], f);
    }
  });

  it('preview page messages are checked before use: lines clamped, malformed ones dropped', () => {
    assert.deepStrictEqual(checkPageMessage({ type: 'reveal', line: 3, character: 2 }, 10), { type: 'reveal', line: 3, character: 2 });
    assert.deepStrictEqual(checkPageMessage({ type: 'reveal', line: 50 }, 10), { type: 'reveal', line: 9, character: 0 });
    assert.deepStrictEqual(checkPageMessage({ type: 'scrolled', line: 2.7 }, 10), { type: 'scrolled', line: 2 });
    for (const bad of [{ type: 'reveal', line: -5 }, { type: 'reveal', line: NaN }, { type: 'reveal', line: '3' }, { type: 'reveal', line: 1, character: -1 },
      { type: 'scrolled', line: Infinity }, { type: 'open', uri: 'file:///etc/passwd' }, null, 'reveal', 7]) {
      assert.strictEqual(checkPageMessage(bad, 10), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(checkPageMessage({ type: 'ready' }, 0), { type: 'ready' });
    assert.deepStrictEqual(checkPageMessage({ type: 'shown', published: true, terms: 'yes', asterisks: 22.5, outline: 'beside', extra: 1 }, 0),
      { type: 'shown', published: true, terms: false, asterisks: 22, outline: 'beside' });
    for (const bad of [{ type: 'shown', asterisks: -1, outline: 'bar' }, { type: 'shown', asterisks: 2, outline: 'left' }, { type: 'shown', outline: 'bar' }]) {
      assert.strictEqual(checkPageMessage(bad, 10), undefined, JSON.stringify(bad));
    }
  });
});
