/**
 * Builds text-fragment directives (https://wicg.github.io/scroll-to-text-fragment/) for a passage
 * selected in a report, so a shared link reopens the page with that passage highlighted.
 *
 * Browsers only match a directive whose ends fall on word boundaries — in Chinese, too, where
 * Chromium finds words with ICU's dictionary: `#:~:text=人口结构` matches but `#:~:text=口结构`
 * does not. So the selection is widened to whole words with the same ICU segmentation
 * (Intl.Segmenter) before it is encoded.
 */

/** The part of Intl.Segmenter this module needs (lets tests pass a fake). */
export interface WordSegmenter {
  segment(text: string): Iterable<{ index: number }>;
}

/** Selections up to this many characters are quoted whole; longer ones as `start,end`. */
export const MAX_EXACT_LENGTH = 24;
/** Each end of a `start,end` directive is at least this long, longer when needed to be unique. */
export const MIN_EDGE_LENGTH = 6;

/**
 * Percent-encodes one directive term: everything `encodeURIComponent` encodes plus `-`, which the
 * directive syntax uses for prefix/suffix (`&` and `,` are already encoded by it).
 */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * Builds the `text=` directive for the passage `text.slice(start, end)`, where `text` is the
 * report's blocks joined by "\n" (a directive term never crosses a block). The passage is widened
 * to whole words; up to MAX_EXACT_LENGTH characters it is quoted whole, a longer one by its first
 * and last words, each grown until it is the first match from where the browser starts looking.
 * Returns null when the passage is empty.
 */
export function buildTextDirective(
  text: string,
  start: number,
  end: number,
  segmenter: WordSegmenter,
): string | null {
  let from = 0;
  let to = text.length;
  const inner: number[] = [];
  for (const { index } of segmenter.segment(text)) {
    if (index <= start) from = index;
    else if (index >= end) {
      to = index;
      break;
    } else inner.push(index);
  }
  const passage = text.slice(from, to);
  if (!passage.trim()) return null;
  if (passage.length <= MAX_EXACT_LENGTH && !passage.includes('\n'))
    return `text=${encodeTextDirectiveTerm(passage)}`;

  let startEnd = from;
  for (const offset of inner) {
    if (text.slice(from, offset).includes('\n')) break;
    startEnd = offset;
    if (offset - from >= MIN_EDGE_LENGTH && text.indexOf(text.slice(from, offset)) === from) break;
  }
  if (startEnd === from) return null;
  let endStart = to;
  for (const offset of inner.reverse()) {
    if (offset <= startEnd || text.slice(offset, to).includes('\n')) break;
    endStart = offset;
    if (to - offset >= MIN_EDGE_LENGTH && text.indexOf(text.slice(offset, to), startEnd) === offset)
      break;
  }
  const textEnd = endStart < to ? `,${encodeTextDirectiveTerm(text.slice(endStart, to))}` : '';
  return `text=${encodeTextDirectiveTerm(text.slice(from, startEnd))}${textEnd}`;
}

/** Joins a page URL (origin and path), the fallback element id and a directive into a link. */
export function buildTextFragmentUrl(
  pageUrl: string,
  fallbackId: string,
  directive: string,
): string {
  return `${pageUrl}#${fallbackId}:~:${directive}`;
}
