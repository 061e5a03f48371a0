import * as assert from 'assert';
import { hoverText } from '../../server/src/features/hover';
import { BUILTIN_GLOSSARY, type SourcedEntry } from '../../server/src/engine';
import builtin from '../../server/src/engine/glossary/default-glossary.json';

// The glossary hover, in memory (issue 15): the entry as a writer uses it, not curation notes.
const entry = (en: string, file = BUILTIN_GLOSSARY): SourcedEntry => ({ ...(builtin.terms as SourcedEntry[]).find(t => t.en === en)!, file, span: { start: 0, end: 0 }, index: 0 });

describe('hover text for a glossary term', () => {
  it('built-in entry: pair, accepted and avoided forms, other meanings, the built-in glossary; no curation note', () => {
    const v = hoverText(entry('fine-tuning'), 'ko');
    assert.match(v, /^\*\*미세 조정\*\* ↔ \*fine-tuning\*/);
    assert.match(v, /허용 표기: finetuning, fine tuning/);
    assert.match(v, /피할 표기: 파인튜닝, 파인 튜닝, 미세조정/);
    assert.match(v, /다른 뜻\(영어 원어를 함께 적으세요\): refinement/);
    assert.match(v, /용어집: 기본 용어집/);
    assert.doesNotMatch(v, /말뭉치|\d+회/, 'the curation note (corpus counts) stays in docs/default-glossary.md');
    assert.match(hoverText(entry('feature map'), 'en'), /Give the English original at the first use/);
  });

  it('a writer\'s own glossary: its note is shown, with the file', () => {
    const own = { ...entry('fine-tuning', '/ws/.paper-digest/glossary.json'), note: '팀이 정한 말' };
    const v = hoverText(own, 'en');
    assert.match(v, /팀이 정한 말/);
    assert.match(v, /Glossary: `\/ws\/\.paper-digest\/glossary\.json`/);
  });
});
