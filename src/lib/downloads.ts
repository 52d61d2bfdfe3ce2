/**
 * The Word downloads: where each file lives and what it is called, in one module for the build
 * stage that writes them (scripts/docx/), the pages that link them and the tests.
 *
 * Files on the server have ASCII names (`reports/05/xinfeng-2025-zengkan-05.docx`,
 * `downloads/xinfeng-2025-zengkan.docx`), which survive every server, proxy and log; the link's
 * `download` attribute suggests a Chinese name for the reader's own folder.
 */
import { editionKeyOf, type EditionLabel } from './editions.ts';
import { downloadPath, reportFilePath } from './urls.ts';

export type { EditionLabel } from './editions.ts';

/**
 * Returns the ASCII stem every file of an edition starts with: `xinfeng-2025-zengkan` for the
 * 2025 增刊 (the name its files have had from the start), `xinfeng-2025-zengkan2` for 增刊2,
 * `xinfeng-2026-01` for 2026 第1期 (the edition key, src/lib/urls.ts).
 */
export function editionFileStem(edition: Pick<EditionLabel, 'issue' | 'year'>): string {
  const key = editionKeyOf(edition);
  if (key === undefined)
    throw new Error(
      `src/lib/downloads.ts: expected an issue label "增刊", "增刊N" or "第N期", found "${edition.issue}"`,
    );
  return `xinfeng-${key.replace(/-zk(\d*)$/, '-zengkan$1')}`;
}

/** The file name of a report's Word file, e.g. `xinfeng-2025-zengkan-05.docx`. */
export function reportDocxFile(edition: Pick<EditionLabel, 'issue' | 'year'>, id: string): string {
  return `${editionFileStem(edition)}-${id}.docx`;
}

/** Returns the URL path of a report's Word file, e.g. `/2025-zk/05/xinfeng-2025-zengkan-05.docx`. */
export function reportDocxPath(base: string, edition: EditionLabel, id: string): string {
  const key = editionKeyOf(edition) ?? '';
  return reportFilePath(base, { edition: key, id }, reportDocxFile(edition, id));
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
