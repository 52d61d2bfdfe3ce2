import { describe, expect, it } from 'vitest';
import { Problems } from '../../scripts/split/errors.ts';
import type { BodyNode, Report } from '../../scripts/split/model.ts';
import { checkNumbering, toChineseNumeral } from '../../scripts/split/numbering.ts';

function warnings(body: BodyNode[]): string[] {
  const report: Report = {
    order: 1,
    id: '01',
    title: 't',
    unit: 'u',
    authors: [],
    page: 1,
    body,
    repairs: [],
    bodyLines: [],
    headerLine: 1,
  };
  const problems = new Problems('x.txt');
  checkNumbering(report, problems);
  return problems.warnings.map((warning) => `${warning.line} ${warning.ruleId}`);
}

const section = (text: string, line: number): BodyNode => ({
  type: 'section',
  text,
  lines: [line],
});
const subsection = (text: string, line: number): BodyNode => ({
  type: 'subsection',
  text,
  lines: [line],
});
const item = (text: string, line: number): BodyNode => ({
  type: 'paragraph',
  text,
  numbered: true,
  lines: [line],
});

describe('toChineseNumeral', () => {
  it('writes heading numbers the way they are printed', () => {
    expect([1, 9, 10, 11, 20, 21].map(toChineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
    ]);
  });
});

describe('checkNumbering', () => {
  it('accepts sequences that restart under each heading, in both paren widths', () => {
    expect(
      warnings([
        section('一、背景', 1),
        subsection('（一）时代背景', 2),
        item('1. 甲。', 3),
        item('2. 乙。', 4),
        subsection('(二) 意义', 5),
        item('1. 丙。', 6),
        section('二、做法', 7),
      ]),
    ).toEqual([]);
  });

  it('warns at a repeated subsection number, as report 1 prints (二) twice', () => {
    expect(
      warnings([
        section('一、背景', 95),
        subsection('（一）时代背景', 97),
        subsection('（二）战略意义', 109),
        subsection('（二）全市总体推进情况', 121),
      ]),
    ).toEqual(['121 numbering-sequence']);
  });

  it('warns at a skipped numbered paragraph', () => {
    expect(warnings([item('1. 甲。', 1), item('3. 丙。', 2)])).toEqual(['2 numbering-sequence']);
  });
});
