import * as assert from 'assert';
import { columns, padColumns, fitColumns, printable } from '../../server/src/cli/columns';
import { excerpt } from '../../server/src/cli/formatters/excerpt';
import { LineIndex } from '../../server/src/engine';

// Terminal columns for everything the CLI lines up (issue 15): Hangul and emoji take two columns,
// so String.padEnd and .length misalign Korean text in the terms report, progress line and excerpts.
describe('cli: terminal columns', () => {
  it('pads and cuts by columns, never inside a grapheme', () => {
    assert.strictEqual(columns('미세 조정'), 9);
    assert.strictEqual(padColumns('미세 조정', 12), '미세 조정   ');
    assert.strictEqual(columns(padColumns('fine-tuning', 12)), columns(padColumns('파인 튜닝', 12)));
    assert.strictEqual(fitColumns('가나다라마바사', 9), '가나다...');
    assert.strictEqual(fitColumns('👩‍👩‍👧 가족', 6), '👩‍👩‍👧 ...', 'a family emoji is one grapheme of two columns, kept whole');
    assert.strictEqual(fitColumns('👩‍👩‍👧가족', 4), '...', 'and never cut in half');
    assert.strictEqual(fitColumns('abc', 9), 'abc');
  });

  it('an excerpt underlines the span under the right columns, and cuts long lines around it', () => {
    const text = '앞 문장. **표현 오토인코더(RAE)**가 생성됩니다.\n';
    const start = text.indexOf('**표현'), end = text.indexOf('가 생성') + 1;
    const [line, under] = excerpt(new LineIndex(text), { start, end });
    assert.strictEqual(line, '  1 | 앞 문장. **표현 오토인코더(RAE)**가 생성됩니다.');
    assert.strictEqual(under.indexOf('^') - '  1 | '.length, columns('앞 문장. '));
    assert.strictEqual(under.trim().replace(/^\|\s*/, '').length, columns('**표현 오토인코더(RAE)**가'));
    const long = '가'.repeat(200) + '목표' + '나'.repeat(200);
    const at = long.indexOf('목표');
    const [l2, u2] = excerpt(new LineIndex(long), { start: at, end: at + 2 });
    assert.ok(l2.startsWith('  1 | …') && l2.endsWith('…'), l2);
    assert.ok(columns(l2) <= 6 + 72 + 2, `${columns(l2)} columns`);
    assert.strictEqual(columns(l2.slice(0, l2.indexOf('목표'))), u2.indexOf('^'), 'the carets sit under 목표');
  });

  it('document text printed to a terminal cannot carry escape sequences', () => {
    const text = '제목 \u001b]52;c;ZXZpbA==\u0007 그리고 \u001b[2J 끝\r\n';
    const [line] = excerpt(new LineIndex(text), { start: 0, end: 2 });
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/);
    assert.strictEqual(printable('a\u001b[31mb\tc'), 'a\ufffd[31mb c');
  });
});
