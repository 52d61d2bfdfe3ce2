/**
 * Full-text search where Pagefind's WebAssembly cannot run (Chromium 86–96, Safari 14–15): the
 * plain-JavaScript path finds what the indexed path finds and says nothing alarming. Chromium runs
 * with V8's `--jitless`, which leaves WebAssembly out altogether; `--noexpose_wasm` no longer
 * does in current Chromium (checked with 156: WebAssembly still compiles). Chromium 86 itself,
 * where the CSP stops the compile, is tested by engine-chromium-86.test.ts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { createNodeSearch } from '../helpers/node-search.ts';
import { SITE_DIST, serveSiteInChromium } from '../helpers/site.ts';
import { firstQueryFromReportPage } from '../../scripts/lib/search-driver.ts';
import { describeOutcome } from '../../src/scripts/search-render.ts';
import { pagefindPath, searchPagePath } from '../../src/lib/urls.ts';

const site = serveSiteInChromium(undefined, ['--js-flags=--jitless']);
let page: Page;
let indexed: Awaited<ReturnType<typeof createNodeSearch>>;
const requested: string[] = [];

beforeAll(async () => {
  const { origin, pathname } = new URL(site.url);
  indexed = await createNodeSearch(SITE_DIST, origin, pathname);
  page = await site.browser.newPage();
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
});

describe('search without WebAssembly', () => {
  test('answers a first query in the header box of a cold report page, within the budget', async () => {
    const { bytes, ms } = await firstQueryFromReportPage(site.browser, site.url, '党见引领');
    console.log(`first query without WebAssembly: ${(bytes / 1024).toFixed(1)} KB in ${ms} ms`);
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
  });

  // Every query of the suite gets the same outcome on both paths in Node (search-quality.test.ts);
  // this one has characters that are not in every report (志愿服): a query of only such common
  // characters (党建引领) needs no index on either path, so it would prove nothing here.
  test.each(['志愿服务'])(
    'the search page finds for %s the reports the index finds, in the same order',
    async (query) => {
      await withScreenshotOnFailure(page, `no-wasm-${query}`, async () => {
        requested.length = 0;
        await page.goto(new URL(searchPagePath(new URL(site.url).pathname, query), site.url).href);
        // Else the plain path would go untested.
        await expect(page.evaluate(() => typeof globalThis.WebAssembly)).resolves.toBe('undefined');
        const list = page.locator('.search-page-results');
        await expect.poll(() => list.getAttribute('data-query'), { timeout: 20_000 }).toBe(query);
        const expected = await indexed(query);
        expect(expected.results.length).toBeGreaterThan(1);
        await expect(
          list
            .locator(':scope > li')
            .evaluateAll((items) =>
              items.map((item) => [
                (item as HTMLElement).dataset.report,
                (item as HTMLElement).dataset.kind,
              ]),
            ),
        ).resolves.toEqual(expected.results.map((result) => [result.report.id, result.kind]));
        await expect(page.locator('.search-page-status').textContent()).resolves.toBe(
          describeOutcome(expected),
        );
        const pagefind = pagefindPath(new URL(site.url).pathname);
        expect(requested.filter((path) => path.startsWith(pagefind))).toEqual([]);
      });
    },
  );
});
