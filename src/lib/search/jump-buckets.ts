/**
 * Which quick-jump bucket (`dist/search/jump/<n>.json`) holds a target. A target is filed under
 * keys of two characters: every two adjacent characters of its folded text (spaces left out), every
 * two adjacent letters of its pinyin initials, and the first two letters of each pinyin syllable.
 * The browser loads the buckets of a query's first two characters and of the next two, so a target
 * the query names, or names with one typo, shares one of them, while a first query loads a few
 * kilobytes instead of every heading of the library. Keys are pairs because one character is
 * shared by too many targets: at 1,200 reports the bucket of 的 held 45 KB of targets, and that of
 * the letter z every target whose initials hold one (240 KB). Shared by the index stage and the
 * browser.
 */
import { normaliseQuery } from './normalise.ts';

/** Every two adjacent characters of text, folded as a query is, spaces left out; each pair once. */
export function characterPairs(text: string): string[] {
  const characters = [...normaliseQuery(text)].filter((character) => character !== ' ');
  const pairs = new Set<string>();
  characters.forEach((character, index) => {
    const next = characters[index + 1];
    if (next !== undefined) pairs.add(`${character}${next}`);
  });
  return [...pairs];
}

/**
 * The keys a query needs: its first two characters, and the next two (of a three-character query,
 * its last two), so one typo leaves a key intact. A single character has no key (it would need
 * the bucket of nearly every target).
 */
export function queryKeys(query: string): string[] {
  const characters = [...normaliseQuery(query)].filter((character) => character !== ' ');
  if (characters.length < 2) return [];
  const pair = (start: number): string => characters.slice(start, start + 2).join('');
  if (characters.length === 2) return [pair(0)];
  return [...new Set([pair(0), pair(characters.length === 3 ? 1 : 2)])];
}

/** The bucket of a key among `buckets` (a hash of its code points). */
export function jumpBucketOf(key: string, buckets: number): number {
  let hash = 0;
  for (const character of key) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return hash % Math.max(1, buckets);
}

/** The buckets a query needs (a library of one bucket: that one, for any query). */
export function queryBuckets(query: string, buckets: number): number[] {
  if (buckets <= 1) return normaliseQuery(query) === '' ? [] : [0];
  return [...new Set(queryKeys(query).map((key) => jumpBucketOf(key, buckets)))];
}

/**
 * How many buckets a library gets for `targets` quick-jump targets filed `filings` times in all:
 * one up to 1,000 targets (the whole list is then a few kilobytes), else a power of two near one
 * bucket per 256 filings.
 */
export function jumpBucketCount(targets: number, filings: number): number {
  if (targets <= 1000) return 1;
  return 2 ** Math.round(Math.log2(Math.max(1, filings / 256)));
}
