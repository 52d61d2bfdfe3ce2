/**
 * Approximate matching: the best place where the query occurs with a few typos (substitutions,
 * missing or extra characters). Used only when no report contains the query literally, and the
 * results are marked as approximate.
 */

/** Where the query matched approximately and how many edits it took. */
export interface ApproximateHit {
  /** Start offset of the matched window in the normalised text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Edit distance between the query and the window. */
  edits: number;
}

/** Longest query still matched approximately: beyond it a typo search costs more than it finds. */
export const MAX_APPROXIMATE_LENGTH = 40;

/**
 * How many typos a query of this length may have: none below four characters (two-character
 * words with one typo match half the corpus), one up to seven, two from eight, none past 40.
 */
export function allowedEdits(queryLength: number): number {
  if (queryLength < 4 || queryLength > MAX_APPROXIMATE_LENGTH) return 0;
  return queryLength < 8 ? 1 : 2;
}

/**
 * Finds the window of `text` closest to `query` by edit distance (Sellers' algorithm: a free
 * start anywhere in the text), or null when every window needs more than `maxEdits` edits.
 * Runs in O(text × query), a few milliseconds for a whole report.
 */
export function findApproximate(
  text: string,
  query: string,
  maxEdits: number,
): ApproximateHit | null {
  const m = query.length;
  if (m === 0 || maxEdits <= 0) return null;
  // previous[i] = distance of query[0..i) against the best window ending at the previous column.
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
  let previousStart = new Array<number>(m + 1);
  let currentStart = new Array<number>(m + 1);
  for (let i = 0; i <= m; i += 1) {
    previous[i] = i;
    previousStart[i] = 0;
  }
  let best: ApproximateHit | null = null;
  for (let j = 1; j <= text.length; j += 1) {
    current[0] = 0;
    currentStart[0] = j;
    const character = text[j - 1];
    for (let i = 1; i <= m; i += 1) {
      const substitute = (previous[i - 1] as number) + (query[i - 1] === character ? 0 : 1);
      const skipText = (previous[i] as number) + 1;
      const skipQuery = (current[i - 1] as number) + 1;
      if (substitute <= skipText && substitute <= skipQuery) {
        current[i] = substitute;
        currentStart[i] = previousStart[i - 1] as number;
      } else if (skipQuery <= skipText) {
        current[i] = skipQuery;
        currentStart[i] = currentStart[i - 1] as number;
      } else {
        current[i] = skipText;
        currentStart[i] = previousStart[i] as number;
      }
    }
    const edits = current[m] as number;
    if (edits <= maxEdits && (best === null || edits < best.edits)) {
      best = { start: currentStart[m] as number, end: j, edits };
      if (edits === 0) break;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}
