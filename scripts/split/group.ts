/**
 * Stage 4b: find each table-of-contents entry's report in the body, read its header (title,
 * optional subtitle, unit), and group its lines into the typed `Report` model. The table of
 * contents drives this: a compendium with any number of entries splits the same way.
 */
import {
  classifyLines,
  endsSentence,
  hasClausePunctuation,
  standaloneKind,
  unpairedQuote,
} from './classify.ts';
import { Problems, quote } from './errors.ts';
import type { Block, BodyNode, Report, SourceLine, TocEntry } from './model.ts';
import { parseAuthorsLine } from './authors.ts';
import { repairBlocks } from './repair.ts';
import { compactKey, nextNonBlank, normaliseSpacing } from './text.ts';
import { reportIdOf } from '../../src/lib/content-schema.ts';

// A printed title wraps over at most this many lines, of at most this many characters in all.
const MAX_TITLE_LINES = 3;
const MAX_TITLE_LENGTH = 80;
const SUBTITLE = /^——\s*(.+)$/;
// The back-cover photo credit after the last report: `《禄口机场》 林垲 / 摄`.
const PHOTO_CREDIT = /\/\s*摄$/;
// An authoring unit line, short and ending in 组 like the table of contents' units.
const UNIT_LINE = /^.{2,30}组$/u;

/** Where a report's header sits: the index of its first title line and of the line after the title. */
interface HeaderPosition {
  entry: TocEntry;
  start: number;
  afterTitle: number;
}

/** The reports, and the lines after the last report that are not part of it (the back-cover credit). */
export interface GroupResult {
  reports: Report[];
  trailer: SourceLine[];
}

/** Locates every entry's report after the table of contents and builds the report models. */
export function groupReports(
  lines: readonly SourceLine[],
  entries: readonly TocEntry[],
  bodyStart: number,
  problems: Problems,
): GroupResult {
  const headers = locateHeaders(lines, entries, bodyStart, problems);
  // Every line after the first title belongs to some report; only text before it could be dropped unseen.
  const firstTitle = headers[0]?.start ?? lines.length;
  const stray = lines.slice(bodyStart, firstTitle).find((line) => line.text.trim() !== '');
  if (stray && headers.length > 0) {
    problems.fail(
      stray.number,
      'text-before-first-report',
      `the title of report 1 right after the table of contents`,
      quote(stray.text.trim()),
    );
  }
  const reports: Report[] = [];
  let trailer: SourceLine[] = [];
  headers.forEach((header, index) => {
    const next = headers[index + 1];
    const isLast = index === headers.length - 1;
    const end = next ? next.start : lines.length;
    const built = buildReport(lines, header, end, isLast, entries, problems);
    if (built) {
      reports.push(built.report);
      if (isLast) trailer = built.trailer;
    }
  });
  return { reports, trailer };
}

/** Finds the title of every entry, in order; an entry whose title never appears is an error. */
function locateHeaders(
  lines: readonly SourceLine[],
  entries: readonly TocEntry[],
  bodyStart: number,
  problems: Problems,
): HeaderPosition[] {
  const headers: HeaderPosition[] = [];
  let from = bodyStart;
  for (const entry of entries) {
    const found = findTitle(lines, compactKey(entry.title), from, lines.length);
    if (found) {
      headers.push({ entry, ...found });
      from = found.afterTitle;
      continue;
    }
    const earlier = findTitle(lines, compactKey(entry.title), bodyStart, from);
    if (earlier) {
      const line = lines[earlier.start] as SourceLine;
      problems.fail(
        line.number,
        'report-out-of-order',
        `report ${entry.order} ${quote(entry.title)} after report ${headers.length}`,
        `it before report ${headers.length}`,
      );
    } else {
      problems.fail(
        entry.line,
        'toc-entry-without-report',
        `a report titled ${quote(entry.title)} after the table of contents`,
        'no such title',
      );
    }
  }
  return headers;
}

