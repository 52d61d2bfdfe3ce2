import { describe, expect, it } from 'vitest';
import { joinCoverLineBreaks, readCoverNotice } from '../../scripts/split/cover.ts';

const lines = (...texts: string[]) => texts.map((text, index) => ({ number: index + 1, text }));

describe('readCoverNotice', () => {
  it('reads the bracketed notice of the cover', () => {
    expect(
      readCoverNotice(
        lines('南京新风', '', ' 【内部资料  免费交流】 ', '准印号：S（2025）0100259'),
      ),
    ).toBe('内部资料 免费交流');
  });

  it('gives an empty notice when the cover prints none', () => {
    expect(readCoverNotice(lines('南京新风', '准印号：S（2025）0100259', '【内部资料'))).toBe('');
  });
});

describe('joinCoverLineBreaks', () => {
  it.each([
    ['2025 年全市机关党建课题研究 优秀成果汇编', '2025 年全市机关党建课题研究优秀成果汇编'],
    ['2026 年 全市 NLP 研究  成果', '2026 年全市 NLP 研究成果'],
    ['优秀成果汇编', '优秀成果汇编'],
  ])('reads %s as %s', (printed, title) => {
    expect(joinCoverLineBreaks(printed)).toBe(title);
  });
});
