import { describe, expect, it } from 'vitest';
import { Problems } from '../../scripts/split/errors.ts';
import type { Report } from '../../scripts/split/model.ts';
import { renderReport } from '../../scripts/split/render.ts';
import { checkCharacters, checkMarkdown, compareTexts } from '../../scripts/split/self-check.ts';
import { splitCompendium } from '../../scripts/split/split-compendium.ts';
import { listCases } from '../fixtures/split/load.ts';

const text = listCases('compendium').find((fixture) => fixture.name === 'two-reports')?.input ?? '';

/** A fresh copy of the first report of the two-report fixture, safe to tamper with. */
function firstReport(): Report {
  const result = splitCompendium(text, 'input.txt');
  if (!result.ok) throw new Error('fixture does not split');
  return structuredClone(result.reports[0]?.report as Report);
}

function rules(check: (problems: Problems) => void): string[] {
  const problems = new Problems('input.txt');
  check(problems);
  return problems.errors.map((error) => `${error.line} ${error.ruleId}`);
}

describe('compareTexts', () => {
  it('tells a lost, a duplicated and a changed character apart by the first difference', () => {
    expect(compareTexts([...'康藏路社区'], [...'康藏路区'])).toEqual({ kind: 'lost', index: 3 });
    expect(compareTexts([...'康藏路社区'], [...'康藏路社社区'])).toEqual({
      kind: 'duplicated',
      index: 4,
    });
    expect(compareTexts([...'康藏路社区'], [...'康藏路杜区'])).toEqual({
      kind: 'changed',
      index: 3,
    });
    expect(compareTexts([...'康藏路社区'], [...'康藏路社区'])).toBeUndefined();
  });
});

describe('the character check between source lines and the model', () => {
  it('passes an untouched report', () => {
    const report = firstReport();
    expect(rules((problems) => checkCharacters(report, problems))).toEqual([]);
  });

  it('fails a model that lost a character, naming the source line', () => {
    const report = firstReport();
    const node = report.body.find((entry) => entry.text.includes('华侨路街道地处'));
    if (!node) throw new Error('no such block');
    node.text = node.text.replace('华侨路', '华路');
    expect(rules((problems) => checkCharacters(report, problems))).toEqual([
      `${node.lines[0]} self-check-lost-character`,
    ]);
  });

  it('fails a model that duplicated a character', () => {
    const report = firstReport();
    const node = report.body[4];
    if (!node) throw new Error('no fifth block');
    node.text = `${node.text}。`;
    expect(rules((problems) => checkCharacters(report, problems))).toEqual([
      `${report.body[5]?.lines[0]} self-check-duplicated-character`,
    ]);
  });
});

describe('the Markdown round trip', () => {
  it('passes the rendered Markdown of a report', () => {
    const report = firstReport();
    expect(rules((problems) => checkMarkdown(report, renderReport(report), problems))).toEqual([]);
  });

  it('fails Markdown that dropped a character from a paragraph', () => {
    const report = firstReport();
    const markdown = renderReport(report).replace('面积3.6平方公里', '面积3.6平方里');
    const line = report.body.find((node) => node.text.includes('面积3.6平方公里'))?.lines[0];
    expect(rules((problems) => checkMarkdown(report, markdown, problems))).toEqual([
      `${line} self-check-lost-character`,
    ]);
  });

  it('fails Markdown that duplicated a character in a heading', () => {
    const report = firstReport();
    const markdown = renderReport(report).replace('### （一）个案描述', '### （一）个案案描述');
    const line = report.body.find((node) => node.text === '（一）个案描述')?.lines[0];
    expect(rules((problems) => checkMarkdown(report, markdown, problems))).toEqual([
      `${line} self-check-duplicated-character`,
    ]);
  });

  it('compares with the text the punctuation rule presents: Markdown that kept a half-width heading number fails', () => {
    const report = firstReport();
    const heading = report.body.find((node) => node.text === '（一）个案描述');
    if (!heading) throw new Error('fixture without （一）个案描述');
    // As the source prints 31 subsection numbers.
    heading.text = '(一) 个案描述';
    const presented = renderReport(report);
    expect(presented).toContain('### （一）个案描述\n');
    expect(rules((problems) => checkMarkdown(report, presented, problems))).toEqual([]);
    const kept = presented.replace('### （一）个案描述', '### (一) 个案描述');
    expect(rules((problems) => checkMarkdown(report, kept, problems))).toEqual([
      `${heading.lines[0]} self-check-duplicated-character`,
    ]);
  });

  it('fails Markdown whose numbered paragraph lost its escape and became a list', () => {
    const report = firstReport();
    const markdown = renderReport(report).replace('1\\. 加强机制建设', '1. 加强机制建设');
    const line = report.body.find((node) => node.text.startsWith('1. 加强机制建设'))?.lines[0];
    expect(rules((problems) => checkMarkdown(report, markdown, problems))).toEqual([
      `${line} self-check-markdown-mismatch`,
    ]);
  });

  it('fails Markdown with an unescaped asterisk pair that renders as emphasis', () => {
    const report = firstReport();
    const node = report.body.find((entry) => entry.text.includes('华侨路街道地处'));
    if (!node) throw new Error('no such block');
    const markdown = renderReport(report).replace('华侨路街道地处', '*华侨路*街道地处');
    expect(rules((problems) => checkMarkdown(report, markdown, problems))).toEqual([
      `${node.lines[0]} self-check-markdown-mismatch`,
    ]);
  });

  it('fails frontmatter that differs from the model', () => {
    const report = firstReport();
    const markdown = renderReport(report).replace('page: 1\n', 'page: 2\n');
    expect(rules((problems) => checkMarkdown(report, markdown, problems))).toEqual([
      `${report.headerLine} self-check-frontmatter-mismatch`,
    ]);
  });
});
