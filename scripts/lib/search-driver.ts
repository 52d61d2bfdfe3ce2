/**
 * Drives the built site's search page and stock Pagefind in Chromium for the search-quality
 * suite and the search benchmark.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import * as pagefind from 'pagefind';
import { LEGACY_EDITION, editionPath, legacyReportTarget, reportPath } from '../../src/lib/urls.ts';

/** One report in a result list, in rank order. */
export interface FoundReport {
  id: string;
  kind: 'exact' | 'approximate';
}

/** What the search page showed for a query. */
export interface PageOutcome {
  found: FoundReport[];
  status: string;
  /** Milliseconds the search took, as the page measured it. */
  elapsed: number;
}

/** Types `query` into the search page's box and reads the results once they are for this query. */
export async function searchOnPage(page: Page, query: string): Promise<PageOutcome> {
  const input = page.getByRole('searchbox', { name: '搜索词句' });
  await input.fill(query);
  const list = page.locator('.search-page-results');
  await page.waitForFunction(
    (expected) =>
      document.querySelector('.search-page-results')?.getAttribute('data-query') === expected,
    query,
    { timeout: 20_000 },
  );
  const found = await list.locator(':scope > li.search-result').evaluateAll((items) =>
    items.map((item) => ({
      id: (item as HTMLElement).dataset.report ?? '',
      kind: (item as HTMLElement).dataset.kind as 'exact' | 'approximate',
    })),
  );
  return {
    found,
    status: (await page.locator('.search-page-status').textContent()) ?? '',
    elapsed: Number(await list.getAttribute('data-elapsed')),
  };
}

/**
 * Builds a stock Pagefind index of the built report pages into a temporary site folder with one
 * zh-CN page to search from; returns that folder. To be fair to it, the report header (title,
 * subtitle, unit, authors) is marked `data-pagefind-body` too, so stock Pagefind indexes the same
 * fields as ours: out of the box it would see only the body.
 */
export async function buildStockPagefindSite(dist: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'xinfeng-stock-pagefind-'));
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind did not start');
  // The legacy edition is the one the suite's queries are computed from (search-suite.ts).
  const editionDir = join(dist, editionPath('/', LEGACY_EDITION));
  for (const id of readdirSync(editionDir).filter((name) => /^\d{2,3}$/.test(name))) {
    const html = readFileSync(join(editionDir, id, 'index.html'), 'utf8').replace(
      '<header class="report-header"',
      '<header data-pagefind-body class="report-header"',
    );
    const added = await index.addHTMLFile({ url: `/reports/${id}/`, content: html });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  }
  const { files } = await index.getFiles();
  for (const file of files) {
    const target = join(root, 'pagefind', file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  await pagefind.close();
  const page =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>stock</title></head><body></body></html>';
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, '404.html'), page);
  return root;
}

/** Counts the bytes of every response a context receives (Content-Length as served). */
export function countBytes(context: BrowserContext): { total: () => number } {
  let total = 0;
  context.on('response', (response) => {
    total += Number(response.headers()['content-length'] ?? 0);
  });
  return { total: () => total };
}

/**
 * Opens a report page in a fresh (cold) context, then types `query` into the header box and
 * counts the bytes (Content-Length, compressed as served) of every request made from the moment
 * the box is focused until the results show. Requests of the page load itself (a late favicon
 * included) are not counted, so no wait for the network to go quiet is needed.
 */
export async function firstQueryFromReportPage(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<{ bytes: number; ms: number; urls: string[] }> {
  // Without the offline worker: its background download of the library (once the page is idle)
  // is not part of a query's cost, and would be counted or not depending on timing.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}${reportPath('/', legacyReportTarget('05')).slice(1)}`, {
      waitUntil: 'load',
    });
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    const started = Date.now();
    const box = page.getByRole('searchbox', { name: '搜索全文' });
    await box.focus();
    await box.fill(query);
    await page.waitForFunction(
      (text) => document.querySelector<HTMLElement>('.search-panel')?.dataset.query === text,
      query,
      { timeout: 30_000 },
    );
    // The panel names its query after both the text search and the quick jump finished, so
    // every byte they needed has arrived by now.
    const ms = Date.now() - started;
    const sizes = await Promise.all(
      requests.map(async (request) =>
        Number((await request.response())?.headers()['content-length'] ?? 0),
      ),
    );
    return {
      bytes: sizes.reduce((sum, size) => sum + size, 0),
      ms,
      urls: requests.map((request) => request.url()),
    };
  } finally {
    await context.close();
  }
}

/** Recall, precision and exact-first share of a set of answers. */
export interface QualityFigures {
  queries: number;
  recall: number;
  precision: number;
  exactFirst: number;
  titleFirst: number;
  absentEmpty: number;
}

/** One query's expectation and what a search returned (in rank order, exact results only for ours). */
export interface Answer {
  kind: 'exact' | 'typo' | 'absent';
  expected: string[];
  titleHits: string[];
  found: string[];
}

/**
 * Scores answers: recall and exact-first over literal queries, precision over literal and absent
 * queries, title-first over queries with a title hit, absent-empty over absent strings.
 */
export function scoreAnswers(answers: Answer[]): QualityFigures {
  const literal = answers.filter((answer) => answer.kind === 'exact');
  const scored = answers.filter((answer) => answer.kind !== 'typo');
  const correct = (answer: Answer): number =>
    answer.found.filter((id) => answer.expected.includes(id)).length;
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  const isExactFirst = (answer: Answer): boolean =>
    answer.expected.every((id) => answer.found.includes(id)) &&
    answer.found.slice(0, answer.expected.length).every((id) => answer.expected.includes(id));
  const withTitles = literal.filter((answer) => answer.titleHits.length > 0);
  const absent = answers.filter((answer) => answer.kind === 'absent');
  return {
    queries: answers.length,
    recall:
      sum(literal.map(correct)) / Math.max(1, sum(literal.map((answer) => answer.expected.length))),
    precision:
      sum(scored.map(correct)) / Math.max(1, sum(scored.map((answer) => answer.found.length))),
    exactFirst: literal.filter(isExactFirst).length / Math.max(1, literal.length),
    titleFirst:
      withTitles.filter((answer) =>
        answer.found.slice(0, answer.titleHits.length).every((id) => answer.titleHits.includes(id)),
      ).length / Math.max(1, withTitles.length),
    absentEmpty:
      absent.filter((answer) => answer.found.length === 0).length / Math.max(1, absent.length),
  };
}
