import { describe, expect, test } from 'vitest';
import {
  MAX_EXACT_LENGTH,
  buildTextDirective,
  buildTextFragmentUrl,
  encodeTextDirectiveTerm,
  type WordSegmenter,
} from '../../src/scripts/text-fragment.ts';

// Node's full ICU segments Chinese with the same dictionary Chromium uses to check that a
// text-fragment match starts and ends on word boundaries.
const zh = new Intl.Segmenter('zh', { granularity: 'word' });
/** Every character is a word: isolates the directive logic from dictionary segmentation. */
const characters: WordSegmenter = { segment: (text) => [...text].map((_, index) => ({ index })) };

/** Offsets of `passage` inside `text`, as a selection of it would give. */
function select(text: string, passage: string): [number, number] {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`${passage} not in text`);
  return [start, start + passage.length];
}

describe('encodeTextDirectiveTerm', () => {
  test('percent-encodes the directive syntax characters -, & and ,', () => {
    expect(encodeTextDirectiveTerm('a-b&c,d')).toBe('a%2Db%26c%2Cd');
  });

  test('percent-encodes Chinese text and spaces as UTF-8', () => {
    expect(encodeTextDirectiveTerm('人口 结构')).toBe('%E4%BA%BA%E5%8F%A3%20%E7%BB%93%E6%9E%84');
  });
});

describe('buildTextDirective', () => {
  const paragraph = '人口结构多元复杂，服务需求叠加交织。老龄化程度高，社区服务压力大。\n';

  test('widens a selection that starts and ends inside words to whole words', () => {
    // "口结构多" cuts 人口 and 多元; Chromium would not match it.
    expect(buildTextDirective(paragraph, ...select(paragraph, '口结构多'), zh)).toBe(
      `text=${encodeTextDirectiveTerm('人口结构多元')}`,
    );
  });

  test('quotes a short selection whole', () => {
    expect(buildTextDirective(paragraph, ...select(paragraph, '服务需求'), zh)).toBe(
      `text=${encodeTextDirectiveTerm('服务需求')}`,
    );
  });

  test('gives a selection longer than the exact limit as start and end words', () => {
    const [start, end] = select(
      paragraph,
      '人口结构多元复杂，服务需求叠加交织。老龄化程度高，社区',
    );
    expect(end - start).toBeGreaterThan(MAX_EXACT_LENGTH);
    expect(buildTextDirective(paragraph, start, end, zh)).toBe(
      `text=${encodeTextDirectiveTerm('人口结构多元')},${encodeTextDirectiveTerm('程度高，社区')}`,
    );
  });

  test('grows the start until its first occurrence in the text is the selected one', () => {
    const text =
      '基层治理工作。\n基层治理能力建设是一项长期任务，需要持续用力久久为功才能见到成效。\n';
    const [start, end] = select(text, '基层治理能力建设是一项长期任务，需要持续用力久久为功');
    expect(buildTextDirective(text, start, end, characters)).toBe(
      `text=${encodeTextDirectiveTerm('基层治理能力')},${encodeTextDirectiveTerm('用力久久为功')}`,
    );
  });

  test('grows the end until it is the first match after the start', () => {
    // " 重复的结尾" (six characters) and every longer tail up to " xyz 重复的结尾" also occur
    // earlier in the passage; "t xyz 重复的结尾" is the first that does not.
    const text = 'abcdefghij xyz 重复的结尾 klmnopqrst xyz 重复的结尾\n';
    const [start, end] = select(text, 'abcdefghij xyz 重复的结尾 klmnopqrst xyz 重复的结尾');
    expect(buildTextDirective(text, start, end, characters)).toBe(
      `text=abcdef,${encodeTextDirectiveTerm('t xyz 重复的结尾')}`,
    );
  });

  test('never lets a term cross from one paragraph into the next', () => {
    const text = '第一段的结尾。\n第二段开头的文字。\n';
    const [start] = select(text, '结尾');
    const [, end] = select(text, '第二段');
    expect(buildTextDirective(text, start, end, characters)).toBe(
      `text=${encodeTextDirectiveTerm('结尾。')},${encodeTextDirectiveTerm('第二段')}`,
    );
  });

  test('returns null for a selection of whitespace only', () => {
    const text = '甲乙。 \n丙丁。\n';
    expect(buildTextDirective(text, 3, 4, characters)).toBeNull();
  });
});

describe('buildTextFragmentUrl', () => {
  test('puts the fallback paragraph id before the directive', () => {
    expect(buildTextFragmentUrl('https://example.org/reports/05/', 'p2-3-4', 'text=a,b')).toBe(
      'https://example.org/reports/05/#p2-3-4:~:text=a,b',
    );
  });
});
