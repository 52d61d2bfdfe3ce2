/**
 * Pure helpers over report metadata: printed order, neighbours, page ranges and bylines.
 * Pages pass plain data in, so everything here is testable without a build.
 */

import type { ReportMeta } from './content-schema.ts';

export type { ReportMeta } from './content-schema.ts';

/** The reports before and after one report in printed order. */
export interface Neighbours<T> {
  prev?: T;
  next?: T;
}

/** Returns the reports sorted by their table-of-contents order (a new array). */
export function sortByOrder<T extends Pick<ReportMeta, 'order'>>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => a.order - b.order);
}

/** Finds the previous and next report of `id` in printed order. */
export function findNeighbours<T extends Pick<ReportMeta, 'id' | 'order'>>(
  reports: readonly T[],
  id: string,
): Neighbours<T> {
  const sorted = sortByOrder(reports);
  const index = sorted.findIndex((report) => report.id === id);
  if (index < 0) return {};
  return { prev: sorted[index - 1], next: sorted[index + 1] };
}

/** Formats the printed pages, e.g. `第 19–23 页`; the last report has no known end page. */
export function formatPageRange(page: number, endPage?: number): string {
  if (endPage === undefined) return `第 ${page} 页起`;
  if (endPage <= page) return `第 ${page} 页`;
  // An en dash joins number ranges in Chinese typesetting (GB/T 15834 allows – or ～).
  return `第 ${page}–${endPage} 页`;
}

/** Joins author names for display with the ideographic enumeration comma, e.g. `任小艳、刘玉东`. */
export function formatAuthors(authors: readonly string[]): string {
  return authors.join('、');
}

/** The full title as printed: title, then the subtitle after a double em dash. */
export function formatFullTitle(report: Pick<ReportMeta, 'title' | 'subtitle'>): string {
  return report.subtitle ? `${report.title}——${report.subtitle}` : report.title;
}

/** Builds a one-sentence page description from report metadata (for `<meta name="description">`). */
export function describeReport(report: ReportMeta, journal: string, issueLabel: string): string {
  const byline =
    report.authors.length > 0
      ? `${report.unit}（执笔人：${formatAuthors(report.authors)}）`
      : report.unit;
  return `${formatFullTitle(report)}。${byline}，载《${journal}》${issueLabel}，${formatPageRange(report.page, report.endPage)}。`;
}
