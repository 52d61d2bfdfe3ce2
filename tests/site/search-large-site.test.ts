/**
 * The search of a library past the scan size (tests/helpers/large-site.ts: 150 synthetic reports,
 * read from Pagefind's index) in Chromium: a first query from the header box of a cold page, and
 * a long result list in pages — the exact count at once, excerpts for the shown page, 显示更多结果
 * for the next. The same outcomes as the search run in Node over the same files.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { LARGE_SITE, LARGE_SITE_REPORTS } from '../helpers/large-site.ts';
import { createNodeSearch } from '../helpers/node-search.ts';
import { serveSiteInChromium } from '../helpers/site.ts';
import { firstQueryFromReportPage } from '../../scripts/lib/search-driver.ts';
import { PLANTED_STRINGS } from '../../scripts/bench/synthetic-library.ts';
import { describeOutcome } from '../../src/scripts/search-render.ts';
import { searchPagePath } from '../../src/lib/urls.ts';

const site = serveSiteInChromium({ root: LARGE_SITE, base: process.env.BASE_PATH });
let page: Page;
let search: Awaited<ReturnType<typeof createNodeSearch>>;

beforeAll(async () => {
  const { origin, pathname } = new URL(site.url);
  search = await createNodeSearch(origin, pathname);
  page = await site.browser.newPage();
});

/** The report ids the search page lists, and whether each shows an excerpt with the query marked. */
function listed(page: Page): Promise<Array<[string, boolean]>> {
  return page
    .locator('.search-page-results > li')
    .evaluateAll((items) =>
      items.map((item): [string, boolean] => [
        (item as HTMLElement).dataset.report ?? '',
        (item.querySelector('mark')?.textContent ?? '') !== '',
      ]),
    );
}

describe(`a library of ${LARGE_SITE_REPORTS} reports`, () => {
  test('answers a first query from the header box of a cold page with the exact count, reading a few index chunks', async () => {
    const query = PLANTED_STRINGS.ten;
    const { bytes, urls } = await firstQueryFromReportPage(site.browser, site.url, query);
    const chunks = urls.filter((url) => url.endsWith('.pf_index'));
    console.log(
      `first query on ${LARGE_SITE_REPORTS} reports: ${(bytes / 1024).toFixed(1)} KB, ${chunks.length} index chunk(s)`,
    );
    // Six characters: two 4-gram lookups, at most one chunk each.
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThanOrEqual(2);
    expect(urls.filter((url) => url.includes('/search/library.json'))).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });

  test('lists a long result list in pages: the exact count at once, excerpts for the shown page, 20 more on 显示更多结果', async () => {
    const query = PLANTED_STRINGS.hundred;
    const expected = await search(query);
    expect(expected.matches).toHaveLength(100);
    const order = expected.results.map((result) => result.report.id);
    await withScreenshotOnFailure(page, 'large-library-pages', async () => {
      await page.goto(new URL(searchPagePath(new URL(site.url).pathname, query), site.url).href);
      const list = page.locator('.search-page-results');
      await expect.poll(() => list.getAttribute('data-query'), { timeout: 20_000 }).toBe(query);
      await expect(page.locator('.search-page-status').textContent()).resolves.toBe(
        describeOutcome(expected),
      );
      expect(await listed(page)).toEqual(order.slice(0, 20).map((id) => [id, true]));
      const more = page.locator('.search-page-more');
      await expect(more.textContent()).resolves.toBe('显示更多结果（还有 80 篇）');
      await more.click();
      await expect.poll(() => list.locator(':scope > li').count()).toBe(40);
      expect(await listed(page)).toEqual(order.slice(0, 40).map((id) => [id, true]));
      await expect(more.textContent()).resolves.toBe('显示更多结果（还有 60 篇）');
    });
  });
});
