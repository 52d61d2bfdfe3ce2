/**
 * Every address of the site below its base path (README, “Addresses and links”), for pages,
 * browser scripts, the index builder and tests alike. No dependencies, so browser code may import
 * it. `base` is the deployment path in any spelling (`/`, `/xinfeng`, `xinfeng/`).
 */

/** Normalises a base path to the `/…/` form (`import.meta.env.BASE_URL` may lack the slash). */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The page of a report, e.g. `/xinfeng/reports/05/`. */
export function reportPath(base: string, id: string): string {
  return `${normaliseBase(base)}reports/${id}/`;
}

/** A place inside a report page: `#s2-3`, `#p2-3-4`, or the page itself for `''`. */
export function reportAnchorPath(base: string, id: string, anchor: string): string {
  return `${reportPath(base, id)}${anchor === '' ? '' : `#${anchor}`}`;
}

/** A search hit: the report page with the query to highlight and the element to land on. */
export function hitPath(base: string, id: string, query: string, target: string): string {
  const hash = target === '' ? '' : `#${target}`;
  return `${reportPath(base, id)}?hl=${encodeURIComponent(query)}${hash}`;
}

/** A file beside a report's page, e.g. its Word document (file names: src/lib/downloads.ts). */
export function reportFilePath(base: string, id: string, file: string): string {
  return `${reportPath(base, id)}${file}`;
}

/** A report's citation file, `cite.bib` or `cite.ris`, beside its page. */
export function citeFilePath(base: string, id: string, format: 'bib' | 'ris'): string {
  return reportFilePath(base, id, `cite.${format}`);
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

/** A report's search outline (metadata, positions → blocks), with the build version so caches never mix builds. */
export function shardPath(base: string, id: string, version: string): string {
  return searchDataPath(base, `reports/${id}.json?v=${version}`);
}

/** Chunk `chunk` of a report's body text for excerpts, with the build version. */
export function textChunkPath(base: string, id: string, chunk: number, version: string): string {
  return searchDataPath(base, `text/${id}/${chunk}.json?v=${version}`);
}

/** The whole library's text for an index-free search of a small library, with the build version. */
export function libraryPath(base: string, version: string): string {
  return searchDataPath(base, `library.json?v=${version}`);
}

/** Bucket `bucket` of the quick-jump targets, with the build version. */
export function jumpBucketPath(base: string, bucket: number, version: string): string {
  return searchDataPath(base, `jump/${bucket}.json?v=${version}`);
}

/** The about page and the home page (the library). */
export function aboutPath(base: string): string {
  return `${normaliseBase(base)}about/`;
}

/** The home page: the library and its contents. */
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
