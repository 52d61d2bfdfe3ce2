/**
 * Excerpts around a real hit: a little context either side, cut at the text's ends, with the hit
 * kept whole so the highlight never shows a fragment of the query.
 */

/** What marks a cut at either end of an excerpt: Chinese writes the ellipsis as two `…` (GB/T 15834). */
export const ELLIPSIS = '……';

/** One excerpt in three parts; the UI wraps `hit` in <mark>. */
export interface Excerpt {
  before: string;
  hit: string;
  after: string;
  /** True when text was cut before / after the excerpt (the UI shows an ELLIPSIS). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Cuts an excerpt of `original` around the original range `[start, end)`, with up to `context`
 * characters either side.
 */
export function makeExcerpt(original: string, start: number, end: number, context = 36): Excerpt {
  const from = Math.max(0, start - context);
  const to = Math.min(original.length, end + context);
  return {
    before: original.slice(from, start),
    hit: original.slice(start, end),
    after: original.slice(end, to),
    clippedStart: from > 0,
    clippedEnd: to < original.length,
  };
}
