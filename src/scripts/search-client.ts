/**
 * The browser adapter of the search: wires the index reader (src/lib/search/pagefind-index.ts,
 * which reads Pagefind's index chunks in plain JavaScript, so every engine searches the same way)
 * and `fetch` into the search flow of src/lib/search/flow.ts; the chunk directory, chunks,
 * outlines and text chunks are fetched once each. A small library is scanned instead
 * (`manifest.scan`). Loaded lazily, on the first focus of the search box or on the search page.
 */
import { libraryPath, searchDataPath, shardPath, textChunkPath } from '../lib/urls.ts';
import { createScanLoaders } from '../lib/search/scan.ts';
import type { ReportResult } from '../lib/search/engine.ts';
import {
  loadResults,
  runSearch,
  type ReportMatch,
  type SearchLoaders,
  type SearchOptions,
  type SearchOutcome,
} from '../lib/search/flow.ts';
import type {
  IndexSource,
  ReportOutline,
  SearchManifest,
  TextChunk,
  WordsGroup,
} from '../lib/search/types.ts';

/** A search's outcome and how many milliseconds it took (the search page exposes it for tests). */
export type TimedOutcome = SearchOutcome & { elapsed: number };

const base = import.meta.env.BASE_URL;

let manifestPromise: Promise<SearchManifest> | undefined;
const cache = new Map<string, Promise<unknown>>();

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** Fetches a JSON file once (a failed fetch is forgotten, so it is retried). */
function fetchOnce<T>(url: string): Promise<T> {
  let entry = cache.get(url) as Promise<T> | undefined;
  if (!entry) {
    entry = fetchJson<T>(url);
    entry.catch(() => cache.delete(url));
    cache.set(url, entry);
  }
  return entry;
}

/** Loads the report list once. */
export function loadManifest(): Promise<SearchManifest> {
  manifestPromise ??= fetchJson<SearchManifest>(searchDataPath(base, 'manifest.json'));
  manifestPromise.catch(() => (manifestPromise = undefined));
  return manifestPromise;
}

/**
 * Starts loading what every first query needs while the reader is still typing: the report list,
 * and a small library's text. Which index chunks a query needs depends on its words.
 */
export function warmUp(): void {
  void loadManifest()
    .then(async (manifest) => {
      if (manifest.scan) await loadScan(manifest);
    })
    .catch(() => undefined);
}

type ContentLoaders = Omit<SearchLoaders, 'manifest'>;
let scanPromise: Promise<ContentLoaders> | undefined;

/** A small library's whole text, scanned in memory instead of Pagefind (`manifest.scan`). */
function loadScan(manifest: SearchManifest): Promise<ContentLoaders> {
  scanPromise ??= fetchOnce<IndexSource[]>(libraryPath(base, manifest.version)).then((library) =>
    createScanLoaders(library, manifest),
  );
  scanPromise.catch(() => (scanPromise = undefined));
  return scanPromise;
}

let indexPromise: Promise<SearchLoaders['candidates']> | undefined;

/**
 * The index reader over the chunk directory the manifest starts; its module (with the gzip and
 * CBOR decoders, 3.5 KB) loads only for a library that is not scanned.
 */
function loadIndex(): Promise<SearchLoaders['candidates']> {
  indexPromise ??= Promise.all([loadManifest(), import('../lib/search/pagefind-index.ts')]).then(
    ([manifest, { indexCandidates, siteIndexFiles }]) =>
      indexCandidates(
        siteIndexFiles(manifest, base, {
          json: (url) => fetchOnce<WordsGroup>(url),
          bytes: async (url) => new Uint8Array(await (await fetchOk(url)).arrayBuffer()),
        }),
      ),
  );
  indexPromise.catch(() => (indexPromise = undefined));
  return indexPromise;
}

/** The loaders the search flow runs on in the browser: the index or the scan, outlines, chunks. */
const browserLoaders: SearchLoaders = {
  manifest: loadManifest,
  async candidates(term) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).candidates(term);
    return (await loadIndex())(term);
  },
  async outline(key, version) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).outline(key, version);
    return fetchOnce<ReportOutline>(shardPath(base, key, version));
  },
  async text(key, chunk, version) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).text(key, chunk, version);
    return fetchOnce<TextChunk>(textChunkPath(base, key, chunk, version));
  },
};

/** Runs one search (src/lib/search/flow.ts) on the browser's loaders and times it. */
export async function searchSite(
  query: string,
  options: SearchOptions = {},
): Promise<TimedOutcome> {
  const started = performance.now();
  const outcome = await runSearch(query, browserLoaders, options);
  return { ...outcome, elapsed: performance.now() - started };
}

/** Loads the sections and excerpts of more matches of a search (the next page of results). */
export function loadMoreResults(
  outcome: SearchOutcome,
  matches: readonly ReportMatch[],
): Promise<ReportResult[]> {
  return loadResults(matches, outcome.normalised, browserLoaders, outcome.version);
}