/** Finds 1–3 consecutive non-blank lines (blank lines between allowed) whose text, ignoring whitespace, is the title. */
function findTitle(
  lines: readonly SourceLine[],
  key: string,
  from: number,
  to: number,
): { start: number; afterTitle: number } | undefined {
  for (let start = nextNonBlank(lines, from); start < to; start = nextNonBlank(lines, start + 1)) {
    let joined = '';
    let cursor = start;
    for (let count = 0; count < MAX_TITLE_LINES && cursor < to; count += 1) {
      joined += compactKey(lines[cursor]?.text ?? '');
      if (joined === key) return { start, afterTitle: cursor + 1 };
      if (!key.startsWith(joined)) break;
      cursor = nextNonBlank(lines, cursor + 1);
    }
  }
  return undefined;
}

/** Reads one report's header and body between its title and the next report's title. */
function buildReport(
  lines: readonly SourceLine[],
  header: HeaderPosition,
  end: number,
  isLast: boolean,
  entries: readonly TocEntry[],
  problems: Problems,
): { report: Report; trailer: SourceLine[] } | undefined {
  const { entry } = header;
  let cursor = nextNonBlank(lines, header.afterTitle);
  let subtitle = entry.subtitle;
  const subtitleMatch = cursor < end ? SUBTITLE.exec(lines[cursor]?.text.trim() ?? '') : null;
  if (subtitleMatch) {
    const printed = normaliseSpacing(subtitleMatch[1] ?? '');
    if (entry.subtitle && compactKey(entry.subtitle) !== compactKey(printed)) {
      problems.warn(
        lines[cursor]?.number ?? 0,
        'subtitle-mismatch',
        `the subtitle of the table of contents ${quote(entry.subtitle)}`,
        quote(printed),
      );
    }
    subtitle = printed;
    cursor = nextNonBlank(lines, cursor + 1);
  }
  const unitLine = cursor < end ? lines[cursor] : undefined;
  const headerLine = (lines[header.start] as SourceLine).number;
  if (!unitLine || compactKey(unitLine.text) !== compactKey(entry.unit)) {
    const line = unitLine ?? lines[Math.min(cursor, lines.length - 1)];
    problems.fail(
      line?.number ?? headerLine,
      'missing-unit-line',
      `"${entry.unit || '…课题组'}" after the title of report ${entry.order}`,
      unitLine ? quote(unitLine.text.trim()) : 'the end of the report',
    );
    return undefined;
  }
  const region = lines.slice(cursor + 1, end);
  const { body, authors, trailer, bodyLines, unlisted } = splitRegion(
    region,
    entry,
    isLast,
    problems,
  );
  // Its text holds another report's: what the repairs would say about it would only repeat that.
  if (unlisted) return undefined;
  const { blocks, repairs, unjoined, standalone } = repairBlocks(body);
  if (blocks.length === 0) {
    problems.fail(
      unitLine.number,
      'empty-report',
      `the body of report ${entry.order} after its unit line`,
      isLast ? 'the end of the file' : 'the next report',
    );
    return undefined;
  }
  reportUnjoined(unjoined, blocks, isLast, problems);
  reportStandalone(standalone, problems);
  reportUnpairedQuotes(blocks, problems);
  const next = entries[entry.order];
  const report: Report = {
    order: entry.order,
    id: reportIdOf(entry.order),
    title: entry.title,
    ...(subtitle ? { subtitle } : {}),
    unit: entry.unit,
    authors,
    page: entry.page,
    ...(next ? { endPage: next.page - 1 } : {}),
    body: blocks.map(toBodyNode),
    repairs,
    bodyLines,
    headerLine,
  };
  return { report, trailer };
}

