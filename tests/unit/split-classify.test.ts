import { describe, expect, it } from 'vitest';
import {
  classifyLine,
  closesOpenQuote,
  continuesPhrase,
  endsSentence,
  standaloneKind,
  isBalanced,
  parseAuthors,
} from '../../scripts/split/classify.ts';

describe('classifyLine', () => {
  it.each([
    ['一、背景意义与发展现状', 'section'],
    ['十二、结语', 'section'],
    ['（一）时代背景', 'subsection'],
    ['(二) 资源整合：深度性与持续性有待突破', 'subsection'],
    ['(一)少数党员干部存在“多干多错,少干少错”的错误认识', 'subsection'],
    ['1. 人口结构多元复杂，服务需求叠加交织。', 'numbered'],
    ['3．全角句点的编号段落。', 'numbered'],
    ['（执笔人：薛萍 凌泰炀）', 'authors'],
    ['(执笔人：周宁晖 印华斌 钱小刚 王声宇 吴建军)', 'authors'],
    ['区老年群体多，60 岁以上老人 1064 人。', 'paragraph'],
    ['1.23 万人次的志愿者参与其中。', 'paragraph'],
    ['（做到什么程度），制定年度、季度、月度党建工作明细。', 'paragraph'],
    ['一是制定相关文件。', 'paragraph'],
  ])('classifies %s as %s', (text, kind) => {
    expect(classifyLine(text)).toBe(kind);
  });
});

describe('parseAuthors', () => {
  it('splits names on spaces for both paren and colon widths', () => {
    expect(parseAuthors('（执笔人：夏巍巍 方广和 丁健 胡倩）')).toEqual([
      '夏巍巍',
      '方广和',
      '丁健',
      '胡倩',
    ]);
    expect(parseAuthors('(执笔人:周宁晖  印华斌)')).toEqual(['周宁晖', '印华斌']);
  });

  it('returns undefined for a line that is not an authors line', () => {
    expect(parseAuthors('执笔人是谁并不重要。')).toBeUndefined();
  });
});

describe('endsSentence', () => {
  it.each([
    ['占老人总数的 42.4%。', true],
    ['就是指“在基层治理过程中，引发组织失能。”', true],
    ['为推动南京经济高质量发展作出积极贡献！', true],
    ['主要集中在以下五个方面:', true],
    ['例如，鼓楼区康藏路社', false],
    ['缺乏敏锐的洞察力；', false],
    ['依托成熟的、', false],
    ['擦亮1个品牌——', false],
    ['整合“党校+高校”', false],
    ['导致学用“两', false],
    ['他说：“第一句。', true],
    ['1）压实责任；2）传导压力。', true],
  ])('judges %s as %s', (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });

  it('checks quotes and brackets of every kind for balance', () => {
    expect(isBalanced('“社+联”整合（以下简称“社志融合”）')).toBe(true);
    expect(isBalanced('坚定‘四')).toBe(false);
    expect(isBalanced('《关于贯彻落实〈条例〉的')).toBe(false);
  });
});

describe('closesOpenQuote', () => {
  it('joins across a break only when the next paragraph closes the quote left open', () => {
    expect(closesOpenQuote('他说：“第一句。', '第二句。”随后散会。')).toBe(true);
    expect(closesOpenQuote('他说：“第一句。', '另起一段，没有引号。')).toBe(false);
    expect(closesOpenQuote('他说：“第一句。', '“新的引语”已经闭合。')).toBe(false);
    expect(closesOpenQuote('1）压实责任。', '2）传导压力。')).toBe(false);
  });
});

describe('standalone lines', () => {
  it.each([
    ['表 1 全市试点社区基本情况', 'caption'],
    ['图2-1 组织架构', 'caption'],
    ['表一 调查对象', 'caption'],
    ['资料来源：市委社会工作部', 'caption'],
    ['——以华侨路街道为例', 'dash'],
    ['表明了党组织的作用。', undefined],
    ['图书馆建设情况', undefined],
    ['服务根基', undefined],
  ])('classifies %s as %s', (text, kind) => {
    expect(standaloneKind(text)).toBe(kind);
  });

  it('lets only a letter, a digit or an opening quote go on with a cut phrase', () => {
    expect(
      ['服务根基', '“两张皮”', 'AI 赋能', '）的', '表 1 全市试点社区基本情况'].map(continuesPhrase),
    ).toEqual([true, true, true, false, false]);
  });
});
