/**
 * Builds the citation data of a report from its metadata and the publication, shared by the
 * report page and the cite.bib / cite.ris endpoints so all three say the same.
 */
import type { CitationSource } from './citation.ts';
import type { ReportMeta } from './reports.ts';
import { reportPath } from './urls.ts';

/** The publication fields a citation needs. */
export interface CitedPublication {
  journal: string;
  year: number;
  /** `2025 增刊`: the year is cited separately, the rest goes between the parentheses. */
  issue: string;
}

/** Returns the issue label without the year, `2025 增刊` → `增刊`. */
export function issueWithoutYear(issue: string, year: number): string {
  return issue.replace(String(year), '').trim() || issue;
}

/** Assembles a CitationSource; `site` (the deployment URL, when known) adds the page URL. */
export function buildCitationSource(
  report: ReportMeta,
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
    issue: issueWithoutYear(publication.issue, publication.year),
    page: report.page,
    endPage: report.endPage,
    url: site ? new URL(reportPath(base, report.id), site).href : undefined,
  };
}
