/**
 * The browser adapter of the search: wires Pagefind and `fetch` into the search flow of
 * src/lib/search/flow.ts (Pagefind's candidates, each report's text shard fetched once). Where
 * Pagefind cannot run, the same flow runs without an index (src/lib/search/without-index.ts):
 * every shard is read, and the results are the same. Loaded lazily, on the first focus of the
 * search box or on the search page.
 */
import { pagefindPath, searchDataPath, shardPath } from '../lib/urls.ts';
import { encodeCharacter } from '../lib/search/tokens.ts';
import { prepareReport, type PreparedReport } from '../lib/search/engine.ts';
import { runSearch, type SearchLoaders, type SearchOutcome } from '../lib/search/flow.ts';
import { withoutIndex } from '../lib/search/without-index.ts';
import type { ReportShard, SearchManifest, SearchReport } from '../lib/search/types.ts';

/** The slice of Pagefind's browser API this module uses. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string): Promise<{ results: Array<{ id: string }> } | null>;
}

/** A search's outcome and how many milliseconds it took (the search page exposes it for tests). */
export type TimedOutcome = SearchOutcome & { elapsed: number };

const base = import.meta.env.BASE_URL;

let pagefindPromise: Promise<PagefindApi> | undefined;
let manifestPromise: Promise<SearchManifest> | undefined;
const prepared = new Map<string, Promise<PreparedReport>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
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
 * its WebAssembly and index (a preload of any word fetches them), where it runs, and the report list.
 */
export function warmUp(): void {
  if (pagefindRuns)
    void loadPagefind()
      .then((api) => api.preload(encodeCharacter('0')))
      .catch(() => undefined);
  void loadManifest().catch(() => undefined);
}

function loadPrepared(report: SearchReport, version: string): Promise<PreparedReport> {
  let entry = prepared.get(report.key);
  if (!entry) {
    entry = fetchJson<ReportShard>(shardPath(base, report.key, version)).then((shard) =>
      prepareReport(report, shard),
    );
    entry.catch(() => prepared.delete(report.key));
    prepared.set(report.key, entry);
  }
  return entry;
}

/** The loaders the search flow runs on in the browser: Pagefind, the manifest and the shards. */
const browserLoaders: SearchLoaders = {
  manifest: loadManifest,
  async candidates(tokens) {
    const found = await (await loadPagefind()).search(tokens);
    return new Set((found?.results ?? []).map((result) => result.id));
  },
  prepared: loadPrepared,
};

/** The same loaders without Pagefind: every report is a candidate. */
const plainLoaders = withoutIndex(browserLoaders);

/** Runs one search (src/lib/search/flow.ts) on the browser's loaders and times it. */
export async function searchSite(query: string): Promise<TimedOutcome> {
  const started = performance.now();
  const outcome = await runSearch(query, pagefindRuns ? browserLoaders : plainLoaders);
  return { ...outcome, elapsed: performance.now() - started };
}
