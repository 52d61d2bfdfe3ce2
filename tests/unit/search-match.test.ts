import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/lib/search/match.ts';
import { allowedEdits, findApproximate } from '../../src/lib/search/approximate.ts';
import { makeExcerpt } from '../../src/lib/search/excerpt.ts';
import {
  alignHits,
  characterAt,
  encodeCharacter,
  planLookups,
  textWords,
  typoPairTerms,
} from '../../src/lib/search/tokens.ts';

describe('findAll', () => {
  it('finds every non-overlapping occurrence in order', () => {
    expect(findAll('社区社区区社区', '社区')).toEqual([0, 2, 5]);
    expect(findAll('aaaa', 'aa')).toEqual([0, 2]);
  });

  it('finds nothing for an empty needle or a missing one', () => {
    expect(findAll('社区', '')).toEqual([]);
    expect(findAll('社区', '监委')).toEqual([]);
  });
});

describe('findApproximate', () => {
  it('finds a window one substitution away', () => {
    expect(findApproximate('破解小马拉大车问题', '小马拉打车', 1)).toEqual({
      start: 2,
      end: 7,
      edits: 1,
    });
  });

  it('finds a window with a missing character', () => {
    expect(findApproximate('破解小马拉大车问题', '小马大车', 1)).toEqual({
      start: 2,
      end: 7,
      edits: 1,
    });
  });

  it('returns null when every window needs more edits than allowed', () => {
    expect(findApproximate('破解小马拉大车问题', '宇宙飞船', 1)).toBeNull();
  });

  it('prefers an exact window over an approximate one', () => {
    expect(findApproximate('小马拉打车，小马拉大车', '小马拉大车', 1)).toEqual({
      start: 6,
      end: 11,
      edits: 0,
    });
  });

  it('allows no typos below four characters, one up to seven, two from eight, none past forty', () => {
    expect([3, 4, 7, 8, 40, 41].map(allowedEdits)).toEqual([0, 1, 1, 2, 2, 0]);
  });
});

describe('makeExcerpt', () => {
  it('keeps context either side and marks where the text was clipped', () => {
    expect(makeExcerpt('一二三四五六七八九十', 4, 6, 2)).toEqual({
      before: '三四',
      hit: '五六',
      after: '七八',
      clippedStart: true,
      clippedEnd: true,
    });
  });

  it('does not clip at the ends of the text', () => {
    const excerpt = makeExcerpt('监委机关', 0, 2, 5);
    expect([
      excerpt.before,
      excerpt.hit,
      excerpt.after,
      excerpt.clippedStart,
      excerpt.clippedEnd,
    ]).toEqual(['', '监委', '机关', false, false]);
  });
});

describe('index words', () => {
  it('spells each character as four base-36 digits', () => {
    expect(encodeCharacter('a')).toBe('002p');
    expect(encodeCharacter('区')).toBe((0x533a).toString(36).padStart(4, '0'));
    expect(encodeCharacter('区')).toBe('0gfu');
  });

  it('gives every character three words: it and the next three, it and the next, it alone', () => {
    const [she, qu] = [encodeCharacter('社'), encodeCharacter('区')];
    expect(textWords('社区社')).toEqual([
      `${she}${qu}${she}zzzz`,
      `x${she}${qu}`,
      `y${she}`,
      `${qu}${she}zzzzzzzz`,
      `x${qu}${she}`,
      `y${qu}`,
      `${she}zzzzzzzzzzzz`,
      `x${she}zzzz`,
      `y${she}`,
    ]);
    expect(textWords('')).toEqual([]);
    expect([0, 2, 3, 8].map(characterAt)).toEqual([0, 0, 1, 2]);
  });

  it('looks up one, two and four characters as one word, three as two pairs, longer ones by words that cover it', () => {
    expect(planLookups('a')).toEqual({
      lookups: [{ term: 'y002p', offset: 0 }],
      length: 1,
      verify: false,
    });
    expect(planLookups('ab')?.lookups).toEqual([{ term: 'x002p002q', offset: 0 }]);
    expect(planLookups('abc')?.lookups).toEqual([
      { term: 'x002p002q', offset: 0 },
      { term: 'x002q002r', offset: 1 },
    ]);
    expect(planLookups('abcd')?.lookups).toHaveLength(1);
    expect(planLookups('abcde')?.lookups.map((lookup) => lookup.offset)).toEqual([0, 1]);
    expect(planLookups('abcdefgh')?.lookups.map((lookup) => lookup.offset)).toEqual([0, 4]);
    expect(planLookups('abcdefgh')?.verify).toBe(false);
    expect(planLookups('')).toBeNull();
  });

  // Pagefind searches a term as a prefix, but only in the index chunk where the term sorts: a
  // term that is a whole word of its kind's one length matches that word alone, in one chunk.
  it('looks up only whole words that the text itself holds, for every query length', () => {
    const text = '坚持党建引领基层治理现代化建设';
    const words = new Set(textWords(text));
    for (let length = 1; length <= text.length; length += 1) {
      const terms = planLookups(text.slice(0, length))?.lookups.map((lookup) => lookup.term) ?? [];
      expect(terms.length, `${length} characters`).toBeGreaterThan(0);
      expect(terms.filter((term) => !words.has(term))).toEqual([]);
    }
  });

  it('looks up disjoint pairs for typo candidates, at most six', () => {
    const pair = (text: string): string => `x${[...text].map(encodeCharacter).join('')}`;
    expect(typoPairTerms('党见引领')).toEqual([pair('党见'), pair('引领')]);
    expect(typoPairTerms('abcde')).toEqual([pair('ab'), pair('cd')]);
    expect(typoPairTerms('abcdefghijklmnopqrstuvwx')).toEqual(
      ['ab', 'ef', 'ij', 'op', 'st', 'wx'].map(pair),
    );
  });

  it('covers a query of up to 16 characters with its lookups, and has a longer one confirmed', () => {
    expect(planLookups('abcdefghi')?.lookups.map((lookup) => lookup.offset)).toEqual([0, 4, 5]);
    expect(planLookups('abcdefghijklmnop')?.lookups.map((lookup) => lookup.offset)).toEqual([
      0, 4, 8, 12,
    ]);
    expect(planLookups('abcdefghijklmnop')?.verify).toBe(false);
    const plan = planLookups('abcdefghijklmnopq');
    expect(plan?.lookups.map((lookup) => lookup.offset)).toEqual([0, 4, 9, 13]);
    expect(plan?.verify).toBe(true);
  });

  it('aligns lookups into non-overlapping hits, as findAll counts them', () => {
    // 'aaaaaa' searched for 'aaaaa': words at 0 and 1 both start 'aaaa'; findAll counts one hit.
    const plan = planLookups('aaaaa')!;
    expect(
      alignHits(plan, [
        [0, 1, 2],
        [0, 1, 2],
      ]),
    ).toEqual([0]);
    // 'abcdef' at 3 and 10: 'abcd' at 3, 10 and 20; 'cdef' (offset 2) at 5 and 12 only.
    expect(
      alignHits(planLookups('abcdef')!, [
        [3, 10, 20],
        [5, 12],
      ]),
    ).toEqual([3, 10]);
  });
});
