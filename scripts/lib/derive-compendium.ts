/**
 * Compendia of any size derived by code from the real one, for tests and benchmarks that need
 * 1, 2, 13, 100, 250 or thousands of reports: the real masthead, then a table of contents and
 * reports that cycle through the real twelve. From the second round on a report's title gets the
 * round as a suffix (`…研究（2）`), since titles must be unique; its body, unit and authors line
 * stay the printed ones, page breaks and all. Nothing is typed in by hand.
 */
import { splitCompendium } from '../split/split-compendium.ts';

/** One real report as source lines: its table-of-contents entry and its printed text. */
interface SourceReport {
  title: string;
  /** The entry's lines after `- PAGE TITLE`: the optional `——` subtitle, then the unit. */
  entryTail: string[];
  /** The report's printed subtitle and unit lines, after its title. */
  header: string[];
  /** Its body: every line after the unit up to the authors line. */
  body: string[];
  /** The authors line, when it has one. */
  closing: string[];
  /** Printed pages the report takes. */
  pages: number;
}

/** The parts of the real compendium a derived one is assembled from. */
interface Parts {
  masthead: string[];
  reports: SourceReport[];
  trailer: string[];
}

// Tests derive many compendia from the same source; its split is the slow part, so it is done once.
const cut = new Map<string, Parts>();

/** Cuts the real compendium into masthead, reports and back-cover trailer, using the split itself to find the reports. */
function cutSource(source: string): Parts {
  const known = cut.get(source);
  if (known) return known;
  const parts = cutSourceOnce(source);
  cut.set(source, parts);
  return parts;
}

function cutSourceOnce(source: string): Parts {
  const result = splitCompendium(source, 'source.txt');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const tocIndex = lines.indexOf('目录');
  const entryStarts = lines
    .map((line, index) => (index > tocIndex && /^- \d+ /.test(line) ? index : -1))
    .filter((index) => index >= 0);
  const reports = result.reports.map(({ report }, position): SourceReport => {
    const start = report.headerLine - 1;
    const nextStart = result.reports[position + 1]?.report.headerLine;
    let end = nextStart === undefined ? lines.length : nextStart - 1;
    // The back-cover credit follows the last report; it closes the derived compendium instead.
    if (nextStart === undefined)
      while (end > start && !lines[end - 1]?.includes('执笔人')) end -= 1;
    const unitIndex = lines.findIndex((line, index) => index > start && line === report.unit);
    const subtitleIndex = lines.findIndex(
      (line, index) => index > start && index < unitIndex && line.startsWith('——'),
    );
    const entry = entryStarts[position] as number;
    const entryEnd = entryStarts[position + 1] ?? entry + 3;
    const entryTail = lines
      .slice(entry + 1, entryEnd)
      .filter((line) => line.trim() !== '' && !/^- \d+ /.test(line));
    const pages = (report.endPage ?? report.page + 3) - report.page + 1;
    const body = lines.slice(unitIndex + 1, end);
    const authorsIndex = body.findLastIndex(
      (line) => line.includes('（执笔人') || line.includes('(执笔人'),
    );
    return {
      title: report.title,
      entryTail: entryTail.slice(0, entryTail.indexOf(report.unit) + 1),
      header: lines.slice(subtitleIndex >= 0 ? subtitleIndex : unitIndex, unitIndex + 1),
      body: authorsIndex >= 0 ? body.slice(0, authorsIndex) : body,
      closing: authorsIndex >= 0 ? body.slice(authorsIndex) : [],
      pages,
    };
  });
  const lastEnd = result.reports.at(-1)?.report.headerLine ?? lines.length;
  const creditIndex = lines.findIndex((line, index) => index > lastEnd && /\/\s*摄$/.test(line));
  return {
    masthead: lines.slice(0, tocIndex),
    reports,
    trailer: creditIndex >= 0 ? lines.slice(creditIndex) : [],
  };
}

/** How a derived report's title is made from the real one and its round (0 for the first twelve). */
export type Retitle = (title: string, round: number) => string;

/** The default: the real title, then the round as a suffix from the second round on. */
const numberRounds: Retitle = (title, round) => (round === 0 ? title : `${title}（${round + 1}）`);

/**
 * A compendium of `count` reports in the format of `source` (the real compendium's text):
 * report i is the real report (first + i − 2) mod 12 + 1, retitled by `retitle`, its body printed
 * `repeat` times over (for inputs of few, very long reports), pages numbered from 1.
 */
export function deriveCompendium(
  source: string,
  count: number,
  first = 1,
  repeat = 1,
  retitle: Retitle = numberRounds,
): string {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`expected a positive report count, found ${count}`);
  const { masthead, reports, trailer } = cutSource(source);
  const toc: string[] = [];
  const body: string[] = [];
  let page = 1;
  for (let index = 0; index < count; index += 1) {
    const position = first - 1 + index;
    const real = reports[position % reports.length] as SourceReport;
    const round = Math.floor(position / reports.length);
    const title = retitle(real.title, round);
    toc.push(`- ${page} ${title}`, ...real.entryTail);
    const text = Array.from({ length: repeat }, () => real.body).flat();
    body.push(title, '', ...real.header, ...text, ...real.closing, '');
    page += real.pages;
  }
  return [...masthead, '目录', '', ...toc, '', ...body, ...trailer].join('\n');
}
