/**
 * Stage 4b: find each table-of-contents entry's report in the body, read its header (title,
 * optional subtitle, unit), and group its lines into the typed `Report` model. The table of
 * contents drives this: a compendium with any number of entries splits the same way.
 */
import { classifyLines, endsSentence, hasClausePunctuation, parseAuthors } from './classify.ts';
import { Problems, quote } from './errors.ts';
import type { Block, BodyNode, Report, SourceLine, TocEntry } from './model.ts';
import { repairBlocks } from './repair.ts';
import { compactKey, nextNonBlank, normaliseSpacing } from './text.ts';

// A printed title wraps over at most this many lines.
const MAX_TITLE_LINES = 3;
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
  const { body, authors, trailer, bodyLines } = splitRegion(region, entry, isLast, problems);
  const { blocks, repairs, unjoined } = repairBlocks(body);
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
  const next = entries[entry.order];
  const report: Report = {
    order: entry.order,
    id: String(entry.order).padStart(2, '0'),
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
): { body: Block[]; authors: string[]; trailer: SourceLine[]; bodyLines: SourceLine[] } {
  let content = region.filter((line) => line.text.trim() !== '');
  let trailer: SourceLine[] = [];
  if (isLast) {
    let cut = content.length;
    while (cut > 0 && PHOTO_CREDIT.test(content[cut - 1]?.text.trim() ?? '')) cut -= 1;
    trailer = content.slice(cut);
    content = content.slice(0, cut);
  }
  const blocks = classifyLines(content);
  // The last authors line closes the report; any earlier one is stray.
  const authorsIndex = blocks.map((block) => block.kind).lastIndexOf('authors');
  let authors: string[] = [];
  if (authorsIndex >= 0) {
    const authorsBlock = blocks[authorsIndex] as Block;
    authors = parseAuthors(authorsBlock.text) ?? [];
    const after = blocks[authorsIndex + 1];
    if (after && looksLikeReportHeader(blocks, authorsIndex + 1)) {
      reportWithoutEntry(after, problems);
    } else if (after) {
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
    if (block.kind !== 'authors') return;
    const after = blocks[index + 1];
    // An authors line followed by a title and a unit is the end of a report the table of contents does not list.
    if (after && looksLikeReportHeader(blocks, index + 1)) reportWithoutEntry(after, problems);
    else
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
    bodyLines: content.filter((line) => !authorLines.has(line.number)),
  };
}

/** Whether the blocks from `start` read like a report header: 1–3 title lines (a `——` subtitle allowed), then a unit line. */
function looksLikeReportHeader(blocks: readonly Block[], start: number): boolean {
  for (let index = start; index < Math.min(blocks.length, start + 4); index += 1) {
    const block = blocks[index] as Block;
    if (index > start && UNIT_LINE.test(block.text) && !hasClausePunctuation(block.text))
      return true;
    if (block.kind !== 'paragraph' || endsSentence(block.text)) return false;
  }
  return false;
}

function reportWithoutEntry(title: Block, problems: Problems): void {
  problems.fail(
    title.lines[0] ?? 0,
    'report-without-toc-entry',
    `a table-of-contents entry for the report titled ${quote(title.text)}`,
    'none',
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
    } else {
      problems.warn(line, 'unjoined-cut', 'a paragraph to end with a complete sentence', ending);
    }
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
