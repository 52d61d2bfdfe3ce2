import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPunctuationRule } from '../../scripts/split/punctuation.ts';
import { countCharacters } from '../../scripts/split/render.ts';
import { splitCompendium } from '../../scripts/split/split-compendium.ts';
import { normaliseQuery } from '../../src/lib/search/normalise.ts';

const FILE = 'nanjing-xinfeng-2025-supplement.txt';
const result = splitCompendium(readFileSync(path.join('content', 'source', FILE), 'utf8'), FILE);
if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
const blocks = result.reports.flatMap(({ report }) =>
  [report.title, report.subtitle ?? '', report.unit, ...report.body.map((node) => node.text)].map(
    (text) => ({ id: report.id, text }),
  ),
);

describe('applyPunctuationRule', () => {
  it.each([
    ['(一) 内容供给方面,“理论化”倾向严重', '（一）内容供给方面，“理论化”倾向严重'],
    ['很少结合具体难题;讲案例,多是', '很少结合具体难题；讲案例，多是'],
    ['主要体现在以下五个方面:', '主要体现在以下五个方面：'],
    ['内容”(如集中学习、文件传达等),难以', '内容”（如集中学习、文件传达等），难以'],
    ['人工智能(AI)技术', '人工智能（AI）技术'],
    ['真的吗?是的!', '真的吗？是的！'],
    ['引入 AI 数字人', '引入AI数字人'],
    ['全市 11 个试点社区', '全市11个试点社区'],
    ['占比 68% 显著提升', '占比68%显著提升'],
    ['（一） “惠企政策我来讲”', '（一）“惠企政策我来讲”'],
    ['邮箱 a@b.cn,谢谢', '邮箱a@b.cn，谢谢'],
  ])('presents %j as %j', (source, presented) => {
    expect(applyPunctuationRule(source)).toBe(presented);
  });

  it.each([
    ['面积3.6平方公里', 'a decimal'],
    ['比例为1:2', 'a ratio between digits'],
    ['共3,500人', 'a thousands separator'],
    ['熟练使用Word,Excel', 'a list of Latin words'],
    ['详见http://x.cn/a,b;c:d(e)中文', 'a URL'],
    ['见www.nj.gov.cn/?a=1,2政务网', 'a www address'],
    ['公式为y=f(x)+1', 'parentheses inside a Latin formula'],
    ['1) 第一项', 'an unmatched parenthesis'],
    ['1. 人口结构多元复杂', 'the space after a point number'],
    ['“学习新思想 奋进新征程”', 'a printed phrase break between Han characters'],
    ['NAN JING XIN FENG', 'spaces between Latin words'],
    ['“1+1+1>3”的协同效应', 'ASCII symbols that are no punctuation'],
  ])('keeps %j as it is (%s)', (source) => {
    expect(applyPunctuationRule(source)).toBe(source);
  });

  it('is idempotent', () => {
    for (const { text } of blocks) {
      const once = applyPunctuationRule(text);
      expect(applyPunctuationRule(once)).toBe(once);
    }
  });

  it('changes nothing but widths and spaces in the real source, so search folds both forms alike', () => {
    let changed = 0;
    for (const { text } of blocks) {
      const presented = applyPunctuationRule(text);
      if (presented !== text) changed += 1;
      // normaliseQuery folds width (NFKC) and drops whitespace, as the search index does: a query
      // typed with `(一)`, `,` or `市 11 个` finds the presented `（一）`, `，` and `市11个`.
      expect(normaliseQuery(presented), text).toBe(normaliseQuery(text));
      expect(countCharacters(presented), text).toBe(countCharacters(text));
    }
    expect(changed).toBeGreaterThan(100);
  });

  it('leaves no ASCII , ; : ( ) between Chinese characters and no space between Han and a digit or Latin letter in the real source', () => {
    const leftovers = blocks.flatMap(({ id, text }) =>
      [
        ...applyPunctuationRule(text).matchAll(
          /[\p{Script=Han}，。、；：“”（）][,;:()]|[,;:()][\p{Script=Han}，。、；：“”（）]|\p{Script=Han}\s+[A-Za-z0-9]|[A-Za-z0-9%]\s+\p{Script=Han}/gu,
        ),
      ].map((match) => `${id}: ${match[0]}`),
    );
    expect(leftovers).toEqual([]);
  });
});
