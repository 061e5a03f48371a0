import * as assert from 'assert';
import { message, messageIds } from '../../server/src/engine/messages';
import { finalSound, resolveParticles } from '../../server/src/engine/messages/particles';
import { particleAt } from '../../server/src/engine/particles';

// Issue 15: every Korean message, rendered with words ending in a vowel, in ㄹ, in another
// consonant, and with Latin abbreviations, has the particle that agrees and no 을(를) notation.
const VALUES: { v: string; batchim: boolean; rieul: boolean }[] = [
  { v: '데이터', batchim: false, rieul: false },
  { v: '모델', batchim: true, rieul: true },
  { v: '추론', batchim: true, rieul: false },
  { v: 'VAE', batchim: false, rieul: false },
  { v: 'LLM', batchim: true, rieul: false },
  { v: 'GPT-4', batchim: false, rieul: false },
  { v: 'URL', batchim: true, rieul: true },
];
const FALLBACK = /을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|\(으\)로|와\(과\)|과\(와\)|\(이\)나|\(이\)라|\(이\)랑/;

function agrees(form: string, batchim: boolean, rieul: boolean): boolean {
  const withBatchim = ['을', '이', '은', '과', '으로', '이나', '이라', '이랑', '으로서', '으로써', '으로부터'];
  if (form.startsWith('으로') || form.startsWith('로')) return form.startsWith('으로') === (batchim && !rieul);
  return withBatchim.includes(form) === batchim;
}

describe('Korean messages: particles agree with the words in them', () => {
  it('reads Latin words and abbreviations as they are read aloud', () => {
    const f = (s: string) => finalSound(s);
    assert.deepStrictEqual(f('"VAE"'), { batchim: false, rieul: false });
    assert.deepStrictEqual(f('"LLM"'), { batchim: true, rieul: false });
    assert.deepStrictEqual(f('"URL"'), { batchim: true, rieul: true });
    assert.deepStrictEqual(f('"GPT-4"'), { batchim: false, rieul: false });
    assert.deepStrictEqual(f('"token"'), { batchim: true, rieul: false });
    assert.deepStrictEqual(f('"model"'), { batchim: true, rieul: true });
    assert.deepStrictEqual(f('"prompt"'), { batchim: false, rieul: false });
    assert.deepStrictEqual(f('"추론(inference)"'), { batchim: true, rieul: false });
    assert.strictEqual(resolveParticles('"재구성(reconstruction)"(으)로'), '"재구성(reconstruction)"으로');
    assert.strictEqual(resolveParticles('"목차:"과(와)'), '"목차:"와');
  });

  const ids = messageIds('ko');
  for (const { v, batchim, rieul } of VALUES) {
    it(`every message with "${v}" in each placeholder`, () => {
      const bad: string[] = [];
      for (const id of ids) {
        const names = [...(message('ko', id, {}).matchAll(/\{(\w+)\}/g))].map(m => m[1]);
        const data = Object.fromEntries(names.map(n => [n, v]));
        const text = message('ko', id, data);
        if (FALLBACK.test(text)) bad.push(`${id}: fallback notation left: ${text}`);
        // Every particle right after the value (or after its closing quote) agrees with it.
        let at = text.indexOf(v);
        while (at >= 0) {
          let end = at + v.length;
          if (text[end] === '"') end++;
          const p = particleAt(text.slice(end, end + 6));
          if (p && !agrees(p.form, batchim, rieul)) bad.push(`${id}: "${v}" + ${p.form}: ${text}`);
          at = text.indexOf(v, at + 1);
        }
      }
      assert.deepStrictEqual(bad, []);
    });
  }
});
