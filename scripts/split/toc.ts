/**
 * Stage 4a: read the table of contents — the only place with page numbers, and the list that
 * drives the whole split. Entries look like `- 19 TITLE`, then an optional `——subtitle` line,
 * then the authoring unit (`…课题组`).
 */
import { Problems, quote } from './errors.ts';
import { compactKey, nextNonBlank, normaliseSpacing } from './text.ts';
import type { SourceLine, TocEntry } from './model.ts';

const ENTRY = /^-\s*(\d+)\s+(\S.*)$/;
// A line that starts like an entry (a dash or bullet) but is not one: it must not end the
// contents silently, or every report after it would be reported as unlisted.
const ENTRY_LIKE = /^[-‐‑‒–—－•·*]\s*(?!—)/u;
// Characters that must never be part of a title: controls and the Unicode line/paragraph separators.
const INVISIBLE_BREAK = /[\p{Cc}\u2028\u2029]/u;
const SUBTITLE = /^——\s*(.+)$/;
// Authoring units are named `…课题组`; any `…组` is accepted so a differently named group still splits.
const UNIT = /组$/;

/** The parsed table of contents and the index of the first line after it. */
export interface Toc {
  entries: TocEntry[];
  /** Line of the `目录` heading. */
  line: number;
  /** Index (into the lines array) of the first line after the last entry. */
  endIndex: number;
}

/** Finds the `目录` line and parses the entries after it, recording every malformed entry. */
export function parseToc(lines: readonly SourceLine[], problems: Problems): Toc | undefined {
  const headingIndex = lines.findIndex((line) => compactKey(line.text) === '目录');
  if (headingIndex < 0) {
    // A final newline does not start another line worth counting.
    const total = lines.at(-1)?.text === '' ? lines.length - 1 : lines.length;
    problems.fail(
      1,
      'missing-toc',
      'a line "目录" followed by the table of contents',
      `none in ${total} lines`,
    );
    return undefined;
  }
  const heading = lines[headingIndex] as SourceLine;
  const entries: TocEntry[] = [];
  let index = nextNonBlank(lines, headingIndex + 1);
  let endIndex = headingIndex + 1;
  while (index < lines.length) {
    const entryLine = lines[index] as SourceLine;
    const match = ENTRY.exec(entryLine.text.trim());
    if (!match) {
      if (ENTRY_LIKE.test(entryLine.text.trim()) && !SUBTITLE.test(entryLine.text.trim())) {
        problems.fail(
          entryLine.number,
          'toc-malformed-entry',
          'a table-of-contents entry "- PAGE TITLE" with the page in ASCII digits',
          quote(entryLine.text.trim()),
        );
        endIndex = index + 1;
        index = nextNonBlank(lines, index + 1);
        // Skip the entry's subtitle and unit lines, so they are not reported a second time.
        while (index < lines.length && !ENTRY_LIKE.test(lines[index]?.text.trim() ?? '')) {
          const text = lines[index]?.text.trim() ?? '';
          if (!SUBTITLE.test(text) && !UNIT.test(text)) break;
          endIndex = index + 1;
          index = nextNonBlank(lines, index + 1);
        }
        continue;
      }
      break;
    }
    const page = Number(match[1]);
    if (!Number.isSafeInteger(page)) {
      problems.fail(
        entryLine.number,
        'toc-malformed-entry',
        'a page number a reader can cite (a whole number below 2^53)',
        quote(match[1] ?? ''),
      );
    }
    const title = normaliseSpacing(match[2] ?? '');
    if (INVISIBLE_BREAK.test(match[2] ?? '')) {
      problems.fail(
        entryLine.number,
        'toc-malformed-entry',
        'a title without control characters or line separators',
        quote(match[2] ?? ''),
      );
    }
    let cursor = nextNonBlank(lines, index + 1);
    let subtitle: string | undefined;
    const subtitleMatch = SUBTITLE.exec(lines[cursor]?.text.trim() ?? '');
    if (subtitleMatch) {
      subtitle = normaliseSpacing(subtitleMatch[1] ?? '');
      cursor = nextNonBlank(lines, cursor + 1);
    }
    const unitLine = lines[cursor];
    const unitText = unitLine?.text.trim() ?? '';
    if (!unitLine || ENTRY.test(unitText) || !UNIT.test(unitText)) {
      problems.fail(
        unitLine?.number ?? entryLine.number,
        'toc-missing-unit',
        `the authoring unit ("…课题组") after the table-of-contents entry ${quote(title)}`,
        unitLine ? quote(unitText) : 'the end of the file',
      );
      // Without a unit the entry still counts, so later entries keep their order numbers.
      entries.push({
        order: entries.length + 1,
        page,
        title,
        ...(subtitle ? { subtitle } : {}),
        unit: '',
        line: entryLine.number,
      });
      endIndex = cursor;
      index = unitLine && ENTRY.test(unitText) ? cursor : lines.length;
      continue;
    }
    entries.push({
      order: entries.length + 1,
      page,
      title,
      ...(subtitle ? { subtitle } : {}),
      unit: normaliseSpacing(unitText),
      line: entryLine.number,
    });
    endIndex = cursor + 1;
    index = nextNonBlank(lines, cursor + 1);
  }
  if (entries.length === 0) {
    const found = lines[index];
    problems.fail(
      found?.number ?? heading.number,
      'empty-toc',
      'an entry "- PAGE TITLE" after "目录"',
      found ? quote(found.text.trim()) : 'the end of the file',
    );
    return undefined;
  }
  checkEntries(entries, problems);
  return { entries, line: heading.number, endIndex };
}

/** Checks that pages increase and no title repeats, since both would make the reports ambiguous. */
function checkEntries(entries: readonly TocEntry[], problems: Problems): void {
  const seen = new Map<string, TocEntry>();
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && entry.page <= previous.page) {
      problems.fail(
        entry.line,
        'toc-page-order',
        `a page after ${previous.page} (the start of report ${previous.order})`,
        `page ${entry.page}`,
      );
    }
    const key = compactKey(entry.title);
    const first = seen.get(key);
    if (first) {
      problems.fail(
        entry.line,
        'duplicate-title',
        `a title different from report ${first.order} (line ${first.line})`,
        quote(entry.title),
      );
    } else {
      seen.set(key, entry);
    }
  });
}
