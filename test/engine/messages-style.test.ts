import * as assert from 'assert';
import { message, messageIds } from '../../server/src/engine/messages';

// The message catalogues read as an editor writes (issue 15): English says what is wrong and what
// to do in plain words, not "Unexpected X, expected Y"; Korean keeps one register, statements in
// 합니다체 and advice in -(으)세요 (Microsoft's Korean style), never 해 주세요 / 해야 합니다 /
// 하십시오 beside it. Fix titles, labels and related-location notes are noun phrases.
const LABEL = /\/(fix|related|where|first|hover|builtin|completion|symbol|add)|^(glossary|preview)\/|^cli\/(summary|fixable|terms-|github-summary-columns|glossary-ok|glossary-failed|no-problems|written|up-to-date)/;

describe('message catalogues: one plain style per language', () => {
  it('English: no parser-speak', () => {
    for (const id of messageIds('en')) {
      const m = message('en', id);
      assert.doesNotMatch(m, /\bUnexpected\b|, expected\b/, id);
    }
  });

  it('Korean: one register, no request forms mixed in', () => {
    for (const id of messageIds('ko')) {
      const m = message('ko', id);
      assert.doesNotMatch(m, /주세요|십시오|[어여아]야 합니다|해야 합니다/, `${id}: ${m}`);
      if (LABEL.test(id)) continue;
      // Each sentence of a finding or an error ends in 합니다체 or -(으)세요 (a clause after ":" may list values).
      for (const sentence of m.split(/(?<=[가-힣]\.)\s+/).map(x => x.replace(/\s*\([^()]*\)$/, '').trim()).filter(Boolean)) {
        if (/:\s/.test(sentence) && !/(니다|세요)[.]?$/.test(sentence)) continue;
        assert.match(sentence, /(니다|세요|없음|않음|읽지 않음|쓰지 않음|고치지 않음)[.]?$/, `${id}: "${sentence}" in ${m}`);
      }
    }
  });

  it('every id exists in both languages', () => {
    assert.deepStrictEqual(messageIds('en').filter(id => !messageIds('ko').includes(id)), []);
    assert.deepStrictEqual(messageIds('ko').filter(id => !messageIds('en').includes(id)), []);
  });
});

describe('finished messages are kept by their data', () => {
  it('never hands back a message made for other data (types, lengths, separators)', () => {
    const id = 'term-repeated-pair/repeated';
    const cases: Record<string, unknown>[] = [
      { pair: '{"a":1}' }, { pair: { a: 1 } }, { pair: '1' }, { pair: 1 }, { pair: 'a:b' }, { pair: 'a' }, {}, { pair: undefined },
    ];
    // Twice over: the second round is answered from what the first kept.
    for (let round = 0; round < 2; round++) {
      for (const data of cases) {
        const p = data.pair;
        const shown = 'pair' in data ? String(p) : '{pair}';
        assert.strictEqual(message('en', id, data), `The pair "${shown}" is repeated; give the English original only at the first use`, JSON.stringify(data));
      }
    }
  });
});
