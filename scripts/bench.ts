/**
 * `npm run bench`: what the site costs to build and to load, on the machine at hand.
 *
 * - Build: each stage (split, astro build, search index, Word downloads, offline worker, compress)
 *   timed as a whole run, N clean runs (`--runs N`, default 3; a fresh Astro cache each time), median
 *   reported. Builds go to `bench/tmp/dist`, never to `dist/`.
 * - Pages: home, the largest report page, the search page and the about page, loaded in Chromium
 *   from `scripts/serve.ts` (br, which Chromium asks for) in a fresh profile; the encoded bytes of
 *   every response are summed by type, so the numbers are what a first visit really fetches before
 *   any search. The static count from `scripts/lib/page-weight.ts` is printed beside it as a check.
 * - Budgets: the report-page numbers the tests enforce (overhead beyond the text, JS).
 * - Serving: requests per second for the largest report page, br, gzip and uncompressed, now and
 *   before issue 12 (`scripts/bench-serve.ts`, about 40 s; `--skip-serve` leaves it out).
 * - Split size: the split of a 50 MB compendium derived from the real one (`scripts/bench-split.ts`),
 *   its time and peak memory in a process of its own (`--skip-split-size` leaves it out).
 * - Search: `scripts/bench-search.ts` (owned by the search part) is run on the same build when it
 *   exists, and its output is kept.
 *
 * Writes `bench/results.json`. Times are noisy, so tests never assert them; bytes are exact.
 * Flags: `--runs N`, `--skip-build` (measure the last `bench/tmp/dist`, or `--dist DIR`),
 * `--skip-search` (the search benchmark drives 80 queries in Chromium and takes minutes).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { printTable } from './lib/print-table.ts';
import { startServer } from './serve.ts';
import { benchServing, printServing, type ServingResult } from './bench-serve.ts';
import { buildVariant, timeCommand } from './lib/build-variant.ts';
import { EDITION_KEY } from '../src/lib/urls.ts';
import { benchSplitSize, describeSplitSize, type SplitSizeResult } from './bench-split.ts';
import {
  extractReportText,
  gzipSize,
  listHtmlFiles,
  measurePageWeight,
  urlPathOfHtmlFile,
} from './lib/page-weight.ts';

interface StageTimes {
  split: number[];
  astro: number[];
  index: number[];
  docx: number[];
  offline: number[];
  compress: number[];
  total: number[];
}

/** Bytes a browser received for one page load, by kind. */
export interface BrowserWeight {
  html: number;
  css: number;
  js: number;
  other: number;
  total: number;
  requests: number;
  urls: string[];
}

/** Returns the median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Times N whole builds: `npm run split`, then every later stage into `outDir`. */
function timeBuilds(runs: number, outDir: string): StageTimes {
  const times: StageTimes = {
    split: [],
    astro: [],
    index: [],
    docx: [],
    offline: [],
    compress: [],
    total: [],
  };
  for (let run = 1; run <= runs; run += 1) {
    const split = timeCommand('npm', ['run', '--silent', 'split'], { cwd: process.cwd() });
    const { astro, index, docx, offline, compress } = buildVariant({ outDir });
    times.split.push(split);
    times.astro.push(astro);
    times.index.push(index);
    times.docx.push(docx);
    times.offline.push(offline);
    times.compress.push(compress);
    times.total.push(split + astro + index + docx + offline + compress);
    console.error(
      `build ${run}/${runs}: split ${ms(split)}, astro ${ms(astro)}, index ${ms(index)}, docx ${ms(docx)}, offline ${ms(offline)}, compress ${ms(compress)}`,
    );
  }
  return times;
}

