/**
 * Every address of the site below its base path (README, “Addresses and links”), for pages,
 * browser scripts, the index builder and tests alike. No dependencies, so browser code may import
 * it. `base` is the deployment path in any spelling (`/`, `/xinfeng`, `xinfeng/`).
 *
 * The scheme, fixed for good (addresses are shared in chats and documents):
 * - an edition is `/{year}-zk/` for a 增刊 (`/2025-zk/`; a numbered 增刊2 is `/2025-zk2/`) and
 *   `/{year}-{NN}/` for a regular issue 第N期 (`/2026-01/`), from its own masthead;
 * - a report is `/{edition}/{NN}/`, NN its place in that edition's table of contents;
 * - the addresses before editions existed, `/reports/NN/` and `/about/`, belong to the 2025 增刊
 *   (`LEGACY_EDITION`) and stay as redirect pages to its addresses.
 */

/** Normalises a base path to the `/…/` form (`import.meta.env.BASE_URL` may lack the slash). */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The edition that owned the site's first addresses (`/reports/NN/`, `/about/`): never changes. */
export const LEGACY_EDITION = '2025-zk';

/** What an edition key looks like: `2025-zk`, `2025-zk2`, `2026-01`. */
export const EDITION_KEY = /^\d{4}-(?:zk\d*|\d{2,3})$/;

/**
 * The address segment of an edition from its masthead's year and issue label (spacing ignored):
 * `增刊` → `2025-zk`, `增刊2` → `2025-zk2`, `第3期` → `2025-03`; undefined for a label of another
 * shape, which the split reports rather than guessing a name.
 */
export function editionKey(year: number, issueLabel: string): string | undefined {
  const label = issueLabel.replace(/\s+/g, '');
  const supplement = /^增刊(\d*)$/.exec(label);
  if (supplement) return `${year}-zk${supplement[1] ? String(Number(supplement[1])) : ''}`;
  const regular = /^第(\d{1,3})期$/.exec(label);
  if (regular) return `${year}-${String(Number(regular[1])).padStart(2, '0')}`;
  return undefined;
}

/** A report's place in the library: its edition key and its two-digit id in that edition. */
export interface ReportAddress {
  edition: string;
  id: string;
}

/** An edition's contents page, e.g. `/xinfeng/2025-zk/`. */
export function editionPath(base: string, edition: string): string {
  return `${normaliseBase(base)}${edition}/`;
}

/** An edition's about page (masthead, committee, imprint), e.g. `/2025-zk/about/`. */
export function editionAboutPath(base: string, edition: string): string {
  return `${editionPath(base, edition)}about/`;
}

/** The page of a report, e.g. `/xinfeng/2025-zk/05/`. */
export function reportPath(base: string, report: ReportAddress): string {
  return `${editionPath(base, report.edition)}${report.id}/`;
}

/** A place inside a report page: `#s2-3`, `#p2-3-4`, or the page itself for `''`. */
export function reportAnchorPath(base: string, report: ReportAddress, anchor: string): string {
  return `${reportPath(base, report)}${anchor === '' ? '' : `#${anchor}`}`;
}

/** A search hit: the report page with the query to highlight and the element to land on. */
export function hitPath(
  base: string,
  report: ReportAddress,
  query: string,
  target: string,
): string {
  const hash = target === '' ? '' : `#${target}`;
  return `${reportPath(base, report)}?hl=${encodeURIComponent(query)}${hash}`;
}

/** A file beside a report's page, e.g. its Word document (file names: src/lib/downloads.ts). */
export function reportFilePath(base: string, report: ReportAddress, file: string): string {
  return `${reportPath(base, report)}${file}`;
}

/** A report's citation file, `cite.bib` or `cite.ris`, beside its page. */
export function citeFilePath(base: string, report: ReportAddress, format: 'bib' | 'ris'): string {
  return reportFilePath(base, report, `cite.${format}`);
}

/** The first scheme's report page, `/reports/05/`: now a redirect page to the legacy edition's report. */
export function legacyReportPath(base: string, id: string): string {
  return `${normaliseBase(base)}reports/${id}/`;
}

/** A file beside a first-scheme report page (`/reports/05/cite.bib`): a copy of the legacy edition's file. */
export function legacyReportFilePath(base: string, id: string, file: string): string {
  return `${legacyReportPath(base, id)}${file}`;
}

/** Where a first-scheme address of a report lands now. */
export function legacyReportTarget(id: string): ReportAddress {
  return { edition: LEGACY_EDITION, id };
}

/** A file of the downloads folder (the whole edition's Word document). */
export function downloadPath(base: string, file: string): string {
  return `${normaliseBase(base)}downloads/${file}`;
}

/** The search page, with the query when there is one. */
export function searchPagePath(base: string, query = ''): string {
  return `${normaliseBase(base)}search/${query === '' ? '' : `?q=${encodeURIComponent(query)}`}`;
}

/** A file of the search data the index stage writes to `dist/search/`. */
export function searchDataPath(base: string, file: string): string {
  return `${normaliseBase(base)}search/${file}`;
}

/** A report's search outline (metadata, positions → blocks) by its opaque key from the manifest, with the build version so caches never mix builds. */
export function shardPath(base: string, key: string, version: string): string {
  return searchDataPath(base, `reports/${key}.json?v=${version}`);
}

/** Chunk `chunk` of a report's body text for excerpts, by the report's key, with the build version. */
export function textChunkPath(base: string, key: string, chunk: number, version: string): string {
  return searchDataPath(base, `text/${key}/${chunk}.json?v=${version}`);
}

/** Group `group` of the index's chunk directory (which chunk holds which words), with the build version. */
export function wordsGroupPath(base: string, group: number, version: string): string {
  return searchDataPath(base, `words/${group}.json?v=${version}`);
}

/** An index chunk Pagefind wrote, by its file name (a content hash, so no version is needed). */
export function indexChunkPath(base: string, file: string): string {
  return pagefindPath(base, `index/${file}.pf_index`);
}

/** The whole library's text for an index-free search of a small library, with the build version. */
export function libraryPath(base: string, version: string): string {
  return searchDataPath(base, `library.json?v=${version}`);
}

/** Bucket `bucket` of the quick-jump targets, with the build version. */
export function jumpBucketPath(base: string, bucket: number, version: string): string {
  return searchDataPath(base, `jump/${bucket}.json?v=${version}`);
}

/** The first scheme's about page, `/about/`: now a redirect page to the legacy edition's about page. */
export function aboutPath(base: string): string {
  return `${normaliseBase(base)}about/`;
}

/** The home page: the library and the latest edition's contents. */
export function homePath(base: string): string {
  return normaliseBase(base);
}

/** A file served from the site root (`public/`, or written there at build time), e.g. `boot.js`. */
export function rootFilePath(base: string, file: string): string {
  return `${normaliseBase(base)}${file}`;
}

/** Pagefind's folder, which `scripts/index/build-search-index.ts` writes to `dist/pagefind/`. */
export function pagefindPath(base: string, file = ''): string {
  return `${normaliseBase(base)}pagefind/${file}`;
}
