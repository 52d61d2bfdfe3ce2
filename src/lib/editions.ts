/**
 * Editions of the journal as the library lists them: the issue label and key read from an
 * edition's publication data, its printed date, and the library's order (newest first).
 */
import type { Publication } from './content-schema.ts';
import { editionKey } from './urls.ts';

/** The publication fields that name an edition. */
export type EditionLabel = Pick<Publication, 'journal' | 'issue' | 'year'>;

/** Returns the issue label without the year, `2025 增刊` → `增刊`, `2026 第1期` → `第1期`. */
export function issueWithoutYear(issue: string, year: number): string {
  return issue.replace(String(year), '').trim() || issue;
}

/** The key (address segment and content folder) of an edition, or undefined for an unknown kind of issue. */
export function editionKeyOf(edition: Pick<Publication, 'issue' | 'year'>): string | undefined {
  return editionKey(edition.year, issueWithoutYear(edition.issue, edition.year));
}

/** The year and month of a printed date such as `2025年12月`; month 0 when none is printed. */
export function printedMonth(printDate: string): { year: number; month: number } {
  const match = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(printDate);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : { year: 0, month: 0 };
}

/**
 * Orders editions newest first: by year, then by printed month, then by key (so two editions of
 * the same month always come out in the same order).
 */
export function compareEditionsNewestFirst(
  a: { key: string; publication: Pick<Publication, 'year' | 'printDate'> },
  b: { key: string; publication: Pick<Publication, 'year' | 'printDate'> },
): number {
  if (a.publication.year !== b.publication.year) return b.publication.year - a.publication.year;
  const ma = printedMonth(a.publication.printDate);
  const mb = printedMonth(b.publication.printDate);
  if (ma.year !== mb.year) return mb.year - ma.year;
  if (ma.month !== mb.month) return mb.month - ma.month;
  return b.key.localeCompare(a.key);
}

/**
 * How the header and footer name what the library holds: the issue itself while there is one
 * edition (`2025 增刊`, as the site always read), else the number of editions (`共 2 期`).
 */
export function describeHoldings(
  editions: readonly { publication: Pick<Publication, 'issue'> }[],
): string {
  const [only] = editions;
  return editions.length === 1 && only ? only.publication.issue : `共 ${editions.length} 期`;
}
