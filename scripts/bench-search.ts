/**
 * `npm run bench:search` (after `npm run build`): measures the search on the built site.
 *
 * - index size: dist/pagefind and dist/search, on disk and gzip as served;
 * - first query from a cold page: a fresh browser context opens a report page, then the reader
 *   types the query into the header box; every byte transferred after the page loaded is
 *   counted (gzip as scripts/serve.ts serves it) — search code, Pagefind, index, shards, quick
 *   jump data. Median and worst over the suite's queries;
 * - warm queries on the search page: time to results (as the page measures the search) and the
 *   bytes each later query still fetches;
 * - for comparison: stock Pagefind's first query (its index of the same pages, loading the
 *   fragments of the first five results as its UI does).
 *
 * Prints a table and writes bench/search-results.json. `--dist folder` (or XINFENG_DIST /
 * SEARCH_DIST) measures another build.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { buildSuite, loadSuiteReports } from './lib/search-suite.ts';
import {
  buildStockPagefindSite,
  countBytes,
  firstQueryFromReportPage,
  searchOnPage,
} from './lib/search-driver.ts';
import { startServer } from './serve.ts';
import { isSiblingName } from './compress/precompress-site.ts';

const distArgument = process.argv.indexOf('--dist');
const DIST =
  (distArgument >= 0 ? process.argv[distArgument + 1] : undefined) ??
  process.env.XINFENG_DIST ??
  process.env.SEARCH_DIST ??
  'dist';

/** Every file under a folder, without the build's compressed siblings (`x.json.br`). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile() && !isSiblingName(path));
}

/** Bytes on disk and bytes served with gzip (level 9, as scripts/serve.ts does) of a folder. */
function folderSize(folder: string): { files: number; raw: number; served: number } {
  const files = filesUnder(folder);
  return {
    files: files.length,
    raw: files.reduce((sum, path) => sum + statSync(path).size, 0),
    served: files.reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function stockFirstQuery(browser: Browser, stockUrl: string, query: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const counter = countBytes(context);
    const page = await context.newPage();
    await page.goto(stockUrl);
    const before = counter.total();
    const script = `(async () => {
      const api = await import(location.origin + '/pagefind/pagefind.js');
      const found = await api.search(${JSON.stringify(query)});
      await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
    })()`;
    await page.evaluate(script);
    return counter.total() - before;
  } finally {
    await context.close();
  }
}

const suite = buildSuite(loadSuiteReports());
const queries = suite.map((entry) => entry.query);
const pagefindSize = folderSize(join(DIST, 'pagefind'));
const pagefindIndexOnly = filesUnder(join(DIST, 'pagefind'))
  .filter((path) => /\.pf_(index|meta)$/.test(path))
  .reduce((sum, path) => sum + statSync(path).size, 0);
const pagefindRuntime = ['pagefind.js', 'wasm.unknown.pagefind']
  .map((name) => gzipSync(readFileSync(join(DIST, 'pagefind', name)), { level: 9 }).length)
  .reduce((sum, size) => sum + size, 0);
const searchDataSize = folderSize(join(DIST, 'search', 'reports'));
const allShards = filesUnder(join(DIST, 'search', 'reports'))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');
const jumpServed = gzipSync(readFileSync(join(DIST, 'search', 'jump.json')), { level: 9 }).length;
const manifestServed = gzipSync(readFileSync(join(DIST, 'search', 'manifest.json')), {
  level: 9,
}).length;

const browser = await launchChromium();
const server = await startServer({ root: DIST });
const stockRoot = await buildStockPagefindSite(DIST);
const stockServer = await startServer({ root: stockRoot });
try {
  const cold: Array<{ query: string; bytes: number; ms: number }> = [];
  for (const query of queries)
    cold.push({ query, ...(await firstQueryFromReportPage(browser, server.url, query)) });

  // Without the offline worker, like the cold queries (tests/helpers/search-driver.ts).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const counter = countBytes(context);
  const page = await context.newPage();
  await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
  // Warm up with a query that loads Pagefind and one shard: later queries then still fetch the
  // shards of their own candidates, which is what "later-query bytes" should show.
  await searchOnPage(page, '康藏路社区');
  const warm: Array<{ query: string; ms: number; bytes: number }> = [];
  for (const query of queries) {
    const before = counter.total();
    const outcome = await searchOnPage(page, query);
    warm.push({ query, ms: outcome.elapsed, bytes: counter.total() - before });
  }
  await context.close();

  const stock: number[] = [];
  for (const query of queries) stock.push(await stockFirstQuery(browser, stockServer.url, query));
  const stockIndex = folderSize(join(stockRoot, 'pagefind'));

  const results = {
    dist: DIST,
    queries: queries.length,
    index: {
      pagefind: pagefindSize,
      pagefindIndexAndMetaBytes: pagefindIndexOnly,
      pagefindRuntimeServed: pagefindRuntime,
      shards: searchDataSize,
      manifestServed,
      jumpServed,
      allShardsInOneFileServed: gzipSync(allShards, { level: 9 }).length,
    },
    firstQuery: {
      medianBytes: median(cold.map((entry) => entry.bytes)),
      worstBytes: Math.max(...cold.map((entry) => entry.bytes)),
      worstQuery: cold.reduce((a, b) => (b.bytes > a.bytes ? b : a)).query,
      medianMs: median(cold.map((entry) => entry.ms)),
      worstMs: Math.max(...cold.map((entry) => entry.ms)),
    },
    warm: {
      medianMs: median(warm.map((entry) => entry.ms)),
      worstMs: Math.max(...warm.map((entry) => entry.ms)),
      worstQuery: warm.reduce((a, b) => (b.ms > a.ms ? b : a)).query,
      laterQueryMedianBytes: median(warm.map((entry) => entry.bytes)),
      laterQueryWorstBytes: Math.max(...warm.map((entry) => entry.bytes)),
    },
    stockPagefind: {
      index: stockIndex,
      firstQueryMedianBytes: median(stock),
      firstQueryMinBytes: Math.min(...stock),
      firstQueryWorstBytes: Math.max(...stock),
    },
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync(join('bench', 'search-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const rows: Array<[string, string]> = [
    ['queries (search-quality suite)', String(queries.length)],
    [
      'dist/pagefind (runtime, index, unused fragments)',
      `${pagefindSize.files} files, ${kb(pagefindSize.raw)} on disk, ${kb(pagefindSize.served)} served`,
    ],
    ['  of which index chunks + meta (pre-compressed)', kb(pagefindIndexOnly)],
    ['  of which pagefind.js + wasm, served', kb(pagefindRuntime)],
    [
      'body shards (dist/search/reports)',
      `${searchDataSize.files} files, ${kb(searchDataSize.raw)} on disk, ${kb(searchDataSize.served)} served`,
    ],
    ['manifest / quick-jump data, served', `${kb(manifestServed)} / ${kb(jumpServed)}`],
    ['first query from a cold report page, median', kb(results.firstQuery.medianBytes)],
    [
      'first query from a cold report page, worst',
      `${kb(results.firstQuery.worstBytes)} (${results.firstQuery.worstQuery})`,
    ],
    [
      'cold time to results (incl. 120 ms debounce), median / worst',
      `${results.firstQuery.medianMs} ms / ${results.firstQuery.worstMs} ms`,
    ],
    [
      'warm query time to results, median / worst',
      `${results.warm.medianMs.toFixed(1)} ms / ${results.warm.worstMs.toFixed(1)} ms (${results.warm.worstQuery})`,
    ],
    [
      'later query bytes, median / worst',
      `${kb(results.warm.laterQueryMedianBytes)} / ${kb(results.warm.laterQueryWorstBytes)}`,
    ],
    ['stock Pagefind index, served', `${stockIndex.files} files, ${kb(stockIndex.served)}`],
    [
      'stock Pagefind first query, min / median / worst',
      `${kb(Math.min(...stock))} / ${kb(median(stock))} / ${kb(Math.max(...stock))}`,
    ],
    ['alternative: all shards as one file, served', kb(results.index.allShardsInOneFileServed)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
} finally {
  await Promise.all([browser.close(), server.close(), stockServer.close()]);
}
