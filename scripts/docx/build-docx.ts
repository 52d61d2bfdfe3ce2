/**
 * The Word stage of `npm run build` (after the search index): writes one .docx per report beside
 * its page, `dist/reports/NN/xinfeng-2025-zengkan-NN.docx`, and the whole edition as
 * `dist/downloads/xinfeng-2025-zengkan.docx` (names from src/lib/downloads.ts). Reads content/
 * directly, so the documents hold exactly the split's text.
 *
 * Run alone: `npx tsx scripts/docx/build-docx.ts` (DOCX_DIST picks the folder, default `dist`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { distFileOf, editionDocxPath, reportDocxPath } from '../../src/lib/downloads.ts';
import { packDocx } from './package.ts';
import { readEdition } from './read-edition.ts';
import { renderEditionDocx, renderReportDocx } from './render.ts';

/** One generated file: its path inside dist/ and its bytes. */
export interface DocxFile {
  path: string;
  bytes: Uint8Array;
}

/** Generates every Word file of the edition in `contentDir`, in memory: the reports, then the edition. */
export async function generateDocxFiles(contentDir = 'content'): Promise<DocxFile[]> {
  const edition = readEdition(contentDir);
  const { publication } = edition;
  const files: DocxFile[] = [];
  for (const report of edition.reports)
    files.push({
      path: distFileOf(reportDocxPath('/', publication, report.meta.id)),
      bytes: await packDocx(renderReportDocx(report, publication)),
    });
  files.push({
    path: distFileOf(editionDocxPath('/', publication)),
    bytes: await packDocx(renderEditionDocx(edition)),
  });
  return files;
}

/** Writes the Word files into a built site; fails when `dist` holds no built site yet. */
export async function buildDocxDownloads(
  dist = 'dist',
  contentDir = 'content',
): Promise<DocxFile[]> {
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

/** One line for the build log: how many files, and the size range of the reports and the edition. */
export function describeDocxDownloads(files: readonly DocxFile[], ms?: number): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const reports = files.slice(0, -1).map((file) => file.bytes.length);
  const edition = files.at(-1);
  const time = ms === undefined ? '' : ` in ${(ms / 1000).toFixed(2)} s`;
  return (
    `docx: ${files.length} files${time}; ${reports.length} reports ` +
    `${kb(Math.min(...reports))}–${kb(Math.max(...reports))}, ` +
    `edition ${edition ? `${edition.path} ${kb(edition.bytes.length)}` : 'missing'}`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const files = await buildDocxDownloads(process.env.DOCX_DIST ?? 'dist');
  console.log(describeDocxDownloads(files, performance.now() - started));
}
