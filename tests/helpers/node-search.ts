/**
 * The search flow of src/lib/search/flow.ts run in Node over a built site: Pagefind's own
 * JavaScript and WebAssembly (dist/pagefind/pagefind.js runs in Node 20), the manifest and the text
 * shards, all fetched from the site served on loopback — the files and the flow the browser uses,
 * without a browser. Used by the search-quality suite.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareReport, type PreparedReport } from '../../src/lib/search/engine.ts';
import { runSearch, type SearchLoaders, type SearchOutcome } from '../../src/lib/search/flow.ts';
import { withoutIndex } from '../../src/lib/search/without-index.ts';
import type { ReportShard, SearchManifest } from '../../src/lib/search/types.ts';
import { pagefindPath, searchDataPath, shardPath } from '../../src/lib/urls.ts';

/** The slice of Pagefind's API the loaders use. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string,
  ): Promise<{ results: { id: string; data(): Promise<{ url: string }> }[] } | null>;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Imports a Pagefind build's module and points it at the served site (`origin` + `base`). */
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
 * A search function over the site served at `origin` + `base` whose build is in `dist`; with
 * `index: false`, the plain-JavaScript path of engines where Pagefind cannot run.
 */
export async function createNodeSearch(
  dist: string,
  origin: string,
  base: string,
  { index = true }: { index?: boolean } = {},
): Promise<(query: string) => Promise<SearchOutcome>> {
  const pagefind = index ? await loadPagefindInNode(dist, origin, base) : undefined;
  const manifest = fetchJson<SearchManifest>(`${origin}${searchDataPath(base, 'manifest.json')}`);
  const prepared = new Map<string, Promise<PreparedReport>>();
  const loaders: SearchLoaders = {
    manifest: () => manifest,
    async candidates(tokens) {
      if (!pagefind)
        throw new Error('createNodeSearch: candidates asked of a search without index');
      const found = await pagefind.search(tokens);
      return new Set((found?.results ?? []).map((result) => result.id));
    },
    prepared(report, version) {
      let entry = prepared.get(report.key);
      if (!entry) {
        entry = fetchJson<ReportShard>(`${origin}${shardPath(base, report.key, version)}`).then(
          (shard) => prepareReport(report, shard),
        );
        prepared.set(report.key, entry);
      }
      return entry;
    },
  };
  const used = index ? loaders : withoutIndex(loaders);
  return (query) => runSearch(query, used);
}

/** Runs a stock Pagefind search; returns report ids in rank order. */
export async function searchStock(pagefind: PagefindModule, query: string): Promise<string[]> {
  const found = await pagefind.search(query);
  const data = await Promise.all((found?.results ?? []).map((result) => result.data()));
  return data.map((item) => /reports\/(\d+)\//.exec(item.url)?.[1] ?? item.url);
}
