/**
 * The Word downloads: where each file lives and what it is called, in one module for the build
 * stage that writes them (scripts/docx/), the pages that link them and the tests.
 *
 * Files on the server have ASCII names (`reports/05/xinfeng-2025-zengkan-05.docx`,
 * `downloads/xinfeng-2025-zengkan.docx`), which survive every server, proxy and log; the link's
 * `download` attribute suggests a Chinese name for the reader's own folder.
 */
import { issueWithoutYear } from './report-citation.ts';
import { downloadPath, reportFilePath } from './urls.ts';

/** The publication fields that name an edition. */
export interface EditionLabel {
  journal: string;
  /** As in publication.json, year included: `2025 增刊`. */
  issue: string;
  year: number;
}

/**
 * ASCII forms of the issue labels (without the year) that occur; an edition with a label missing
 * here fails the build, so a new kind of issue adds its line rather than getting a guessed name.
 */
const ISSUE_SLUGS: Readonly<Record<string, string>> = { 增刊: 'zengkan' };

/** Returns the ASCII stem every file of an edition starts with, e.g. `xinfeng-2025-zengkan`. */
export function editionFileStem(edition: Pick<EditionLabel, 'issue' | 'year'>): string {
  const label = issueWithoutYear(edition.issue, edition.year);
  const slug = ISSUE_SLUGS[label];
  if (slug === undefined)
    throw new Error(
      `src/lib/downloads.ts: expected an ASCII file name for the issue "${label}" in ISSUE_SLUGS, found none`,
    );
  return `xinfeng-${edition.year}-${slug}`;
}

/** Returns the URL path of a report's Word file, e.g. `/reports/05/xinfeng-2025-zengkan-05.docx`. */
export function reportDocxPath(base: string, edition: EditionLabel, id: string): string {
  return reportFilePath(base, id, `${editionFileStem(edition)}-${id}.docx`);
}

/** Returns the URL path of the whole edition's Word file, e.g. `/downloads/xinfeng-2025-zengkan.docx`. */
export function editionDocxPath(base: string, edition: EditionLabel): string {
  return downloadPath(base, `${editionFileStem(edition)}.docx`);
}

/** Returns a URL path from the functions above as a path inside `dist/`, without the leading `/`. */
export function distFileOf(rootPath: string): string {
  return rootPath.replace(/^\/+/, '');
}

/** Characters Windows refuses in file names, and control characters. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]/gu;

/** Makes a suggested file name that Windows accepts: unsafe characters become `_`, the extension is added. */
export function safeFileName(label: string, extension: string): string {
  return `${label.replace(/\s+/g, ' ').trim().replace(UNSAFE_IN_FILE_NAMES, '_')}.${extension}`;
}

/** Makes a suggested `.docx` file name that Windows accepts. */
export function docxFileName(label: string): string {
  return safeFileName(label, 'docx');
}

/**
 * The suggested file name of a report's citation file, e.g. `05 深化作风建设….ris`, so a folder of
 * them says which report each is (the server's name, `cite.ris`, would become `cite (7).ris`).
 */
export function citationFileName(
  report: { id: string; title: string },
  format: 'bib' | 'ris',
): string {
  return safeFileName(`${report.id} ${report.title}`, format);
}

/** The suggested file name of a report, e.g. `05 深化作风建设 破解基层治理“小马拉大车”问题研究.docx`. */
export function reportDocxFileName(report: { id: string; title: string }): string {
  return docxFileName(`${report.id} ${report.title}`);
}

/** The suggested file name of the edition, e.g. `《南京新风》2025 增刊.docx`. */
export function editionDocxFileName(edition: Pick<EditionLabel, 'journal' | 'issue'>): string {
  return docxFileName(`《${edition.journal}》${edition.issue}`);
}