/** Loads a page in a fresh browser context and sums the encoded response bytes by resource type. */
async function measureInBrowser(browser: Browser, url: string): Promise<BrowserWeight> {
  // Without the offline worker, whose download of the whole library starts once the page is idle
  // and would land in this count by chance; its size is reported by the build.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const responses: Promise<void>[] = [];
  const weight: BrowserWeight = {
    html: 0,
    css: 0,
    js: 0,
    other: 0,
    total: 0,
    requests: 0,
    urls: [],
  };
  page.on('response', (response) => {
    responses.push(
      (async () => {
        const request = response.request();
        const sizes = await request.sizes();
        const type = request.resourceType();
        const kind =
          type === 'document'
            ? 'html'
            : type === 'stylesheet'
              ? 'css'
              : type === 'script'
                ? 'js'
                : 'other';
        weight[kind] += sizes.responseBodySize;
        weight.total += sizes.responseBodySize;
        weight.requests += 1;
        weight.urls.push(new URL(request.url()).pathname);
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(responses);
  await context.close();
  weight.urls.sort();
  return weight;
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 3);
  const outDir = option('dist') ?? join('bench', 'tmp', 'dist');
  const skipBuild = process.argv.includes('--skip-build');
  if (!skipBuild && (!Number.isInteger(runs) || runs < 1))
    throw new Error(`--runs must be a positive integer, got ${option('runs')}`);

  const build = skipBuild ? undefined : timeBuilds(runs, outDir);
  if (!existsSync(join(outDir, 'index.html')))
    throw new Error(`${outDir} holds no build; run without --skip-build`);

  const files = listHtmlFiles(outDir);
  // Report pages of every edition (`2025-zk/03/index.html`); the redirect pages at the first
  // addresses (`reports/03/`) are not report pages.
  const reports = files.filter((file) => {
    const [edition = '', id = '', name, ...rest] = file.split('/');
    return (
      EDITION_KEY.test(edition) && /^\d{2,3}$/.test(id) && name === 'index.html' && !rest.length
    );
  });
  const largestReport = [...reports].sort(
    (a, b) => readFileSync(join(outDir, b)).length - readFileSync(join(outDir, a)).length,
  )[0];
  const pages = [
    { name: 'home', path: '/' },
    {
      name: `largest report (${largestReport?.slice(0, -'index.html'.length)})`,
      path: urlPathOfHtmlFile(largestReport ?? '', '/'),
    },
    { name: 'search', path: '/search/' },
    { name: 'about', path: '/about/' },
  ];

  const server = await startServer({ root: outDir });
  const browser = await launchChromium();
  const pageResults = [];
  try {
    for (const page of pages) {
      const inBrowser = await measureInBrowser(
        browser,
        new URL(page.path.slice(1), server.url).href,
      );
      const fromDist = await measurePageWeight(outDir, '/', page.path);
      pageResults.push({
        ...page,
        browser: inBrowser,
        static: { gzip: fromDist.gzip, gzipTotal: fromDist.gzipTotal, requests: fromDist.requests },
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const budgets = [];
  for (const file of reports) {
    const weight = await measurePageWeight(outDir, '/', urlPathOfHtmlFile(file, '/'));
    const text = gzipSize(extractReportText(readFileSync(join(outDir, file), 'utf8')));
    budgets.push({
      page: urlPathOfHtmlFile(file, '/'),
      gzipTotal: weight.gzipTotal,
      text,
      overhead: weight.gzipTotal - text,
      js: weight.gzip.js,
    });
  }

  const serving: ServingResult | undefined = process.argv.includes('--skip-serve')
    ? undefined
    : await benchServing(outDir);

  const splitSize: SplitSizeResult | undefined = process.argv.includes('--skip-split-size')
    ? undefined
    : benchSplitSize(50);

  let search: { command: string; output: string } | undefined;
  if (!process.argv.includes('--skip-search') && existsSync(join('scripts', 'bench-search.ts'))) {
    const started = Date.now();
    const { execFileSync } = await import('node:child_process');
    const output = execFileSync(
      'npx',
      ['tsx', join('scripts', 'bench-search.ts'), '--dist', outDir],
      { encoding: 'utf8', env: { ...process.env, XINFENG_DIST: outDir } },
    );
    search = {
      command: `tsx scripts/bench-search.ts --dist ${outDir} (${ms(Date.now() - started)})`,
      output,
    };
  }

  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
    },
    build: build && {
      runs,
      medianMs: {
        split: median(build.split),
        astro: median(build.astro),
        index: median(build.index),
        docx: median(build.docx),
        offline: median(build.offline),
        compress: median(build.compress),
        total: median(build.total),
      },
      runsMs: build,
    },
    pages: pageResults,
    budgets: {
      reportOverheadLimit: 10 * 1024,
      jsLimit: 3 * 1024,
      maxReportOverhead: Math.max(...budgets.map((entry) => entry.overhead)),
      maxReportJs: Math.max(...budgets.map((entry) => entry.js)),
      reports: budgets,
    },
    serving,
    splitSize,
    search,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync(join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  if (results.build) {
    console.log(
      `\nBuild time, median of ${runs} clean runs (${results.machine.cpus} × ${results.machine.cpuModel}, Node ${process.version})\n`,
    );
    const median = results.build.medianMs;
    printTable(
      [
        'split',
        'astro build',
        'search index',
        'Word downloads',
        'offline worker',
        'compress',
        'total',
      ],
      [
        [
          ms(median.split),
          ms(median.astro),
          ms(median.index),
          ms(median.docx),
          ms(median.offline),
          ms(median.compress),
          ms(median.total),
        ],
      ],
    );
  }
  console.log(
    '\nFirst visit before any search, as served to Chromium (br); gzip -9 count from dist in brackets\n',
  );
  printTable(
    ['page', 'HTML', 'CSS', 'JS', 'other', 'total', 'requests'],
    pageResults.map((page) => [
      `${page.name} ${page.path}`,
      `${kb(page.browser.html)} [${kb(page.static.gzip.html)}]`,
      `${kb(page.browser.css)} [${kb(page.static.gzip.css)}]`,
      `${kb(page.browser.js)} [${kb(page.static.gzip.js)}]`,
      kb(page.browser.other),
      kb(page.browser.total),
      `${page.browser.requests} [${page.static.requests}]`,
    ]),
  );
  console.log(
    '\nReport pages against the budgets (gzip): overhead = HTML+CSS+JS − text of the report\n',
  );
  printTable(
    ['page', 'HTML+CSS+JS', 'text', 'overhead (≤ 10 KB)', 'JS (≤ 3 KB)'],
    budgets.map((entry) => [
      entry.page,
      kb(entry.gzipTotal),
      kb(entry.text),
      kb(entry.overhead),
      kb(entry.js),
    ]),
  );
  if (serving) printServing(serving);
  if (splitSize) console.log(`\n${describeSplitSize(splitSize)}`);
  if (search) console.log(`\nSearch (${search.command}):\n${search.output}`);
  console.log('\nWritten to bench/results.json');
}

// Run only as a script, so tests can import `median` without starting a benchmark.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
