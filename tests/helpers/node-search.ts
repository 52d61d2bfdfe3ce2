/**
 * The search flow of src/lib/search/flow.ts run in Node over a built site: the index reader of
 * src/lib/search/pagefind-index.ts, the manifest, outlines and text chunks, all fetched from the
 * site served on loopback — the files and the code the browser uses, without a browser. Used by
 * the search-quality suites. Pagefind's own runtime (a `pagefind.js` runs in Node 20) is loaded
 * only for comparisons: stock Pagefind, and the check that our reader reads its index as it does.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  runSearch,
  type SearchLoaders,
  type SearchOptions,
  type SearchOutcome,
} from '../../src/lib/search/flow.ts';
import type {
  IndexSource,
  ReportOutline,
  SearchManifest,
  TextChunk,
  WordsGroup,
} from '../../src/lib/search/types.ts';
import { createScanLoaders } from '../../src/lib/search/scan.ts';
import { indexCandidates, siteIndexFiles } from '../../src/lib/search/pagefind-index.ts';
import {
  libraryPath,
  pagefindPath,
  searchDataPath,
  shardPath,
  textChunkPath,
} from '../../src/lib/urls.ts';

/** The slice of Pagefind's API the loaders use. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{
    results: { id: string; words: number[]; data(): Promise<{ url: string }> }[];
  } | null>;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Imports a Pagefind build's module and points it at the served site (`origin` + `base`). Node
 * caches modules by URL, so two builds in one process need their own `pagefind.js` paths.
 */
export async function loadPagefindInNode(
  dist: string,
  origin: string,
  base: string,
): Promise<PagefindModule> {
  const module = (await import(
    pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href
  )) as PagefindModule;
  await module.options({ basePath: `${origin}${pagefindPath(base)}`, noWorker: true });
  return module;
}

/**
 * A search function over the built site served at `origin` + `base`, as the browser runs it (`as-built`: a small library scanned, a larger one read from the index), or on
 * the index whatever the library's size (`index`).
 */
export async function createNodeSearch(
  origin: string,
  base: string,
  mode: 'as-built' | 'index' = 'as-built',
): Promise<(query: string, options?: SearchOptions) => Promise<SearchOutcome>> {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(url: string): Promise<T> => {
    let entry = cache.get(url) as Promise<T> | undefined;
    if (!entry) {
      entry = fetchJson<T>(`${origin}${url}`);
      cache.set(url, entry);
    }
    return entry;
  };
  const manifest = await once<SearchManifest>(searchDataPath(base, 'manifest.json'));
  const indexed: SearchLoaders = {
    manifest: () => Promise.resolve(manifest),
    candidates: indexCandidates(
      siteIndexFiles(manifest, base, {
        json: (url) => once<WordsGroup>(url),
        bytes: async (url) => {
          const response = await fetch(`${origin}${url}`);
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          return new Uint8Array(await response.arrayBuffer());
        },
      }),
    ),
    outline: (key, version) => once<ReportOutline>(shardPath(base, key, version)),
    text: (key, chunk, version) => once<TextChunk>(textChunkPath(base, key, chunk, version)),
  };
  // As the browser does (src/scripts/search-client.ts): a small library is scanned, unless the
  // caller asks for the index.
  const loaders: SearchLoaders =
    manifest.scan && mode === 'as-built'
      ? {
          manifest: () => Promise.resolve(manifest),
          ...createScanLoaders(
            await once<IndexSource[]>(libraryPath(base, manifest.version)),
            manifest,
          ),
        }
      : indexed;
  return (query, options) => runSearch(query, loaders, { shown: Infinity, ...options });
}

/** Runs a stock Pagefind search; returns report ids in rank order. */
export async function searchStock(pagefind: PagefindModule, query: string): Promise<string[]> {
  const found = await pagefind.search(query);
  const data = await Promise.all((found?.results ?? []).map((result) => result.data()));
  return data.map((item) => /reports\/(\d+)\//.exec(item.url)?.[1] ?? item.url);
}
