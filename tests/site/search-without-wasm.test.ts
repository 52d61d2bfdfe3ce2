/**
 * Full-text search in an engine without WebAssembly (Chromium 86–96 cannot run Pagefind's, Safari
 * 14–15 neither): the search needs none — the real twelve reports are scanned, a larger library's
 * Pagefind index is read in plain JavaScript — so it finds what the search run in Node finds and
 * says nothing alarming. Chromium runs with V8's `--jitless`, which leaves WebAssembly out
 * altogether; `--noexpose_wasm` no longer does in current Chromium (checked with 156: WebAssembly
 * still compiles). Chromium 86 itself is tested by engine-chromium-86.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { LARGE_SITE } from '../helpers/large-site.ts';
import { createNodeSearch } from '../helpers/node-search.ts';
import { serveSiteInChromium } from '../helpers/site.ts';
import { firstQueryFromReportPage } from '../../scripts/lib/search-driver.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { PLANTED_STRINGS } from '../../scripts/bench/synthetic-library.ts';
import { describeOutcome } from '../../src/scripts/search-render.ts';
import { pagefindPath, searchPagePath } from '../../src/lib/urls.ts';

const site = serveSiteInChromium(undefined, ['--js-flags=--jitless']);
let page: Page;
let large: RunningServer;

beforeAll(async () => {
  large = await startServer({ root: LARGE_SITE, base: process.env.BASE_PATH });
  page = await site.browser.newPage();
});
afterAll(() => large.close());

describe('search without WebAssembly', () => {
  test('answers a first query in the header box of a cold report page, within the budget', async () => {
    const { bytes, ms } = await firstQueryFromReportPage(site.browser, site.url, '党见引领');
    console.log(`first query without WebAssembly: ${(bytes / 1024).toFixed(1)} KB in ${ms} ms`);
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
  });

  // 志愿服务 is in some of the real reports only; the planted phrase in 100 of the large library's
  // 150, whose index chunks the page reads.
  test.each([
    ['the real library', '志愿服务'],
    ['a large library', PLANTED_STRINGS.hundred],
  ])(
    'the search page of %s finds for %s what Node finds, in the same order',
    async (library, query) => {
      const url = library === 'a large library' ? large.url : site.url;
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await withScreenshotOnFailure(page, `no-wasm-${query}`, async () => {
        const { origin, pathname } = new URL(url);
        const expected = await createNodeSearch(origin, pathname).then((search) => search(query));
        await page.goto(new URL(searchPagePath(pathname, query), url).href);
        // Else nothing here would be proved.
        await expect(page.evaluate(() => typeof globalThis.WebAssembly)).resolves.toBe('undefined');
        const list = page.locator('.search-page-results');
        await expect.poll(() => list.getAttribute('data-query'), { timeout: 20_000 }).toBe(query);
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
        ).resolves.toEqual(
          expected.results.slice(0, 20).map((result) => [result.report.id, result.kind]),
        );
        await expect(page.locator('.search-page-status').textContent()).resolves.toBe(
          describeOutcome(expected),
        );
        // Only index chunks are read of Pagefind's files, and only where the library has an index.
        const pagefind = requested.filter((path) => path.startsWith(pagefindPath(pathname)));
        if (library === 'a large library') {
          expect(pagefind.length).toBeGreaterThan(0);
          expect(pagefind.filter((path) => !path.endsWith('.pf_index'))).toEqual([]);
        } else expect(pagefind).toEqual([]);
      });
      page.removeAllListeners('request');
    },
  );
});
