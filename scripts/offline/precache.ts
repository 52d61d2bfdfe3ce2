/**
 * What the offline copy holds: every file of the built site a reader's browser may ask for —
 * pages, `/_astro/` assets, Pagefind's index, WebAssembly and fragments, the search shards, the
 * favicon, the citation files, and fonts or images should the site ever ship some — each with a
 * content hash, and the build version derived from that list. Pure functions over file names and
 * bytes; only `readSiteFiles` and `listSitePrecache` touch the disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFilesUnder } from '../lib/list-files.ts';
import { CONTENT_HASH_LENGTH, WORKER_FILE, type PrecachePair } from '../../src/lib/offline.ts';
import type { SearchManifest } from '../../src/lib/search/types.ts';
import { searchDataPath } from '../../src/lib/urls.ts';

/** One file of the offline copy. */
export interface PrecacheEntry {
  /** Path relative to the site root, `/` separators: `reports/05/index.html`. */
  file: string;
  /** The URL path relative to the base a browser requests it by: `reports/05/`. */
  path: string;
  /** First characters of the SHA-256 of its bytes. */
  hash: string;
  bytes: number;
}

/** A file of the built site: its path relative to the site root and its bytes. */
export interface SiteFile {
  file: string;
  body: Buffer;
}

/**
 * Why a file is left out of the offline copy, or null when a reader needs it: source maps (for
 * developers), precompressed twins (`.gz`, `.br`, `.zst`: the server picks them for the original's
 * URL, whose decoded bytes are what gets cached), hidden files, the worker itself (the browser
 * fetches it on its own to look for updates), and the Word downloads (13 files, about 380 KB that a
 * phone would store for a download few readers make; they come from the network when asked for).
 * `unused` lists folders of search data the library's search never loads (see `unusedSearchData`).
 */
export function exclusionReason(file: string, unused: readonly string[] = []): string | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (file === WORKER_FILE) return 'the service worker itself';
  if (unused.some((folder) => file.startsWith(folder)))
    return 'search data this library never loads';
  if (/\.map$/i.test(name)) return 'a source map';
  if (/\.(gz|br|zst)$/i.test(name)) return 'a precompressed copy';
  if (/\.docx$/i.test(name)) return 'a Word download';
  if (file.split('/').some((part) => part.startsWith('.'))) return 'a hidden file';
  return null;
}

/**
 * Maps a site file to the URL path a browser asks for it by: directory pages by their folder
 * (`reports/05/index.html` → `reports/05/`, `index.html` → ``), everything else by its name,
 * percent-encoded the way a browser encodes a request's path.
 */
export function requestPathOf(file: string): string {
  if (/[?#\\]/.test(file))
    throw new Error(`${file}: expected a file name a URL can address, found "?", "#" or "\\"`);
  const page = file.replace(/(^|\/)index\.html$/, '$1');
  return new URL(page, 'http://site.invalid/').pathname.slice(1);
}

/** Returns the content hash kept for a file's bytes. */
export function hashContent(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, CONTENT_HASH_LENGTH);
}

/**
 * The search folders a library's browsers never fetch: a library small enough to scan is read from
 * `search/library.json` alone (src/scripts/search-client.ts), so its Pagefind index, outlines and
 * text chunks (built for the larger-library path and its tests) would only double the offline copy.
 */
export function unusedSearchData(manifest: { scan: boolean }): string[] {
  return manifest.scan ? ['pagefind/', 'search/reports/', 'search/text/'] : [];
}

/** Lists the offline copy of a site, sorted by request path: the disk's order does not matter. */
export function listPrecache(
  files: readonly SiteFile[],
  unused: readonly string[] = [],
): PrecacheEntry[] {
  return files
    .filter(({ file }) => exclusionReason(file, unused) === null)
    .map(({ file, body }) => ({
      file,
      path: requestPathOf(file),
      hash: hashContent(body),
      bytes: body.length,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The list as the worker receives it: request path and hash of each file. */
export function precachePairs(entries: readonly PrecacheEntry[]): PrecachePair[] {
  return entries.map((entry) => [entry.path, entry.hash] as const);
}

/**
 * The build version: a hash of the list, so it changes exactly when a file a reader needs is
 * added, removed or changed — and with it the bytes of `sw.js`, which is how browsers notice.
 */
export function precacheVersion(entries: readonly PrecacheEntry[]): string {
  const list = entries.map((entry) => `${entry.path} ${entry.hash}\n`).join('');
  return createHash('sha256').update(list).digest('hex').slice(0, 12);
}

/** Reads every file under `root`, sorted, with `/` separators; `listPrecache` leaves files out. */
export function readSiteFiles(root: string): SiteFile[] {
  return listFilesUnder(root).map((file) => ({ file, body: readFileSync(join(root, file)) }));
}

/** Whether the index stage (which runs before the offline stage) made a library to scan; a site without search data has none. */
function readSearchMode(dist: string): Pick<SearchManifest, 'scan'> {
  const file = join(dist, searchDataPath('/', 'manifest.json').slice(1));
  if (!existsSync(file)) return { scan: false };
  return JSON.parse(readFileSync(file, 'utf8')) as SearchManifest;
}

/** The offline copy of the built site in `dist`: the one list the worker and the tests use. */
export function listSitePrecache(dist: string): PrecacheEntry[] {
  return listPrecache(readSiteFiles(dist), unusedSearchData(readSearchMode(dist)));
}
