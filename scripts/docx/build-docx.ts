/**
 * The Word stage of `npm run build` (after the search index): for every edition, writes one .docx
 * per report beside its page, `dist/2025-zk/NN/xinfeng-2025-zengkan-NN.docx`, and the whole
 * edition as `dist/downloads/xinfeng-2025-zengkan.docx` (names from src/lib/downloads.ts); the
 * legacy edition's reports also at their first address, `dist/reports/NN/…docx` (a download
 * cannot be a redirect page, so the old address gets the same bytes). Reads content/ directly,
 * so the documents hold exactly the split's text.
 *
 * Run alone: `npx tsx scripts/docx/build-docx.ts` (DOCX_DIST picks the folder, default `dist`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  distFileOf,
  editionDocxPath,
  reportDocxFile,
  reportDocxPath,
} from '../../src/lib/downloads.ts';
import { LEGACY_EDITION, legacyReportFilePath } from '../../src/lib/urls.ts';
import { packDocx } from './package.ts';
import { readLibraryEditions } from './read-edition.ts';
import { renderEditionDocx, renderReportDocx } from './render.ts';

/** One generated file: its path inside dist/ and its bytes. */
export interface DocxFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Generates every Word file of the library under `contentDir`, in memory: per edition (newest
 * first) its reports, then the edition; then the legacy edition's copies at the first addresses.
 */
export async function generateDocxFiles(contentDir?: string): Promise<DocxFile[]> {
  const files: DocxFile[] = [];
  const legacy: DocxFile[] = [];
  for (const edition of readLibraryEditions(contentDir)) {
    const { publication } = edition;
    for (const report of edition.reports) {
      const bytes = await packDocx(renderReportDocx(report, publication));
      files.push({ path: distFileOf(reportDocxPath('/', publication, report.meta.id)), bytes });
      if (edition.key === LEGACY_EDITION) {
        const file = reportDocxFile(publication, report.meta.id);
        legacy.push({ path: distFileOf(legacyReportFilePath('/', report.meta.id, file)), bytes });
      }
    }
    files.push({
      path: distFileOf(editionDocxPath('/', publication)),
      bytes: await packDocx(renderEditionDocx(edition)),
    });
  }
  return [...files, ...legacy];
}

/** Writes the Word files into a built site; fails when `dist` holds no built site yet. */
export async function buildDocxDownloads(dist = 'dist', contentDir?: string): Promise<DocxFile[]> {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(
      `${dist}/index.html: expected a built site (run astro build first), found none`,
    );
  const files = await generateDocxFiles(contentDir);
  for (const file of files) {
    const target = join(dist, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  return files;
}

/** One line for the build log: how many files, and the size range of the reports and of the editions. */
export function describeDocxDownloads(files: readonly DocxFile[], ms?: number): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const isEdition = (file: DocxFile): boolean => file.path.startsWith('downloads/');
  const reports = files.filter((file) => !isEdition(file)).map((file) => file.bytes.length);
  const editions = files.filter(isEdition);
  const time = ms === undefined ? '' : ` in ${(ms / 1000).toFixed(2)} s`;
  return (
    `docx: ${files.length} files${time}; ${reports.length} reports ` +
    `${kb(Math.min(...reports))}–${kb(Math.max(...reports))}, ` +
    `edition ${editions.length > 0 ? editions.map((file) => `${file.path} ${kb(file.bytes.length)}`).join(', ') : 'missing'}`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const files = await buildDocxDownloads(process.env.DOCX_DIST ?? 'dist');
  console.log(describeDocxDownloads(files, performance.now() - started));
}
