/**
 * Literal matching on normalised text: the exact half of the search, which decides what counts
 * as "contains the query".
 */

/** Start offsets of every non-overlapping occurrence of `needle` in `haystack`, in order. */
export function findAll(haystack: string, needle: string): number[] {
  const starts: number[] = [];
  if (needle === '') return starts;
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    starts.push(from);
    from = haystack.indexOf(needle, from + needle.length);
  }
  return starts;
}
