/**
 * Stage 2: decide what each line of a report region is, from the line alone, keeping its
 * source line. Headings and numbered paragraphs are recognised by their printed prefixes;
 * both paren widths occur in the source (`（二）` and `(二) `), so both are accepted.
 */
import type { Block, BlockKind, SourceLine } from './model.ts';

const SECTION = /^[一二三四五六七八九十]+、/;
const SUBSECTION = /^[（(][一二三四五六七八九十]+[）)]/;
// `1. ` / `1．`; a digit right after the dot would be a decimal such as `1.23 万` cut onto a new line.
const NUMBERED = /^\d{1,2}[.．](?!\d)/;
const AUTHORS = /^[（(]\s*执笔人?\s*[：:]\s*(.*?)\s*[）)]$/;

/** Returns the kind of a non-blank line of a report region. */
export function classifyLine(text: string): BlockKind {
  if (AUTHORS.test(text)) return 'authors';
  if (SECTION.test(text)) return 'section';
  if (SUBSECTION.test(text)) return 'subsection';
  if (NUMBERED.test(text)) return 'numbered';
  return 'paragraph';
}

/** Turns the non-blank lines of a report region into blocks, one per line, trimmed. */
export function classifyLines(lines: readonly SourceLine[]): Block[] {
  return lines
    .filter((line) => line.text.trim() !== '')
    .map((line) => {
      const text = line.text.trim();
      return { kind: classifyLine(text), text, lines: [line.number] };
    });
}

/** Splits an authors line `（执笔人：张三 李四）` into names; undefined when the line is not one. */
export function parseAuthors(text: string): string[] | undefined {
  const match = AUTHORS.exec(text.trim());
  if (!match) return undefined;
  return (match[1] ?? '').split(/[\s、，,]+/u).filter((name) => name !== '');
}

// Closing marks that may follow the sentence-final mark: `。”`, `！）`.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '"', "'"]);
// A colon ends an introducing paragraph whose list follows; the source never cuts right after one.
const FINAL = new Set(['。', '！', '？', '!', '?', '…', '：', ':']);
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['(', ')'],
  ['《', '》'],
  ['「', '」'],
  ['〈', '〉'],
];

/** Whether a text ends a sentence: a final mark (optionally inside closing quotes) and every quote or bracket closed. */
export function endsSentence(text: string): boolean {
  const chars = [...text.trimEnd()];
  let index = chars.length - 1;
  while (index >= 0 && CLOSERS.has(chars[index] ?? '')) index -= 1;
  if (index < 0 || !FINAL.has(chars[index] ?? '')) return false;
  return isBalanced(text);
}

/** Whether every opening quote or bracket in the text has its closing partner. */
export function isBalanced(text: string): boolean {
  return PAIRS.every(([open, close]) => count(text, open) === count(text, close));
}

/** Whether a line carries punctuation inside it (a heading's wrapped tail never does). */
export function hasClausePunctuation(text: string): boolean {
  return /[，。；：！？、,;:!?]/u.test(text);
}

function count(text: string, char: string): number {
  let total = 0;
  for (const c of text) if (c === char) total += 1;
  return total;
}
