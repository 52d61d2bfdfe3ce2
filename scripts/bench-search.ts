/**
 * `npm run bench:search` (after `npm run build`): measures the search on the real library and on
 * seeded synthetic libraries of 12, 120 and 1,200 reports (scripts/bench/synthetic-library.ts,
 * indexed by the index stage's own `writeSearchIndex` beside a copy of the built site's pages).
 *
 * For each library: index size (dist/pagefind + dist/search, files, gzip -9 as served) and build
 * time; over its suite's queries, a first query typed into the header box of a report page in a
 * cold Chromium context — bytes transferred (Content-Length as served), time to results, index
 * chunk and text requests; warm queries on the search page; and exact-first, checked in Node over
 * the same files (every report containing the query found, none that does not, title hits first).
 *
 * Prints a Markdown table and writes bench/search-results.json. `--sizes 12,120` picks the
 * synthetic sizes; `--dist folder` (or XINFENG_DIST / SEARCH_DIST) measures another build.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { buildSuite, loadSuiteReports, type SuiteQuery } from './lib/search-suite.ts';
import { firstQueryFromReportPage, searchOnPage } from './lib/search-driver.ts';
import { printTable } from './lib/print-table.ts';
import { startServer } from './serve.ts';
import { isSiblingName } from './compress/precompress-site.ts';
import { buildSyntheticSite, syntheticSources } from './bench/library-site.ts';
import { buildSyntheticSuite } from './bench/synthetic-library.ts';
import { createNodeSearch } from '../tests/helpers/node-search.ts';
import { readIndexSources, type IndexSource } from './index/build-search-index.ts';
import { LEGACY_EDITION } from '../src/lib/urls.ts';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const DIST = argument('--dist') ?? process.env.XINFENG_DIST ?? process.env.SEARCH_DIST ?? 'dist';
const SIZES = (argument('--sizes') ?? '12,120,1200').split(',').map(Number);

/** Every file under a folder, without the build's compressed siblings (`x.json.br`). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile() && !isSiblingName(path));
}

/** Files, bytes on disk and bytes served with gzip -9 (as scripts/serve.ts does) of folders. */
function indexSize(root: string): { files: number; raw: number; served: number } {
  const files = ['pagefind', 'search'].flatMap((folder) => filesUnder(join(root, folder)));
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

const kb = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;

/** Whether an outcome's report ids are exactly the expected ones, title hits first. */
function isExactFirst(query: SuiteQuery, found: string[]): boolean {
  const sorted = (ids: string[]): string => [...ids].sort().join(',');
  return (
    sorted(found) === sorted(query.expected) &&
    sorted(found.slice(0, query.titleHits.length)) === sorted(query.titleHits)
  );
}

/** Everything measured for one library. */
interface LibraryFigures {
  library: string;
  reports: number;
  /** How the browser searches it: scanning library.json, or reading the index. */
  path: 'scan' | 'index';
  queries: number;
  index: { files: number; raw: number; served: number };
  buildMs: number;
  cold: Array<{ query: string; bytes: number; ms: number; chunks: number; texts: number }>;
  warm: Array<{ query: string; ms: number }>;
  exactFirst: number;
}

async function measureLibrary(
  browser: Browser,
  library: string,
  reports: number,
  root: string,
  suite: SuiteQuery[],
  buildMs: number,
  sources: readonly IndexSource[],
): Promise<LibraryFigures> {
  // The suite names reports by id; matches by their opaque key.
  const idOf = new Map(sources.map(({ meta }) => [meta.key, meta.id]));
  const server = await startServer({ root });
  try {
    const search = await createNodeSearch(new URL(server.url).origin, '/');
    let exact = 0;
    // Literal and absent queries; typos are scored by the quality test, not here.
    const scored = suite.filter((query) => query.kind !== 'typo');
    for (const query of scored) {
      const outcome = await search(query.query, { shown: 0 });
      const found = outcome.approximate
        ? []
        : outcome.matches.map((match) => idOf.get(match.key) ?? match.key);
      if (isExactFirst(query, found)) exact += 1;
    }
    const cold: LibraryFigures['cold'] = [];
    for (const query of suite) {
      const result = await firstQueryFromReportPage(browser, server.url, query.query);
      cold.push({
        query: query.query,
        bytes: result.bytes,
        ms: result.ms,
        chunks: result.urls.filter((url) => url.includes('/pagefind/index/')).length,
        texts: result.urls.filter((url) => /\/search\/(reports|text)\//.test(url)).length,
      });
    }
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    const warm: LibraryFigures['warm'] = [];
    // The suite twice: the second pass is warm (its index chunks and texts are loaded).
    for (const query of suite) await searchOnPage(page, query.query);
    for (const query of suite)
      warm.push({ query: query.query, ms: (await searchOnPage(page, query.query)).elapsed });
    await context.close();
    const manifest = JSON.parse(readFileSync(join(root, 'search', 'manifest.json'), 'utf8')) as {
      scan: boolean;
    };
    return {
      library,
      reports,
      path: manifest.scan ? 'scan' : 'index',
      queries: suite.length,
      index: indexSize(root),
      buildMs,
      cold,
      warm,
      exactFirst: exact / Math.max(1, scored.length),
    };
  } finally {
    await server.close();
  }
}

const browser = await launchChromium();
const figures: LibraryFigures[] = [];
try {
  const real = await measureLibrary(
    browser,
    'real (12)',
    12,
    DIST,
    buildSuite(loadSuiteReports()),
    Number.NaN,
    // The suite is the legacy edition's (scripts/lib/search-suite.ts).
    readIndexSources(DIST).sources.filter(({ meta }) => meta.edition === LEGACY_EDITION),
  );
  figures.push(real);
  for (const size of SIZES) {
    const sources = syntheticSources(size);
    const site = await buildSyntheticSite(sources, { shell: DIST });
    try {
      const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
      const { pagefind, check, files } = site.summary.ms;
      console.error(
        `synthetic ${size}: indexed in ${seconds(site.buildMs)} (Pagefind ${seconds(pagefind)}, ` +
          `check of its chunks ${seconds(check)}, search files ${seconds(files)})`,
      );
      const measured = await measureLibrary(
        browser,
        `synthetic ${size}`,
        size,
        site.root,
        buildSyntheticSuite(sources),
        site.buildMs,
        sources,
      );
      figures.push(measured);
    } finally {
      site.remove();
    }
  }
} finally {
  await browser.close();
}

mkdirSync('bench', { recursive: true });
writeFileSync(join('bench', 'search-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
printTable(
  [
    'library',
    'path',
    'index (files, served)',
    'index build',
    'first query median / worst',
    'cold results median / worst',
    'warm median / worst',
    'chunk + text requests (median / worst)',
    'exact-first',
  ],
  figures.map((entry) => {
    const bytes = entry.cold.map((query) => query.bytes);
    const ms = entry.cold.map((query) => query.ms);
    const warm = entry.warm.map((query) => query.ms);
    const requests = entry.cold.map((query) => query.chunks + query.texts);
    return [
      entry.library,
      entry.path,
      `${entry.index.files} files, ${kb(entry.index.served)}`,
      Number.isNaN(entry.buildMs) ? '(in npm run build)' : `${(entry.buildMs / 1000).toFixed(1)} s`,
      `${kb(median(bytes))} / ${kb(Math.max(...bytes))}`,
      `${median(ms)} ms / ${Math.max(...ms)} ms`,
      `${median(warm).toFixed(1)} ms / ${Math.max(...warm).toFixed(1)} ms`,
      `${median(requests)} / ${Math.max(...requests)}`,
      `${entry.queries} queries, ${(entry.exactFirst * 100).toFixed(0)} %`,
    ];
  }),
);
