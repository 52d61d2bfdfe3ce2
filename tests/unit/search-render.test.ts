import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/lib/search/engine.ts';
import type { SearchOutcome } from '../../src/lib/search/flow.ts';
import { normaliseQuery } from '../../src/lib/search/normalise.ts';
import { quoteQuery } from '../../src/lib/search/quote.ts';
import { describeOutcome } from '../../src/scripts/search-render.ts';

const result = { hits: 2 } as ReportResult;
const outcome = (query: string, results: ReportResult[] = []): SearchOutcome => ({
  query,
  normalised: normaliseQuery(query),
  matches: results.map((found, order) => ({
    key: `2025-zk-0${order + 1}`,
    unit: '',
    edition: '2025-zk',
    order,
    titleHit: false,
    hits: found.hits,
    starts: [],
  })),
  total: results.length,
  hits: results.reduce((sum, found) => sum + found.hits, 0),
  results,
  approximate: false,
  partial: false,
  version: '',
});

describe('quoteQuery', () => {
  it.each([
    ['两新', '“两新”'],
    ['“两新”', '“两新”'],
    ['"两新"', '“两新”'],
    ['「两新」', '“两新”'],
    ['“两新”组织', '“‘两新’组织”'],
    ['推进"两新"和"四新"', '“推进‘两新’和‘四新’”'],
    ['  社区 ', '“社区”'],
  ])('quotes %s as %s', (query, quoted) => {
    expect(quoteQuery(query)).toBe(quoted);
  });
});

describe('describeOutcome', () => {
  it('quotes a query typed in quotes once, not twice', () => {
    expect(describeOutcome(outcome('“两新”', [result]))).toBe('1 篇报告包含“两新”，共 2 处。');
  });

  it('names the quick-jump targets instead of "nothing found" when only they answer', () => {
    expect(describeOutcome(outcome('xmldc'), 5)).toBe('5 个快速跳转目标匹配“xmldc”。');
    expect(describeOutcome(outcome('xmldc'), 0)).toBe('没有找到包含“xmldc”的报告。');
  });

  it('counts approximate results, and says when more may be near than were checked', () => {
    const near = { ...outcome('党见引领', [result, result]), approximate: true };
    expect(describeOutcome(near)).toBe('没有完全一致的结果；2 篇报告近似匹配“党见引领”。');
    expect(describeOutcome({ ...near, partial: true })).toBe(
      '没有完全一致的结果；以下 2 篇报告近似匹配“党见引领”，相近的报告可能还有更多。',
    );
  });
});
