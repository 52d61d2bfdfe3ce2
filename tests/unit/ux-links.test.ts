import { describe, expect, test } from 'vitest';
import {
  buildAbsoluteLink,
  excerpt,
  fallbackHash,
  idFromHash,
  locateReading,
  positionKey,
} from '../../src/scripts/links.ts';

describe('links', () => {
  test('builds an absolute link from the address the page was opened at', () => {
    const location = {
      origin: 'http://10.1.2.3:8080',
      pathname: '/xinfeng/reports/05/',
      search: '?hl=治理',
    };
    expect(buildAbsoluteLink(location, 'p2-3-4')).toBe(
      'http://10.1.2.3:8080/xinfeng/reports/05/#p2-3-4',
    );
  });

  test('reads the element id from a hash, dropping a fragment directive', () => {
    expect(idFromHash('#s2-3')).toBe('s2-3');
    expect(idFromHash('#p2-3-4:~:text=%E4%BA%BA,%E5%8F%A3')).toBe('p2-3-4');
    expect(idFromHash('')).toBe('');
  });
});

describe('fallbackHash', () => {
  test('turns a text-fragment link into its paragraph link where text fragments are missing', () => {
    expect(fallbackHash('#p4-3-1:~:text=%E6%B2%BB%E7%90%86,%E5%A4%A7%E8%BD%A6', false)).toBe(
      '#p4-3-1',
    );
  });

  test('leaves the address alone where the browser handles text fragments', () => {
    expect(fallbackHash('#p4-3-1:~:text=%E6%B2%BB%E7%90%86', true)).toBeNull();
  });

  test('leaves plain fragment links alone', () => {
    expect(fallbackHash('#p4-3-1', false)).toBeNull();
    expect(fallbackHash('', false)).toBeNull();
  });
});

describe('reading position', () => {
  test('keys the stored position by report id', () => {
    expect(positionKey('05')).toBe('xf-pos-05');
  });

  test('shortens a paragraph for the continue-reading prompt', () => {
    expect(excerpt('  人口结构多元复杂，服务需求叠加交织。老龄化程度高  ')).toBe(
      '人口结构多元复杂，服务需求叠加交…',
    );
    expect(excerpt('短段落。')).toBe('短段落。');
  });
});

describe('locateReading', () => {
  // h2, p, p, h3, p, p, h2, p
  const headings = [true, false, false, true, false, false, true, false];

  test('takes the last heading at or above the topmost visible element', () => {
    expect(locateReading(headings, new Set([4, 5]))).toEqual([3, 4]);
    expect(locateReading(headings, new Set([5, 6, 7]))).toEqual([3, 5]);
  });

  test('takes a visible heading itself and the first visible paragraph after it', () => {
    expect(locateReading(headings, new Set([7, 6]))).toEqual([6, 7]);
  });

  test('reports no heading for the introduction before the first heading', () => {
    expect(locateReading([false, false, true], new Set([0, 1]))).toEqual([-1, 0]);
  });

  test('reports no paragraph when only a heading is visible', () => {
    expect(locateReading(headings, new Set([3]))).toEqual([3, -1]);
  });

  test('returns null when nothing is visible, so the last place is kept', () => {
    expect(locateReading(headings, new Set())).toBeNull();
  });
});