/** Separates the body lines from the closing authors line and, after the last report, the back-cover credit. */
function splitRegion(
  region: readonly SourceLine[],
  entry: TocEntry,
  isLast: boolean,
  problems: Problems,
): {
  body: Block[];
  authors: string[];
  trailer: SourceLine[];
  bodyLines: SourceLine[];
  unlisted: boolean;
} {
  let content = region.filter((line) => line.text.trim() !== '');
  let trailer: SourceLine[] = [];
  if (isLast) {
    let cut = content.length;
    while (cut > 0 && PHOTO_CREDIT.test(content[cut - 1]?.text.trim() ?? '')) cut -= 1;
    trailer = content.slice(cut);
    content = content.slice(0, cut);
  }
  const blocks = classifyLines(content);
  // A title and unit inside the region start a report the table of contents does not list; left
  // alone, its text would silently become part of this one (page breaks make joins across it).
  const unlisted = findUnlistedHeaders(blocks);
  for (const start of unlisted) reportWithoutEntry(blocks, start, entry, problems);
  // The last authors line closes the report; any earlier one is stray.
  const authorsIndex = blocks.map((block) => block.kind).lastIndexOf('authors');
  let authors: string[] = [];
  if (authorsIndex >= 0) {
    authors = readAuthors(blocks[authorsIndex] as Block, problems);
    const after = blocks[authorsIndex + 1];
    if (after && !unlisted.has(authorsIndex + 1)) {
      problems.fail(
        after.lines[0] ?? 0,
        'text-after-authors',
        `the next report's title after the authors line of report ${entry.order}`,
        quote(after.text),
      );
    }
  }
  const body = blocks.filter((block) => block.kind !== 'authors');
  const authorLines = new Set(
    blocks.filter((block) => block.kind === 'authors').flatMap((block) => block.lines),
  );
  blocks.slice(0, authorsIndex).forEach((block, index) => {
    // An authors line right before an unlisted report's title ends a report, as it should.
    if (block.kind !== 'authors' || unlisted.has(index + 1)) return;
    problems.fail(
      block.lines[0] ?? 0,
      'stray-authors-line',
      'one authors line at the end of the report',
      quote(block.text),
    );
  });
  return {
    body,
    authors,
    trailer,
    unlisted: unlisted.size > 0,
    bodyLines: content.filter((line) => !authorLines.has(line.number)),
  };
}

/** The writers of a closing authors line; what is wrong with it is reported at its line. */
function readAuthors(block: Block, problems: Problems): string[] {
  const line = block.lines[0] ?? 0;
  const parsed = parseAuthorsLine(block.text);
  for (const problem of parsed.problems)
    problems.fail(line, 'malformed-authors-line', problem.expected, problem.found);
  if (parsed.etAl)
    problems.warn(
      line,
      'authors-et-al',
      'the name of every writer (the site lists the names given, without "等")',
      `"等" after ${quote(parsed.names.join(' '))}`,
    );
  if (parsed.trailingStop)
    problems.warn(
      line,
      'authors-line-punctuation',
      'the authors line to end with its closing paren (the full stop after it is dropped)',
      quote(block.text),
    );
  return parsed.names;
}

/**
 * The blocks that start a report header: 1–3 title lines (short paragraphs that end no sentence),
 * an optional `——` subtitle, then a unit line (`…课题组`). Body text never has this shape: a
 * unit-like line after a cut paragraph would leave the paragraph ending without its full stop.
 */
export function findUnlistedHeaders(blocks: readonly Block[]): Set<number> {
  const starts = new Set<number>();
  blocks.forEach((block, index) => {
    if (!isUnitLine(block)) return;
    let last = index - 1;
    if (SUBTITLE.test(blocks[last]?.text ?? '')) last -= 1;
    let start = last + 1;
    while (start > 0 && last - start < MAX_TITLE_LINES - 1 && isTitleLine(blocks[start - 1]))
      start -= 1;
    if (start <= last) starts.add(start);
  });
  return starts;
}

