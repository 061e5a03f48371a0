import * as assert from 'assert';
import { buildDigest, builtinProfile, parseMarkdown } from '../../server/src/engine';
import { entryCounts, entryKind } from '../../server/src/engine/entry-kind';

const profile = builtinProfile('weekly-digest-ko')!;
const required = profile.blocks.filter(b => b.required).length;

/** The kind of the one paper entry under section 1, written as `body`. */
function kindOf(body: string): string {
  const text = `목차:\n1. 섹션\n\n### 1. 섹션\n\n#### 1.1. 항목 제목\n\n${body}\n`;
  const digest = buildDigest(parseMarkdown(text), text, profile);
  assert.strictEqual(digest.papers.length, 1);
  return entryKind(digest.papers[0], required);
}

describe('entry kind: a paper, or an overview of a topic (issue 15)', () => {
  it('a topic survey that cites no paper is an overview', () => {
    assert.strictEqual(kindOf('LLM의 추론 능력을 향상시키는 핵심 방법 중 하나는 문제를 단계적으로 풀게 하는 것입니다.\n\n**새로운 기능과 활용 분야**\n\n멀티모달 LLM은 차트를 읽습니다.'), 'overview');
    // One required block (the seed's 1.2 has only 핵심 아이디어) does not make a paper.
    assert.strictEqual(kindOf('MoE 아키텍처가 다시 주목받고 있습니다.\n\n**핵심 아이디어: 희소 활성화 네트워크**\n\n전문가 네트워크를 병렬로 둡니다.'), 'overview');
  });

  it('a link, words that point at a paper, or two required blocks make a paper', () => {
    assert.strictEqual(kindOf('새 방법을 다룹니다. [arXiv](https://arxiv.org/abs/2510.11690)'), 'paper');
    assert.strictEqual(kindOf('우한 대학교 등의 이 논문은 웹 소설 번역을 평가합니다.'), 'paper');
    assert.strictEqual(kindOf('본 연구는 새 벤치마크를 제시합니다.'), 'paper');
    assert.strictEqual(kindOf('In this paper the authors scale DiT.'), 'paper');
    assert.strictEqual(kindOf('**핵심 아이디어: 요약**\n\n내용입니다.\n\n**주요 방법론: 방법**\n\n*   내용입니다.'), 'paper');
  });

  it('an entry with nothing written yet is a paper being started', () => {
    assert.strictEqual(kindOf(''), 'paper');
  });

  it('counts leave heading-less papers (single reviews) out, as the status bar always did', () => {
    const text = '#### 1.1. 제목\n\n이 논문은 좋습니다.\n\n#### 1.2. 동향\n\n요즘 모델이 커졌습니다.\n';
    const digest = buildDigest(parseMarkdown(text), text, profile);
    assert.deepStrictEqual(entryCounts(digest.papers, required), { papers: 1, overviews: 1 });
  });
});
