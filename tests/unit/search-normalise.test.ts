import { describe, expect, it } from 'vitest';
import {
  foldCharacter,
  normaliseQuery,
  normaliseText,
  toOriginalRange,
} from '../../src/lib/search/normalise.ts';

describe('normaliseText', () => {
  it('removes the spaces the source puts around Latin words and digits', () => {
    expect(normaliseText('引入 AI 数字人技术').text).toBe('引入ai数字人技术');
    expect(normaliseQuery('1.23 万人次')).toBe(normaliseQuery('1.23万人次'));
  });

  it('folds full-width punctuation, letters and digits to their half-width forms', () => {
    expect(normaliseQuery('（二）ＮＬＰ技术１２３，')).toBe('(二)nlp技术123,');
  });

  it('folds curly quotes to straight ones so typed quotes find printed ones', () => {
    expect(normaliseQuery('“小马拉大车”')).toBe('"小马拉大车"');
    expect(normaliseQuery('"小马拉大车"')).toBe('"小马拉大车"');
  });

  it('treats zero-width characters and ideographic spaces as whitespace', () => {
    expect(normaliseQuery('康藏\u200B路\u3000社区')).toBe('康藏路社区');
    expect(foldCharacter('\uFEFF')).toBe('');
  });

  it('maps every folded unit back to the original offset it came from', () => {
    const normalised = normaliseText('A 数字 人');
    expect(normalised.text).toBe('a数字人');
    expect(normalised.offsets).toEqual([0, 2, 3, 5, 6]);
  });

  it('maps an expanded character (㈠ → (一)) to its single source character', () => {
    const normalised = normaliseText('x㈠y');
    expect(normalised.text).toBe('x(一)y');
    expect(toOriginalRange(normalised, 1, 4)).toEqual([1, 2]);
  });
});

describe('toOriginalRange', () => {
  it('covers the spaces inside a hit so the highlight stays whole', () => {
    const original = '引入 AI 数字人技术';
    const normalised = normaliseText(original);
    const start = normalised.text.indexOf('ai数字人');
    const [from, to] = toOriginalRange(normalised, start, start + 'ai数字人'.length);
    expect(original.slice(from, to)).toBe('AI 数字人');
  });

  it('ends a hit at the end of the text', () => {
    const normalised = normaliseText('社区 ');
    expect(toOriginalRange(normalised, 0, 2)).toEqual([0, 2]);
  });
});
