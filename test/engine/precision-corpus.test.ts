import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hasCorpus, CORPUS } from '../support/paths';
import { findingsOf, judgedFires, judgedOf, judgedRules, type CorpusFinding } from '../support/precision';

// Findings judged by hand on the real corpus (test/fixtures/precision/<rule>.json, drawn by
// test/support/precision.ts): the right ones must keep firing, the wrong ones must stay silent.
// A wrong one marked "open" (cause known, not removed yet) may still fire, and must be unmarked
// once it stops, so a fixed false alarm cannot come back unnoticed. A right one marked "given_up"
// (with why) was traded away for precision on purpose: it may be silent, and is named in the title.
describe('judged corpus findings (precision regression)', function () {
  this.timeout(120000);
  const cache = new Map<string, CorpusFinding[]>();
  const findings = (file: string) => {
    let f = cache.get(file);
    if (!f) { f = findingsOf(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file).findings; cache.set(file, f); }
    return f;
  };
  for (const rule of judgedRules()) {
    it(rule, function () {
      if (!hasCorpus()) this.skip();
      const problems: string[] = [];
      for (const j of judgedOf(rule)) {
        if (j.verdict === 'debatable') continue;
        const exact = judgedFires({ ...j, line_silent: false }, rule, findings(j.file));
        if (j.verdict === 'right' && !exact && !j.given_up) problems.push(`right but silent: ${j.file}:${j.line} «${j.excerpt}» (${j.reason})`);
        if (j.verdict === 'right' && exact && j.given_up) problems.push(`given up but fires again (drop "given_up"): ${j.file}:${j.line} «${j.excerpt}»`);
        if (j.verdict !== 'wrong') continue;
        const fires = judgedFires(j, rule, findings(j.file));
        if (fires && !j.open) problems.push(`wrong but fires: ${j.file}:${j.line} «${j.excerpt}» (${j.reason})`);
        if (!fires && j.open) problems.push(`open but now silent (drop "open"): ${j.file}:${j.line} «${j.excerpt}»`);
      }
      const open = judgedOf(rule).filter(j => j.open).length;
      const givenUp = judgedOf(rule).filter(j => j.given_up).length;
      const notes = [open && `${open} judged wrong still open`, givenUp && `${givenUp} judged right given up`].filter(Boolean);
      if (notes.length) this.test!.title = `${rule} (${notes.join(', ')})`;
      assert.deepStrictEqual(problems, []);
    });
  }
});
