import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/lib/search/match.ts';
import { allowedEdits, findApproximate } from '../../src/lib/search/approximate.ts';
import { makeExcerpt } from '../../src/lib/search/excerpt.ts';
import { alignHits, encodeCharacter, planLookups, textWords } from '../../src/lib/search/tokens.ts';

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

  it('gives every character one word: it and the next three, padded with an end code', () => {
    const [she, qu] = [encodeCharacter('社'), encodeCharacter('区')];
    expect(textWords('社区社')).toEqual([
      `${she}${qu}${she}zzzz`,
      `${qu}${she}zzzzzzzz`,
      `${she}zzzzzzzzzzzz`,
    ]);
    expect(textWords('')).toEqual([]);
  });

  it('looks up a query of up to four characters as one prefix, longer ones by words that cover it', () => {
    expect(planLookups('a')).toEqual({
      lookups: [{ term: '002p', offset: 0 }],
      length: 1,
      verify: false,
    });
    expect(planLookups('abcd')?.lookups).toHaveLength(1);
    expect(planLookups('abcde')?.lookups.map((lookup) => lookup.offset)).toEqual([0, 1]);
    expect(planLookups('abcdefgh')?.lookups.map((lookup) => lookup.offset)).toEqual([0, 4]);
    expect(planLookups('abcdefgh')?.verify).toBe(false);
    expect(planLookups('')).toBeNull();
  });

  it('looks up the first and last words of a long query and asks for the text to confirm them', () => {
    const plan = planLookups('abcdefghijklmnop');
    expect(plan?.lookups.map((lookup) => lookup.offset)).toEqual([0, 12]);
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
