/**
 * Builds the citation data of a report from its metadata and its edition's publication data,
 * shared by the report page, the cite.bib / cite.ris endpoints and the Word files, so all say the same.
 */
import type { CitationSource } from './citation.ts';
import type { LibraryReport, ReportMeta } from './content-schema.ts';
import { issueWithoutYear } from './editions.ts';
import { reportPath } from './urls.ts';

export { issueWithoutYear } from './editions.ts';

/** The publication fields a citation needs. */
export interface CitedPublication {
  journal: string;
  year: number;
  /** `2025 增刊`, `2026 第1期`: the year is cited separately, the rest goes between the parentheses. */
  issue: string;
}

/**
 * The issue as GB/T 7714 writes it between the parentheses after the year: a supplement keeps its
 * label (`增刊`, `增刊2`), a regular issue is its number alone (`第1期` → `1`, as in `2026(1): 5-9`).
 */
export function citedIssue(publication: Pick<CitedPublication, 'issue' | 'year'>): string {
  const label = issueWithoutYear(publication.issue, publication.year);
  const regular = /^第\s*(\d+)\s*期$/.exec(label);
  return regular ? String(Number(regular[1])) : label.replace(/\s+/g, '');
}

/**
 * Assembles a CitationSource; `site` (the deployment URL, when known) adds the page URL, which
 * needs the report's edition (the Word files cite without one).
 */
export function buildCitationSource(
  report: ReportMeta & Partial<Pick<LibraryReport, 'edition'>>,
  publication: CitedPublication,
  site?: URL,
  base = '/',
): CitationSource {
  return {
    title: report.title,
    subtitle: report.subtitle,
    unit: report.unit,
    authors: report.authors,
    journal: publication.journal,
    year: publication.year,
    issue: citedIssue(publication),
    page: report.page,
    endPage: report.endPage,
    url:
      site && report.edition
        ? new URL(reportPath(base, { edition: report.edition, id: report.id }), site).href
        : undefined,
  };
}
