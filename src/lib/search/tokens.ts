/**
 * The words Pagefind indexes: `WORDS_PER_CHARACTER` words per character of each report's
 * normalised text, in text order — that character and the next `GRAM - 1` (an n-gram), the
 * character and the next (a pair, marked `x`), and the character alone (marked `y`), each spelt as
 * fixed-width ASCII codes — so positions 3i, 3i + 1 and 3i + 2 of a record are character i of its
 * text (`characterAt`).
 *
 * Why: Pagefind returns, for each word it finds, every position of it in every record, loading
 * only the index chunks (about 40 KB each) that hold the word. Every lookup is a whole word: one,
 * two or four characters are the single, the pair or the n-gram itself, three characters two
 * pairs a character apart, and a longer query a few n-grams, whose positions must line up; so the
 * records found are exactly the reports that contain the query, with the position of every hit,
 * and no report text is fetched to decide what matches. A whole word matters because Pagefind
 * searches a term as a prefix but only in the index chunk where the term itself sorts: a short
 * prefix shared by more n-grams than one chunk holds (各项 in 1,002 reports of 1,200) missed the
 * reports whose n-grams sorted into the next chunks. Words of one kind have one length, so the
 * prefix search of a whole word finds that word only, and the marks keep the kinds apart (a
 * code's first digit is at most `n`: U+10FFFF is `n` in base 36). (Pagefind's own quoted phrase search reports only the first
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

/** Index words per character: its n-gram, its pair and itself. */
export const WORDS_PER_CHARACTER = 3;

// Marks of the pair and single words: letters no code starts with.
const PAIR = 'x';
const SINGLE = 'y';

/** Encodes one character (code point) as its fixed-width base-36 code. */
export function encodeCharacter(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(36).padStart(TOKEN_WIDTH, '0');
}

/**
 * The words of one field or block's normalised text: per character (code point), in order, its
 * n-gram, its pair and itself.
 */
export function textWords(normalised: string): string[] {
  const codes = [...normalised].map(encodeCharacter);
  return codes.flatMap((code, index) => [
    Array.from({ length: GRAM }, (_, offset) => codes[index + offset] ?? END).join(''),
    `${PAIR}${code}${codes[index + 1] ?? END}`,
    `${SINGLE}${code}`,
  ]);
}

/** The character (in text order) at a record's word position. */
export function characterAt(position: number): number {
  return Math.floor(position / WORDS_PER_CHARACTER);
}

/** One index lookup of a query: the Pagefind search string and where its word sits in a hit. */
export interface IndexLookup {
  /** A whole index word (an n-gram, a pair or a single), so its prefix search finds it alone. */
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

// Each lookup loads at most one index chunk (about 25 KB), and confirming a long query against the
// text loads every candidate's outline and text chunks, which costs more at library size (63
// candidates of a 9-character title: 180 KB): queries of up to 16 characters are covered by
// their lookups, and only a longer one looks up this many spread words and is confirmed.
const MAX_LOOKUPS = 4;

/**
 * The lookups of a normalised query (null for ''): one character is its single, two their pair,
 * three the pairs at offsets 0 and 1, four the n-gram; a longer query n-grams at offsets 0, GRAM,
 * 2·GRAM, … and one ending at the last character, which together cover every character, so
 * lined-up positions are exactly the hits; past `MAX_LOOKUPS` words, that many spread ones, and
 * the few aligned candidates are confirmed against the text.
 */
export function planLookups(normalised: string): IndexPlan | null {
  const codes = [...normalised].map(encodeCharacter);
  const length = codes.length;
  if (length === 0) return null;
  const lookup = (offset: number): IndexLookup => ({
    term: codes.slice(offset, offset + GRAM).join(''),
    offset,
  });
  const pair = (offset: number): IndexLookup => ({
    term: `${PAIR}${codes.slice(offset, offset + 2).join('')}`,
    offset,
  });
  const [first = ''] = codes;
  if (length === 1)
    return { lookups: [{ term: `${SINGLE}${first}`, offset: 0 }], length, verify: false };
  if (length === 2) return { lookups: [pair(0)], length, verify: false };
  if (length === 3) return { lookups: [pair(0), pair(1)], length, verify: false };
  if (length === GRAM) return { lookups: [lookup(0)], length, verify: false };
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

// A typo search looks up at most this many pairs, each one index chunk.
const MAX_TYPO_LOOKUPS = 6;

/**
 * The pair words a typo search looks up: pairs that share no character (at offsets 0, 2, 4, …),
 * so one edit spoils at most one of them and a report within `e` edits of the query holds all but
 * `e`; at most `MAX_TYPO_LOOKUPS`, spread over a longer query. Each pair once.
 */
export function typoPairTerms(normalised: string): string[] {
  const codes = [...normalised].map(encodeCharacter);
  const offsets: number[] = [];
  for (let offset = 0; offset + 1 < codes.length; offset += 2) offsets.push(offset);
  const chosen =
    offsets.length <= MAX_TYPO_LOOKUPS
      ? offsets
      : Array.from(
          { length: MAX_TYPO_LOOKUPS },
          (_, index) =>
            offsets[Math.round((index * (offsets.length - 1)) / (MAX_TYPO_LOOKUPS - 1))] ?? 0,
        );
  return [
    ...new Set(chosen.map((offset) => `${PAIR}${codes[offset] ?? ''}${codes[offset + 1] ?? ''}`)),
  ];
}

/**
 * Hit starts from each lookup's character positions (`characterAt`) in one record: the positions p where every lookup's
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
