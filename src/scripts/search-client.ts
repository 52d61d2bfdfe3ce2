/**
 * The browser adapter of the search: wires Pagefind and `fetch` into the search flow of
 * src/lib/search/flow.ts (Pagefind's positions; outlines and text chunks fetched once each).
 * A small library is scanned instead (`manifest.scan`), which needs no WebAssembly; where
 * Pagefind cannot run and the library is larger, the same flow scans every outline and text
 * chunk (src/lib/search/without-index.ts), and the results are the same. Loaded lazily, on the
 * first focus of the search box or on the search page.
 */
import {
  libraryPath,
  pagefindPath,
  searchDataPath,
  shardPath,
  textChunkPath,
} from '../lib/urls.ts';
import { createScanLoaders } from '../lib/search/scan.ts';
import { withoutIndex } from '../lib/search/without-index.ts';
import type { ReportResult } from '../lib/search/engine.ts';
import {
  loadResults,
  runSearch,
  type ReportMatch,
  type SearchLoaders,
  type SearchOptions,
  type SearchOutcome,
} from '../lib/search/flow.ts';
import type { IndexSource, ReportOutline, SearchManifest, TextChunk } from '../lib/search/types.ts';

/** The slice of Pagefind's browser API this module uses. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: Array<{ id: string; words: number[] }> } | null>;
}

/** A search's outcome and how many milliseconds it took (the search page exposes it for tests). */
export type TimedOutcome = SearchOutcome & { elapsed: number };

const base = import.meta.env.BASE_URL;

let pagefindPromise: Promise<PagefindApi> | undefined;
let manifestPromise: Promise<SearchManifest> | undefined;
const cache = new Map<string, Promise<unknown>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
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

/**
 * Whether Pagefind's WebAssembly can run here: it needs reference types, and compiling must be
 * allowed by the CSP, whose 'wasm-unsafe-eval' Chromium before 97 does not know. Checked with two
 * tiny modules first, so such an engine neither downloads Pagefind nor meets its uncaught error;
 * it searches without the index instead.
 */
function canRunPagefindWasm(): boolean {
  const header = [0, 97, 115, 109, 1, 0, 0, 0];
  try {
    // A table of externref: valid only with reference types.
    if (!WebAssembly.validate(new Uint8Array([...header, 4, 4, 1, 0x6f, 0, 0]))) return false;
    new WebAssembly.Module(new Uint8Array(header));
    return true;
  } catch {
    return false;
  }
}

/** Probed once, when this module loads. */
const pagefindRuns = canRunPagefindWasm();

/** Loads Pagefind's search API once (its own module, served from dist/pagefind/). */
function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    if (!pagefindRuns) throw new Error('Pagefind: WebAssembly cannot run in this browser');
    const url = pagefindPath(base, 'pagefind.js');
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // No worker: a search here takes a millisecond, and the worker script would cost 12 KB.
    await api.options({ basePath: pagefindPath(base), noWorker: true });
    return api;
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** Loads the report list once. */
export function loadManifest(): Promise<SearchManifest> {
  manifestPromise ??= fetchJson<SearchManifest>(searchDataPath(base, 'manifest.json'));
  manifestPromise.catch(() => (manifestPromise = undefined));
  return manifestPromise;
}

/**
 * Starts loading everything a first query needs while the reader is still typing: Pagefind with
 * its WebAssembly and index metadata where it runs, and the report list.
 */
export function warmUp(): void {
  void loadManifest()
    .then(async (manifest) => {
      if (manifest.scan) await loadScan(manifest);
      // init fetches the WebAssembly and the index's metadata, and no index chunk: which chunks
      // a query needs depends on its words.
      else if (pagefindRuns) await (await loadPagefind()).init();
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

/** The outline and text chunk files, for the plain-JavaScript path of a larger library. */
const plainLoaders = withoutIndex({
  manifest: loadManifest,
  outline: (key, version) => fetchOnce<ReportOutline>(shardPath(base, key, version)),
  text: (key, chunk, version) => fetchOnce<TextChunk>(textChunkPath(base, key, chunk, version)),
});

/** The loaders the search flow runs on in the browser: Pagefind, the manifest, outlines, chunks. */
const browserLoaders: SearchLoaders = {
  manifest: loadManifest,
  async candidates(term) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).candidates(term);
    if (!pagefindRuns) return plainLoaders.candidates(term);
    const found = await (await loadPagefind()).search(term);
    return (found?.results ?? []).map((result) => ({
      pagefindId: result.id,
      positions: result.words,
    }));
  },
  async outline(key, version) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).outline(key, version);
    return plainLoaders.outline(key, version);
  },
  async text(key, chunk, version) {
    const manifest = await loadManifest();
    if (manifest.scan) return (await loadScan(manifest)).text(key, chunk, version);
    return plainLoaders.text(key, chunk, version);
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
