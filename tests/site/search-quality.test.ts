/**
 * Search quality in Chromium against the built site: for every query of the suite (computed from
 * content/reports, see tests/helpers/search-suite.ts) the search page returns exactly the reports
 * that contain the query literally, title hits first; typos get results marked approximate;
 * strings found nowhere get none. Stock Pagefind answers the same queries for comparison, and
 * both sets of figures are printed and written to tests/artifacts/search-quality.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { SITE_DIST, serveSiteInChromium } from '../helpers/site.ts';
import { startServer } from '../../scripts/serve.ts';
import { buildSuite, loadSuiteReports, type SuiteQuery } from '../helpers/search-suite.ts';
import {
  buildStockPagefindSite,
  scoreAnswers,
  searchOnPage,
  searchStockPagefind,
  type Answer,
  type PageOutcome,
} from '../helpers/search-driver.ts';

const suite = buildSuite(loadSuiteReports());
const ours = new Map<SuiteQuery, PageOutcome>();

const site = serveSiteInChromium();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
  await page.goto(`${site.url}search/`);
});

async function run(query: SuiteQuery): Promise<PageOutcome> {
  const outcome = await withScreenshotOnFailure(page, 'search-quality', () =>
    searchOnPage(page, query.query),
  );
  ours.set(query, outcome);
  return outcome;
}

describe('the suite', () => {
  test('has at least 40 literal queries, typos and absent strings, each literal one found somewhere', () => {
    const literal = suite.filter((query) => query.kind === 'exact');
    expect(literal.length).toBeGreaterThanOrEqual(40);
    expect(
      literal.filter((query) => query.expected.length === 0).map((query) => query.query),
    ).toEqual([]);
    expect(
      suite.filter((query) => query.kind === 'typo' && query.expected.length > 0).length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      suite.filter((query) => query.kind === 'absent' && query.expected.length === 0).length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('literal queries', () => {
  test.each(
    suite
      .filter((query) => query.kind === 'exact')
      .map((query) => [query.label, query.query, query] as const),
  )(
    '%s %s returns exactly the reports that contain it, title hits first',
    async (_label, _text, query) => {
      const { found } = await run(query);
      expect(found.filter((report) => report.kind !== 'exact')).toEqual([]);
      expect(found.map((report) => report.id).sort()).toEqual([...query.expected].sort());
      expect(
        found
          .slice(0, query.titleHits.length)
          .map((report) => report.id)
          .sort(),
      ).toEqual([...query.titleHits].sort());
    },
  );
});

describe('typos', () => {
  test.each(
    suite.filter((query) => query.kind === 'typo').map((query) => [query.query, query] as const),
  )(
    '%s returns approximate results, marked, including every report with the corrected string',
    async (_text, query) => {
      const { found, status } = await run(query);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((report) => report.kind !== 'approximate')).toEqual([]);
      expect(found.map((report) => report.id)).toEqual(expect.arrayContaining(query.expected));
      expect(status).toContain('近似');
      expect(await page.locator('.search-page-results .search-badge').first().textContent()).toBe(
        '近似',
      );
    },
  );
});

describe('absent strings', () => {
  test.each(
    suite.filter((query) => query.kind === 'absent').map((query) => [query.query, query] as const),
  )('%s returns nothing and says so', async (_text, query) => {
    expect(query.expected).toEqual([]);
    const { found, status } = await run(query);
    expect(found).toEqual([]);
    expect(status).toContain('没有找到');
  });
});

describe('compared with stock Pagefind', () => {
  test('prints recall, exact-first and precision for ours and stock Pagefind on the same queries', async () => {
    const stockRoot = await buildStockPagefindSite(SITE_DIST);
    const stockServer = await startServer({ root: stockRoot });
    const stockPage = await site.browser.newPage();
    try {
      await stockPage.goto(stockServer.url);
      const stock: Answer[] = [];
      const mine: Answer[] = [];
      for (const query of suite) {
        const base = { kind: query.kind, expected: query.expected, titleHits: query.titleHits };
        stock.push({ ...base, found: await searchStockPagefind(stockPage, query.query) });
        const outcome = ours.get(query) ?? (await run(query));
        mine.push({
          ...base,
          found: outcome.found
            .filter((report) => report.kind === 'exact')
            .map((report) => report.id),
        });
      }
      const figures = { ours: scoreAnswers(mine), stockPagefind: scoreAnswers(stock) };
      const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
      const rows = (
        ['recall', 'exactFirst', 'precision', 'titleFirst', 'absentEmpty'] as const
      ).map(
        (key) =>
          `${key.padEnd(12)} ${percent(figures.ours[key]).padStart(7)} ${percent(figures.stockPagefind[key]).padStart(9)}`,
      );
      console.log(
        [
          `search quality on ${suite.length} queries`,
          `${''.padEnd(12)} ${'ours'.padStart(7)} ${'stock'.padStart(9)}`,
          ...rows,
        ].join('\n'),
      );
      mkdirSync('tests/artifacts', { recursive: true });
      writeFileSync('tests/artifacts/search-quality.json', JSON.stringify(figures, null, 2));
      expect(figures.ours).toMatchObject({
        recall: 1,
        exactFirst: 1,
        precision: 1,
        titleFirst: 1,
        absentEmpty: 1,
      });
    } finally {
      await stockPage.close();
      await stockServer.close();
    }
  });
});
