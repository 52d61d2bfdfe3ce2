/**
 * The one rule against orphans in titles: the last three letters of a heading, a section entry or
 * a pager title stay on one line, so a wrapped title never ends on a lone character
 * (`…面临的挑 / 战`). Browsers with `text-wrap: pretty` do better on their own; Chrome 86, Safari 14
 * and Firefox 115 need this. The tail is wrapped in a `white-space: nowrap` span (class `nw`), so
 * no character is added: copied text, search and text fragments see the title unchanged.
 */

/** Letters (punctuation and spaces do not count) kept together at a title's end. */
export const TAIL_LETTERS = 3;

const NOT_A_LETTER = /[\s\p{P}]/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;

/**
 * Splits `text` into the part that may wrap and the tail that stays on one line: the last
 * `letters` letters with the punctuation and spaces among and after them, and the opening quote or
 * bracket before them. The tail is empty when
 * the text has no more letters than that, since keeping all of it together is no rule at all.
 */
export function splitTitleTail(text: string, letters = TAIL_LETTERS): [head: string, tail: string] {
  const characters = [...text];
  let counted = 0;
  let index = characters.length;
  while (index > 0 && counted < letters) {
    index -= 1;
    if (!NOT_A_LETTER.test(characters[index] ?? '')) counted += 1;
  }
  // An opening bracket or quote belongs with the letters it opens.
  while (index > 0 && OPENING.test(characters[index - 1] ?? '')) index -= 1;
  const head = characters.slice(0, index).join('');
  if (counted < letters || !/[^\s\p{P}]/u.test(head)) return [text, ''];
  return [head, characters.slice(index).join('')];
}
