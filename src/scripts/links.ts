/**
 * Pure helpers behind the reader's links: absolute paragraph URLs, fragment parsing, the stored
 * reading position and the choice of the section and paragraph being read.
 */

/**
 * Builds the shareable absolute URL of an element from the address the page was opened at
 * (`location`: origin and path only, so a query such as `?hl=` is not passed on).
 */
export function buildAbsoluteLink(
  location: Pick<Location, 'origin' | 'pathname'>,
  id: string,
): string {
  return `${location.origin}${location.pathname}#${id}`;
}

/**
 * Returns the element id a location hash points at, without the `#` and without a fragment
 * directive (`#p2-3-4:~:text=…` → `p2-3-4`, which browsers lacking text fragments leave in place).
 * The reader's ids are ASCII, so there is nothing to percent-decode.
 */
export function idFromHash(hash: string): string {
  return hash.slice(1).split(':~:')[0] ?? '';
}

/**
 * Returns the hash to replace a text-fragment link's with in a browser that does not support text
 * fragments (which leaves `#p2-3-4:~:text=…` in place, naming no element): the fallback id
 * `#p2-3-4`. Null when there is nothing to do.
 */
export function fallbackHash(hash: string, supportsTextFragments: boolean): string | null {
  return !supportsTextFragments && hash.includes(':~:') ? `#${idFromHash(hash)}` : null;
}

/** localStorage key of the last reading position in one report. */
export function positionKey(reportId: string): string {
  return `xf-pos-${reportId}`;
}

/** Shortens a paragraph to its first `length` characters for the "continue reading" prompt. */
export function excerpt(text: string, length = 16): string {
  const flat = text.trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** What the reader is looking at: indices of the heading and the paragraph (−1 = none). */
export type ReadingPlace = [heading: number, paragraph: number];

/**
 * Picks the section and paragraph being read from the observed elements in document order
 * (`headings[i]` tells whether element i is a heading) and the indices now visible below the
 * sticky header: the section is the last heading at or above the topmost visible element, the
 * paragraph the first visible one. Returns null when nothing is visible (keep the last place).
 */
export function locateReading(
  headings: readonly boolean[],
  visible: Iterable<number>,
): ReadingPlace | null {
  const shown = [...visible].sort((a, b) => a - b);
  const top = shown[0];
  if (top === undefined) return null;
  let heading = top;
  while (heading >= 0 && !headings[heading]) heading -= 1;
  return [heading, shown.find((index) => !headings[index]) ?? -1];
}