function isUnitLine(block: Block): boolean {
  return (
    block.kind === 'paragraph' && UNIT_LINE.test(block.text) && !hasClausePunctuation(block.text)
  );
}

function isTitleLine(block: Block | undefined): boolean {
  return (
    block !== undefined &&
    block.kind === 'paragraph' &&
    [...block.text].length <= MAX_TITLE_LENGTH &&
    !SUBTITLE.test(block.text) &&
    !endsSentence(block.text) &&
    !isUnitLine(block)
  );
}

function reportWithoutEntry(
  blocks: readonly Block[],
  start: number,
  entry: TocEntry,
  problems: Problems,
): void {
  const title: string[] = [];
  for (let index = start; isTitleLine(blocks[index]); index += 1)
    title.push(blocks[index]?.text ?? '');
  problems.fail(
    blocks[start]?.lines[0] ?? 0,
    'report-without-toc-entry',
    `a table-of-contents entry for the report titled ${quote(title.join(''), 40)}`,
    `none (its text would become part of report ${entry.order})`,
  );
}

/** A paragraph still ending mid-sentence is a warning, except at the very end of the file, where it means the file was cut. */
function reportUnjoined(
  unjoined: readonly Block[],
  blocks: readonly Block[],
  isLast: boolean,
  problems: Problems,
): void {
  const last = blocks[blocks.length - 1];
  const position = new Map(blocks.map((block, index) => [block, index]));
  for (const block of unjoined) {
    const line = block.lines[block.lines.length - 1] ?? 0;
    const ending = `"…${[...block.text].slice(-12).join('')}"`;
    if (isLast && block === last) {
      problems.fail(
        line,
        'truncated-input',
        'the last report to end with a complete sentence',
        `${ending} at the end of the file`,
      );
      continue;
    }
    // Say what stopped the join, so the message tells a page break from a missing full stop.
    const next = blocks[(position.get(block) ?? 0) + 1];
    const after = next
      ? `${next.kind === 'section' || next.kind === 'subsection' ? 'the heading' : next.kind === 'numbered' ? 'the numbered paragraph' : 'the line'} ${quote(next.text, 12)}, which starts a block of its own`
      : 'the end of the report';
    problems.warn(
      line,
      'unjoined-cut',
      'a paragraph to end its sentence (。！？…) or to go on after the break',
      `${ending} kept apart from ${after}`,
    );
  }
}

/** A quotation mark without its partner in a block: kept as printed, reported as the likely slip it is. */
function reportUnpairedQuotes(blocks: readonly Block[], problems: Problems): void {
  for (const block of blocks) {
    const mark = unpairedQuote(block.text);
    if (mark)
      problems.warn(
        block.lines[0] ?? 0,
        'unpaired-quote',
        'every quotation mark of a paragraph or heading to have its partner in it',
        `a lone ${mark} in ${quote(block.text)}`,
      );
  }
}

/** Captions and dash lines are kept as paragraphs of their own; the warning says what each is. */
function reportStandalone(standalone: readonly Block[], problems: Problems): void {
  for (const block of standalone) {
    const line = block.lines[0] ?? 0;
    if (standaloneKind(block.text) === 'caption')
      problems.warn(
        line,
        'standalone-line',
        'body text (a caption is kept as a paragraph of its own; its table or figure is not in the text)',
        `the caption ${quote(block.text)}`,
      );
    else
      problems.warn(
        line,
        'standalone-line',
        'body text (a line led by "——" is kept as a paragraph of its own, joined to nothing)',
        `the dash line ${quote(block.text)}`,
      );
  }
}

function toBodyNode(block: Block): BodyNode {
  if (block.kind === 'section') return { type: 'section', text: block.text, lines: block.lines };
  if (block.kind === 'subsection')
    return { type: 'subsection', text: block.text, lines: block.lines };
  return {
    type: 'paragraph',
    text: block.text,
    numbered: block.kind === 'numbered',
    lines: block.lines,
  };
}
