// The glossary analysis caches each text run's result (issue 17); the cache is bounded by the
// characters of its keys, least recently used out, so a long editing session cannot grow it.
import * as assert from 'assert';
import { RunCache } from '../../server/src/engine/glossary/analysis';

describe('glossary run cache', () => {
  const value = { ko: [], en: [], pairs: [], abbrs: [], names: [] };

  it('keeps at most its limit of key characters, dropping the least recently used first', () => {
    const c = new RunCache(100);
    for (let i = 0; i < 50; i++) c.set(`${i}`.padEnd(10, '.'), value);
    assert.ok(c.size.chars <= 100, JSON.stringify(c.size));
    assert.strictEqual(c.size.entries, 10);
    assert.ok(c.get('49'.padEnd(10, '.')), 'the newest is kept');
    assert.strictEqual(c.get('0'.padEnd(10, '.')), undefined, 'the oldest is gone');
  });

  it('a read makes an entry recent again', () => {
    const c = new RunCache(30);
    c.set('a'.repeat(10), value); c.set('b'.repeat(10), value); c.set('c'.repeat(10), value);
    c.get('a'.repeat(10));
    c.set('d'.repeat(10), value);
    assert.ok(c.get('a'.repeat(10)), 'read just before: kept');
    assert.strictEqual(c.get('b'.repeat(10)), undefined, 'least recently used: dropped');
  });
});
