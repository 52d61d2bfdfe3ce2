/**
 * Stage 2: decide what each line of a report region is, from the line alone, keeping its
 * source line. Headings and numbered paragraphs are recognised by their printed prefixes;
 * both paren widths occur in the source (`（二）` and `(二) `), so both are accepted.
 */
import { AUTHORS_START, parseAuthorsLine } from './authors.ts';
import type { Block, BlockKind, SourceLine } from './model.ts';

const SECTION = /^[一二三四五六七八九十]+、/;
const SUBSECTION = /^[（(][一二三四五六七八九十]+[）)]/;
// `1. ` / `1．`; a digit right after the dot would be a decimal such as `1.23 万` cut onto a new line.
const NUMBERED = /^\d{1,2}[.．](?!\d)/;

/** Returns the kind of a non-blank line of a report region. */
export function classifyLine(text: string): BlockKind {
  if (AUTHORS_START.test(text)) return 'authors';
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

/** The writers named by an authors line `（执笔人：张三 李四）`; undefined when the line is not one. */
export function parseAuthors(text: string): string[] | undefined {
  return AUTHORS_START.test(text.trim()) ? parseAuthorsLine(text).names : undefined;
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

/**
 * Whether a text ends a sentence: its last mark (after any closing quotes) is final. Brackets are
 * not consulted: a `1）2）` enumeration or a quote left open by a slip would otherwise make every
 * following paragraph up to the next heading look unfinished and merge into it.
 */
export function endsSentence(text: string): boolean {
  const chars = [...text.trimEnd()];
  let index = chars.length - 1;
  while (index >= 0 && CLOSERS.has(chars[index] ?? '')) index -= 1;
  return index >= 0 && FINAL.has(chars[index] ?? '');
}

/** Whether every opening quote or bracket in the text has its closing partner. */
export function isBalanced(text: string): boolean {
  return PAIRS.every(([open, close]) => count(text, open) === count(text, close));
}

// Quotation marks may hold several sentences, so a page break can fall after a full stop inside one.
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];

/**
 * Whether `next` closes a quotation `previous` leaves open: the one case where a paragraph that
 * ends a sentence still continues after a break. Only a quote the next paragraph closes counts,
 * so an opening quote without its partner never pulls in the paragraphs after it.
 */
export function closesOpenQuote(previous: string, next: string): boolean {
  return QUOTES.some(
    ([open, close]) =>
      count(previous, open) > count(previous, close) && firstUnmatchedClose(next, open, close),
  );
}

/** The first quotation mark of the text left without its partner (an open `“` or a stray `”`), if any. */
export function unpairedQuote(text: string): string | undefined {
  for (const [open, close] of QUOTES) {
    const opened = count(text, open);
    const closed = count(text, close);
    if (opened !== closed) return opened > closed ? open : close;
  }
  return undefined;
}

/** Whether the text closes a quote before opening one of its own. */
function firstUnmatchedClose(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === open) depth += 1;
    else if (char === close) {
      if (depth === 0) return true;
      depth -= 1;
    }
  }
  return false;
}

// A table or figure caption (`表 1 全市试点社区基本情况`, `图2-1 …`) or a source note: the label of
// something the text extraction left out, never the rest of a heading or paragraph.
const CAPTION =
  /^(?:(?:附)?[表图]\s*(?:[0-9０-９]+(?:[-－.．][0-9０-９]+)*|[一二三四五六七八九十]+)|(?:注|资料来源|数据来源)\s*[：:])/u;
// A line led by a dash: a subtitle or an attribution (`——以华侨路街道为例`).
const DASH_LINE = /^——/;

/** What a line that stands on its own is: a caption, a dash line, or undefined for ordinary text. */
export function standaloneKind(text: string): 'caption' | 'dash' | undefined {
  if (CAPTION.test(text)) return 'caption';
  if (DASH_LINE.test(text)) return 'dash';
  return undefined;
}

/**
 * Whether a line starts where a cut phrase can go on: with a letter, a digit or an opening
 * quote, not with punctuation and not as a caption or dash line of its own.
 */
export function continuesPhrase(text: string): boolean {
  return standaloneKind(text) === undefined && /^[\p{L}\p{N}“‘《「]/u.test(text);
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
