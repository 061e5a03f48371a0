import * as assert from 'assert';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine';
import { IncrementalParser } from '../../server/src/engine/incremental/parser';
import { hasCorpus } from '../support/paths';
import { checkDocument, fcParams, generatedDocument, mutation, options, realDocuments } from './props';

// Property tests over generated and mutated real documents: the engine never throws, every range
// lies in the document, every fix applies cleanly, fix-all changes only its spans and is idempotent,
// and the incremental parse gives the same findings as a full parse. Bounded runs keep `npm test`
// quick; `npm run fuzz -- --runs 5000 --seed 42` goes deeper with the same properties.
describe('robustness: properties', function () {
  this.timeout(300_000);
  const docs = realDocuments(hasCorpus() ? 40 : 0);

  it('generated digests: no exception, ranges inside, fixes apply, fix-all idempotent', () => {
    fc.assert(fc.property(generatedDocument, text => { checkDocument(text, 'generated'); }), fcParams(60));
  });

  it(`mutated real documents (${docs.length}: seed, fixtures${hasCorpus() ? ', corpus sample' : ''})`, () => {
    const doc = fc.integer({ min: 0, max: docs.length - 1 });
    fc.assert(fc.property(doc, fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
      const text = ms.reduce((t, m) => m(t), docs[i].text);
      checkDocument(text, `mutated ${docs[i].name}`);
    }), fcParams(40));
  });

  it('incremental parse after an edit gives the same findings as a full parse', () => {
    const doc = fc.integer({ min: 0, max: docs.length - 1 });
    fc.assert(fc.property(doc, mutation, (i, m) => {
      const before = docs[i].text, after = m(before);
      const parser = new IncrementalParser();
      parser.parse(before);
      const incremental = checkText(after, options({ root: parser.parse(after) }));
      const full = checkText(after, options());
      const key = (r: typeof full) => r.findings.map(f => `${f.span.start}-${f.span.end} ${f.rule} ${f.message}`);
      assert.deepStrictEqual(key(incremental), key(full), docs[i].name);
    }), fcParams(30));
  });

  it('every real document as it is', () => {
    for (const d of docs) checkDocument(d.text, d.name);
  });
});
