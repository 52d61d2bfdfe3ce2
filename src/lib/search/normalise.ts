/**
 * Text normalisation shared by the index builder, the browser search and the landing highlighter.
 *
 * People type queries without the spaces the source has around digits and Latin words
 * (`AI数字人` for `AI 数字人`), in either punctuation width (`(二)` for `（二）`) and in any case.
 * Both the query and the text go through the same per-character fold, so a literal match in the
 * folded text is a literal match "ignoring whitespace, width and case" in the original — and the
 * offset map turns it back into a range of the original text for excerpts and highlighting.
 */

/** Folded text plus, for every folded UTF-16 unit, the offset in the original text it came from. */
export interface NormalisedText {
  /** The folded text: NFKC, lower case, straight quotes, no whitespace. */
  text: string;
  /** `offsets[i]` is the original offset of folded unit `i`; `offsets[text.length]` is the original length. */
  offsets: number[];
  /** `ends[i]` is where the source character of folded unit `i` ends in the original. */
  ends: number[];
}

// Curly quotes fold to straight ones: a query typed with "" on a Latin keyboard must find “”.
const QUOTE_FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u300C': '"',
  '\u300D': '"',
};

// Zero-width characters count as whitespace: they are invisible, and PDF text is full of them.
const WHITESPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+$/u;

/** Folds one code point: width (NFKC), case, quote style; returns '' for whitespace. */
export function foldCharacter(character: string): string {
  if (WHITESPACE.test(character)) return '';
  const quote = QUOTE_FOLDS[character];
  if (quote !== undefined) return quote;
  return character.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Normalises text one code point at a time, keeping a map from folded offsets back to original
 * offsets (per code point so that expansions like `㈠` → `(一)` still map to their source).
 */
export function normaliseText(original: string): NormalisedText {
  let text = '';
  const offsets: number[] = [];
  const ends: number[] = [];
  let position = 0;
  for (const character of original) {
    const folded = foldCharacter(character);
    for (let unit = 0; unit < folded.length; unit += 1) {
      offsets.push(position);
      ends.push(position + character.length);
    }
    text += folded;
    position += character.length;
  }
  offsets.push(original.length);
  return { text, offsets, ends };
}

/** Normalises a query: the folded text alone. */
export function normaliseQuery(query: string): string {
  return normaliseText(query).text;
}

/** Maps a folded range `[start, end)` back to the original range it covers. */
export function toOriginalRange(
  normalised: NormalisedText,
  start: number,
  end: number,
): [number, number] {
  const from = normalised.offsets[start] ?? 0;
  // Whitespace inside the range is covered; whitespace after its last character is not.
  const to = normalised.ends[end - 1] ?? from;
  return [from, Math.max(from, to)];
}
