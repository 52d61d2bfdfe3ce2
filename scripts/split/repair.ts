/**
 * Stage 3: join what page and column breaks cut. The PDF extraction turned every page or column
 * break inside a paragraph into a blank line (`…鼓楼区康藏路社` / blank / `区老年群体多…`), and once
 * cut a heading (`（一）“惠企政策我来讲”，筑牢专业` / `服务根基`). The rule looks only at how a block ends
 * and how the next begins; it never consults line numbers.
 */
import { endsSentence, hasClausePunctuation } from './classify.ts';
import type { Block, Repair } from './model.ts';

// A heading's wrapped tail is a short phrase; a longer line is a paragraph even without punctuation.
const MAX_HEADING_TAIL = 20;
const MAX_HEADING = 60;

/** The repaired blocks, the joins made, and the paragraphs that still end mid-sentence. */
export interface RepairResult {
  blocks: Block[];
  repairs: Repair[];
  unjoined: Block[];
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
  const unjoined = blocks.filter(
    (block) =>
      (block.kind === 'paragraph' || block.kind === 'numbered') && !endsSentence(block.text),
  );
  return { blocks, repairs, unjoined };
}

/** Whether `next` is the rest of a paragraph that stops mid-sentence. */
export function continuesParagraph(previous: Block, next: Block): boolean {
  if (previous.kind !== 'paragraph' && previous.kind !== 'numbered') return false;
  return next.kind === 'paragraph' && !endsSentence(previous.text);
}

/**
 * Whether `next` is the wrapped end of a heading: a short phrase without clause punctuation that
 * does not end a sentence itself. A paragraph after a heading always carries punctuation, so a
 * heading is never glued to the paragraph that follows it.
 */
export function continuesHeading(previous: Block, next: Block): boolean {
  if (previous.kind !== 'section' && previous.kind !== 'subsection') return false;
  if (previous.lines.length > 1 || next.kind !== 'paragraph') return false;
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
