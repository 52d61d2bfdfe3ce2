/**
 * Stage 3: join what page and column breaks cut. The PDF extraction turned every page or column
 * break inside a paragraph into a blank line (`…鼓楼区康藏路社` / blank / `区老年群体多…`), and once
 * cut a heading (`（一）“惠企政策我来讲”，筑牢专业` / `服务根基`). The rule looks only at how a block ends
 * and how the next begins; it never consults line numbers.
 */
import {
  closesOpenQuote,
  continuesPhrase,
  endsSentence,
  hasClausePunctuation,
  standaloneKind,
} from './classify.ts';
import type { Block, Repair } from './model.ts';

// A heading's wrapped tail is a short phrase; a longer line is a paragraph even without punctuation.
const MAX_HEADING_TAIL = 20;
const MAX_HEADING = 60;

/** The repaired blocks, the joins made, the paragraphs that still end mid-sentence, and the lines kept on their own. */
export interface RepairResult {
  blocks: Block[];
  repairs: Repair[];
  unjoined: Block[];
  /** Captions and dash lines: never joined, reported so a reader of the summary can check them. */
  standalone: Block[];
}

/** Joins paragraphs and headings cut by page or column breaks; everything else passes through unchanged. */
export function repairBlocks(input: readonly Block[]): RepairResult {
  const blocks: Block[] = [];
  const repairs: Repair[] = [];
  for (const block of input) {
    const previous = blocks[blocks.length - 1];
    if (previous && continuesHeading(previous, block)) {
      repairs.push(describeJoin('heading', previous, block));
      blocks[blocks.length - 1] = joinBlocks(previous, block);
    } else if (previous && continuesParagraph(previous, block)) {
      repairs.push(describeJoin('paragraph', previous, block));
      blocks[blocks.length - 1] = joinBlocks(previous, block);
    } else {
      blocks.push({ ...block, lines: [...block.lines] });
    }
  }
  const standalone = blocks.filter(
    (block) => block.kind === 'paragraph' && standaloneKind(block.text) !== undefined,
  );
  const alone = new Set(standalone);
  const unjoined = blocks.filter(
    (block) =>
      (block.kind === 'paragraph' || block.kind === 'numbered') &&
      !endsSentence(block.text) &&
      !alone.has(block),
  );
  return { blocks, repairs, unjoined, standalone };
}

/**
 * Whether `next` is the rest of a paragraph cut by a break: the paragraph stops mid-sentence, or
 * leaves open a quotation that `next` closes. A paragraph ending in `。` otherwise ends, and
 * captions and dash lines stand on their own.
 */
export function continuesParagraph(previous: Block, next: Block): boolean {
  if (previous.kind !== 'paragraph' && previous.kind !== 'numbered') return false;
  if (next.kind !== 'paragraph') return false;
  if (standaloneKind(previous.text) || standaloneKind(next.text)) return false;
  return !endsSentence(previous.text) || closesOpenQuote(previous.text, next.text);
}

/**
 * Whether `next` is the wrapped end of a heading: a short phrase without clause punctuation that
 * does not end a sentence itself and goes on with the heading's own phrase (no caption such as
 * `表 1 …`, no `——` line, no leading punctuation). A paragraph after a heading always carries
 * punctuation, so a heading is never glued to the paragraph that follows it.
 */
export function continuesHeading(previous: Block, next: Block): boolean {
  if (previous.kind !== 'section' && previous.kind !== 'subsection') return false;
  if (previous.lines.length > 1 || next.kind !== 'paragraph') return false;
  if (!continuesPhrase(next.text)) return false;
  if (endsSentence(previous.text) || endsSentence(next.text) || hasClausePunctuation(next.text))
    return false;
  const tail = [...next.text].length;
  return tail <= MAX_HEADING_TAIL && [...previous.text].length + tail <= MAX_HEADING;
}

/** Joins two texts the way the source spaces them: nothing between CJK characters, one space between Latin words. */
export function joinText(left: string, right: string): string {
  const needsSpace = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right);
  return needsSpace ? `${left} ${right}` : `${left}${right}`;
}

function joinBlocks(previous: Block, next: Block): Block {
  return {
    kind: previous.kind,
    text: joinText(previous.text, next.text),
    lines: [...previous.lines, ...next.lines],
  };
}

function describeJoin(kind: Repair['kind'], previous: Block, next: Block): Repair {
  const before = [...previous.text].slice(-8).join('');
  const after = [...next.text].slice(0, 8).join('');
  return { kind, line: previous.lines[0] ?? 0, joinedLine: next.lines[0] ?? 0, before, after };
}
