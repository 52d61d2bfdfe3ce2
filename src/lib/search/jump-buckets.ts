/**
 * Which quick-jump bucket (`dist/search/jump/<n>.json`) holds a target: the index stage files
 * every target under each character of its text and each letter of its pinyin initials; the
 * browser loads the buckets of a query's first two characters. A target the query names or
 * nearly names shares one of them, so the quick jump finds it while a first query loads a few
 * kilobytes instead of every heading of the library. Shared by the index stage and the browser.
 */
import { normaliseQuery } from './normalise.ts';

/** The bucket of one folded character among `buckets`. */
export function jumpBucketOf(character: string, buckets: number): number {
  return (character.codePointAt(0) ?? 0) % Math.max(1, buckets);
}

/** The buckets a query needs: those of its first two distinct folded characters. */
export function queryBuckets(query: string, buckets: number): number[] {
  const characters = [...new Set(normaliseQuery(query))].slice(0, 2);
  return [...new Set(characters.map((character) => jumpBucketOf(character, buckets)))];
}

/** The buckets a target belongs to: those of every character of its text and of its initials. */
export function targetBuckets(text: string, initials: string, buckets: number): number[] {
  const characters = new Set([...normaliseQuery(text), ...normaliseQuery(initials)]);
  return [...new Set([...characters].map((character) => jumpBucketOf(character, buckets)))];
}

/**
 * How many buckets a library of `targets` quick-jump targets gets: one up to 1,000 targets (the
 * whole list is then a few kilobytes), else a power of two near one bucket per 16 targets.
 */
export function jumpBucketCount(targets: number): number {
  if (targets <= 1000) return 1;
  return 2 ** Math.round(Math.log2(targets / 16));
}
