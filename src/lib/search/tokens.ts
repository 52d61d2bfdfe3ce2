/**
 * The words Pagefind indexes for each report: every distinct character of its normalised text,
 * spelt as a fixed-width ASCII code.
 *
 * Why not the text itself: Pagefind's Chinese word cutting differs between the indexer and the
 * browser (`小马/拉大/车` vs `小/马拉/大/车`) and its one-character pieces match as prefixes, so
 * stock results neither contain every report with the query nor only those. A character set is a
 * guaranteed superset — a report that contains the query contains each of its characters — so
 * Pagefind returns every candidate and the literal check removes the rest. ASCII codes of one
 * width make the words opaque to both segmenters and no code is a prefix of another.
 */

/** Width of one character code; 36^4 covers the whole Basic Multilingual Plane and more. */
export const TOKEN_WIDTH = 4;

/** Encodes one character (code point) as its fixed-width base-36 token. */
export function encodeCharacter(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(36).padStart(TOKEN_WIDTH, '0');
}

/**
 * The distinct character tokens of normalised text, in first-seen order, leaving out the
 * characters in `skip` (those found in every report: they select nothing).
 */
export function characterTokens(normalised: string, skip = ''): string[] {
  const seen = new Set<string>();
  for (const character of normalised)
    if (!skip.includes(character)) seen.add(encodeCharacter(character));
  return [...seen];
}

/**
 * The Pagefind query for normalised text: its distinct tokens separated by spaces (all must
 * match); '' when every character occurs everywhere, i.e. every report is a candidate.
 */
export function pagefindQuery(normalised: string, skip = ''): string {
  return characterTokens(normalised, skip).join(' ');
}
