import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../scripts/split/classify.ts';
import type { Block } from '../../scripts/split/model.ts';
import { splitLines } from '../../scripts/split/read-lines.ts';
import {
  continuesHeading,
  continuesParagraph,
  joinText,
  repairBlocks,
} from '../../scripts/split/repair.ts';
import { expectedText, listCases } from '../fixtures/split/load.ts';

/** One block per paragraph of the expectation file: kind, source lines, then the text. */
function describeBlocks(blocks: readonly Block[]): string {
  return `${blocks.map((block) => `[${block.kind} ${block.lines.join('+')}]\n${block.text}`).join('\n\n')}\n`;
}

describe('repair fixtures cut from the real source', () => {
  for (const fixture of listCases('repair')) {
    it(`repairs "${fixture.name}" as its expectation says`, () => {
      const { blocks } = repairBlocks(classifyLines(splitLines(fixture.input)));
      const actual = describeBlocks(blocks);
      expect(actual).toBe(expectedText(path.join(fixture.dir, 'expected.txt'), actual));
    });
  }
});

const block = (kind: Block['kind'], text: string, line = 1): Block => ({
  kind,
  text,
  lines: [line],
});

describe('repairBlocks', () => {
  it('joins a paragraph cut by a page break without inserting a space between CJK characters', () => {
    const result = repairBlocks([
      block('numbered', '1. 例如，鼓楼区康藏路社', 101),
      block('paragraph', '区老年群体多。', 103),
    ]);
    expect(result.blocks).toEqual([
      { kind: 'numbered', text: '1. 例如，鼓楼区康藏路社区老年群体多。', lines: [101, 103] },
    ]);
    expect(result.repairs).toEqual([
      {
        kind: 'paragraph',
        line: 101,
        joinedLine: 103,
        before: '，鼓楼区康藏路社',
        after: '区老年群体多。',
      },
    ]);
  });

  it('joins a heading whose end wrapped onto the next line', () => {
    const result = repairBlocks([
      block('subsection', '（一）“惠企政策我来讲”，筑牢专业', 946),
      block('paragraph', '服务根基', 948),
      block('paragraph', '支部推动党员干部转变。', 950),
    ]);
    expect(result.blocks.map((entry) => entry.text)).toEqual([
      '（一）“惠企政策我来讲”，筑牢专业服务根基',
      '支部推动党员干部转变。',
    ]);
    expect(result.repairs.map((repair) => repair.kind)).toEqual(['heading']);
  });

  it('never glues a heading to the paragraph after it', () => {
    const result = repairBlocks([
      block('subsection', '（三）聚焦务实管用，避免载体低效空转', 843),
      block('paragraph', '部分单位的党员先锋岗、志愿服务队只挂牌', 844),
      block('paragraph', '不履职。', 846),
    ]);
    expect(result.blocks.map((entry) => entry.kind)).toEqual(['subsection', 'paragraph']);
    expect(result.blocks[1]?.text).toBe('部分单位的党员先锋岗、志愿服务队只挂牌不履职。');
  });

  it('keeps two paragraphs apart when the first ends a sentence', () => {
    const result = repairBlocks([
      block('numbered', '4. 驰而不息正风肃纪。强化日常监督。', 1190),
      block('paragraph', '严格执行纪律规定。', 1192),
    ]);
    expect(result.blocks).toHaveLength(2);
    expect(result.repairs).toEqual([]);
  });

  it('never lets a cut paragraph swallow a numbered paragraph or a heading', () => {
    expect(
      continuesParagraph(block('paragraph', '通过专业'), block('numbered', '2. 下一条。')),
    ).toBe(false);
    expect(
      continuesParagraph(block('paragraph', '通过专业'), block('section', '二、主要做法')),
    ).toBe(false);
  });

  it('reports a paragraph that still ends mid-sentence as unjoined', () => {
    const result = repairBlocks([
      block('paragraph', '通过专业', 5),
      block('section', '二、主要做法', 7),
    ]);
    expect(result.unjoined.map((entry) => entry.lines)).toEqual([[5]]);
  });

  it('does not take a punctuated or long line for the tail of a heading', () => {
    expect(
      continuesHeading(
        block('subsection', '（一）始终筑牢“融”的理念'),
        block('paragraph', '理念的深度融合作为推进各项工作的前提，'),
      ),
    ).toBe(false);
    expect(
      continuesHeading(
        block('subsection', '（一）时代背景'),
        block('paragraph', '当前我国社会结构深刻变动利益格局深刻调整思想观念'),
      ),
    ).toBe(false);
    expect(
      continuesHeading(
        block('subsection', '（三）践行“负责任”使命，打造专业队伍。'),
        block('paragraph', '服务根基'),
      ),
    ).toBe(false);
  });

  it('puts one space between Latin words and none next to CJK', () => {
    expect(joinText('依托 NLP', 'model 的')).toBe('依托 NLP model 的');
    expect(joinText('依托 NLP', '技术')).toBe('依托 NLP技术');
    expect(joinText('康藏路社', '区')).toBe('康藏路社区');
  });
});
