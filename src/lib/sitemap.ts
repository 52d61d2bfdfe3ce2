/**
 * The sitemap of the library (`sitemap.xml`, sitemaps.org 0.9): every page a reader can land on,
 * across all editions — home, search, each edition's contents and about page, each report. The
 * first scheme's redirect pages are left out (they point at pages listed here).
 */
import type { LibraryReport } from './content-schema.ts';
import { editionAboutPath, editionPath, homePath, reportPath, searchPagePath } from './urls.ts';

/** The paths of every page of the library, editions in the order given (newest first). */
export function listSitePaths(
  editions: readonly { key: string; reports: readonly Pick<LibraryReport, 'edition' | 'id'>[] }[],
  base: string,
): string[] {
  return [
    homePath(base),
    searchPagePath(base),
    ...editions.flatMap((edition) => [
      editionPath(base, edition.key),
      editionAboutPath(base, edition.key),
      ...edition.reports.map((report) => reportPath(base, report)),
    ]),
  ];
}

/** Escapes the five characters XML reserves. */
function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Formats absolute page URLs as a sitemap document. */
export function formatSitemap(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}
