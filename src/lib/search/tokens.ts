/**
 * The words Pagefind indexes: one word per character of each report's normalised text — that
 * character and the next `GRAM - 1` (an n-gram), spelt as fixed-width ASCII codes — in text order,
 * so position i of a record is character i of its text.
 *
 * Why: Pagefind returns, for each word it finds, every position of it in every record, loading
 * only the index chunks (about 40 KB each) that hold the word. A query of up to `GRAM`
 * characters is then one lookup — the prefix search of its codes, i.e. every n-gram that starts
 * with it — and a longer one a few lookups whose positions must line up, so the records found are
 * exactly the reports that contain the query, with the position of every hit, and no report text
 * is fetched to decide what matches. (Pagefind's own quoted phrase search reports only the first
 * occurrence per record, so it cannot count hits.) Why codes: Pagefind's Chinese word cutting
 * differs between the indexer and the browser, and codes of one width are opaque to both
 * segmenters. Near the end of a field or block the n-gram is padded with an end code, so no
 * match runs from one block into the next. Title and subtitle come first in a record, so a hit
 * before the manifest's `titleEnd` is a title hit.
 */

/** Width of one character code; 36^4 covers every code point. */
export const TOKEN_WIDTH = 4;

/** Characters per index word. */
export const GRAM = 4;

// 36^4 − 1 is above U+10FFFF, so it is no character's code.
const END = 'zzzz';

/** Encodes one character (code point) as its fixed-width base-36 code. */
export function encodeCharacter(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(36).padStart(TOKEN_WIDTH, '0');
}

/** The words of one field or block's normalised text: one per character (code point), in order. */
export function textWords(normalised: string): string[] {
  const codes = [...normalised].map(encodeCharacter);
  return codes.map((_, index) =>
    Array.from({ length: GRAM }, (__, offset) => codes[index + offset] ?? END).join(''),
  );
}

/** One index lookup of a query: the Pagefind search string and where its word sits in a hit. */
export interface IndexLookup {
  /** Codes of up to `GRAM` characters, searched as a prefix: every word that starts with them. */
  term: string;
  /** Offset of the word from the hit's first character. */
  offset: number;
}

/** How a query is looked up in the index. */
export interface IndexPlan {
  lookups: IndexLookup[];
  /** Characters per hit. */
  length: number;
  /**
   * False when the lookups cover every character of the query, so positions that line up are
   * hits; true for long queries, looked up by a few spread words only, whose aligned positions
   * are confirmed against the text.
   */
  verify: boolean;
}

// Each lookup loads at least one index chunk: a query never looks up more than this many.
const MAX_LOOKUPS = 2;

/**
 * The lookups of a normalised query (null for ''): words at offsets 0, GRAM, 2·GRAM, … and one
 * ending at the last character, which together cover every character, so lined-up positions are
 * exactly the hits; past `MAX_LOOKUPS` words, that many spread ones, and the few aligned
 * candidates are confirmed against the text.
 */
export function planLookups(normalised: string): IndexPlan | null {
  const codes = [...normalised].map(encodeCharacter);
  const length = codes.length;
  if (length === 0) return null;
  const lookup = (offset: number): IndexLookup => ({
    term: codes.slice(offset, offset + GRAM).join(''),
    offset,
  });
  if (length <= GRAM) return { lookups: [lookup(0)], length, verify: false };
  const last = length - GRAM;
  const covering = new Set<number>();
  for (let offset = 0; offset < last; offset += GRAM) covering.add(offset);
  covering.add(last);
  let offsets = [...covering];
  const verify = offsets.length > MAX_LOOKUPS;
  if (verify)
    offsets = Array.from({ length: MAX_LOOKUPS }, (_, index) =>
      Math.round((index * last) / (MAX_LOOKUPS - 1)),
    );
  return { lookups: offsets.map(lookup), length, verify };
}

/** The prefix lookups of every pair of adjacent characters of a query (for typo candidates). */
export function pairTerms(normalised: string): string[] {
  const codes = [...normalised].map(encodeCharacter);
  return [...new Set(codes.slice(0, -1).map((code, index) => `${code}${codes[index + 1] ?? ''}`))];
}

/**
 * Hit starts from each lookup's positions in one record: the positions p where every lookup's
 * word sits at p + its offset, kept non-overlapping (the lowest first, the next after it ends) —
 * the same count as `findAll` in match.ts.
 */
export function alignHits(plan: IndexPlan, positions: ReadonlyArray<readonly number[]>): number[] {
  const [first, ...rest] = positions;
  if (!first) return [];
  const sets = rest.map((list) => new Set(list));
  const starts: number[] = [];
  let from = Number.NEGATIVE_INFINITY;
  for (const position of [...new Set(first)].sort((a, b) => a - b)) {
    const start = position - (plan.lookups[0]?.offset ?? 0);
    if (start < from) continue;
    if (!sets.every((set, index) => set.has(start + (plan.lookups[index + 1]?.offset ?? 0))))
      continue;
    starts.push(start);
    from = start + plan.length;
  }
  return starts;
}
