/**
 * The punctuation rule: how the split presents the text of every report (body, title, subtitle,
 * unit), applied once when it renders the Markdown, so the page, the search index built from the
 * page and the Word downloads built from the Markdown all show the same text (README, “What the
 * build does”). The PDF extraction mixed widths inside one report (`(二) ` beside `（二）`, 155
 * ASCII `,` `;` `:` between Chinese characters in reports 03, 08 and 11) and spaced digits and Latin
 * words irregularly (`市 11 个` beside `积3.6平方`).
 *
 * 1. An ASCII `,` `;` `:` `!` `?` becomes its full-width form when the nearest non-space character
 *    on either side is Chinese (a Han character or full-width punctuation).
 * 2. A matched ASCII `(` … `)` becomes `（` … `）` when it holds a Chinese character or a Chinese
 *    character is its nearest neighbour outside.
 * 3. The spaces between a Han character and a Latin letter, a digit or a `%`, and the spaces beside
 *    full-width punctuation, are dropped; CSS `text-autospace` spaces Han and Latin evenly where the
 *    browser can, and elsewhere every such pair is set tight, as `积3.6平方` already was.
 *
 * Never inside numbers or Latin words (`3.6`, `1:2`, `3,500`, `Word,Excel` have no Chinese
 * neighbour), never inside URLs or e-mail addresses (kept as typed). Spaces between two Han
 * characters (a printed phrase break, `建设 带头`), between Latin words and after a point number
 * (`1. `) stay. The rule changes only widths and spaces: every other character, and the count of
 * non-space characters, is the source's.
 */

const HAN = /\p{Script=Han}/u;
// CJK symbols and punctuation (、。《》「」【】) and the full-width forms (，：；（）！？).
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF]/u;
const SPACE = /\s/u;
// A Latin letter, a digit, or the percent sign that ends a number (`68% 显著`).
const LATIN_OR_DIGIT = /[A-Za-z0-9%]/;
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};
// URLs and e-mail addresses: a run of printable ASCII, whatever Chinese text follows it.
const VERBATIM = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[!-~]*|www\.[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

/** Whether a character is Chinese for the rule: a Han character or full-width punctuation. */
export function isChinese(character: string | undefined): boolean {
  return character !== undefined && (HAN.test(character) || FULL_WIDTH_PUNCTUATION.test(character));
}

/** Applies the punctuation rule to one block of text (see the module comment). */
export function applyPunctuationRule(text: string): string {
  const chars = [...text];
  const verbatim = verbatimPositions(text);
  convertMarks(chars, verbatim);
  convertParentheses(chars, verbatim);
  return dropSpaces(chars).join('');
}

/** Code point positions covered by a URL or e-mail address. */
function verbatimPositions(text: string): Set<number> {
  const positions = new Set<number>();
  for (const match of text.matchAll(VERBATIM)) {
    const start = [...text.slice(0, match.index)].length;
    const length = [...match[0]].length;
    for (let offset = 0; offset < length; offset += 1) positions.add(start + offset);
  }
  return positions;
}

/** The nearest non-space character before (`step` −1) or after (+1) `index`. */
function neighbour(chars: readonly string[], index: number, step: -1 | 1): string | undefined {
  let at = index + step;
  while (at >= 0 && at < chars.length && SPACE.test(chars[at] ?? '')) at += step;
  return chars[at];
}

function convertMarks(chars: string[], verbatim: ReadonlySet<number>): void {
  for (const [index, char] of chars.entries()) {
    if (verbatim.has(index) || !',;:!?'.includes(char)) continue;
    if (isChinese(neighbour(chars, index, -1)) || isChinese(neighbour(chars, index, 1)))
      chars[index] = FULL_WIDTH[char] ?? char;
  }
}

function convertParentheses(chars: string[], verbatim: ReadonlySet<number>): void {
  const open: number[] = [];
  for (const [index, char] of chars.entries()) {
    if (verbatim.has(index)) continue;
    if (char === '(') open.push(index);
    if (char !== ')') continue;
    const start = open.pop();
    // An unmatched `)` (a `1)` enumeration) is left as printed.
    if (start === undefined) continue;
    const inside = chars.slice(start + 1, index).some((inner) => isChinese(inner));
    if (inside || isChinese(neighbour(chars, start, -1)) || isChinese(neighbour(chars, index, 1))) {
      chars[start] = '（';
      chars[index] = '）';
    }
  }
}

function dropSpaces(chars: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    if (!SPACE.test(char)) {
      kept.push(char);
      continue;
    }
    let end = index;
    while (end < chars.length && SPACE.test(chars[end] ?? '')) end += 1;
    const before = chars[index - 1];
    const after = chars[end];
    if (!spacingIsDropped(before, after)) kept.push(...chars.slice(index, end));
    index = end - 1;
  }
  return kept;
}

/** Whether the spaces between `before` and `after` go: Han beside Latin or a digit, or full-width punctuation beside anything. */
function spacingIsDropped(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  const han = (char: string): boolean => HAN.test(char);
  const latin = (char: string): boolean => LATIN_OR_DIGIT.test(char);
  const punctuation = (char: string): boolean => FULL_WIDTH_PUNCTUATION.test(char);
  return (
    (han(before) && latin(after)) ||
    (latin(before) && han(after)) ||
    punctuation(before) ||
    punctuation(after)
  );
}
