/**
 * The site is used on intranets without internet: browsing every page of `dist/` and running a
 * search (which loads the lazy search code and the index) makes zero requests to any other origin.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { recordForeignRequests, withScreenshotOnFailure } from '../helpers/browser.ts';
import { SITE_DIST, serveSiteInChromium } from '../helpers/site.ts';
import { listHtmlFiles, urlPathOfHtmlFile } from '../../scripts/lib/page-weight.ts';
import { REAL_REPORT_PATH, reportPage } from '../helpers/pages.ts';
import { pagefindPath, searchDataPath } from '../../src/lib/urls.ts';

const site = serveSiteInChromium();
let context: BrowserContext;
let page: Page;
let foreign: string[];
const sameOrigin: string[] = [];

beforeAll(async () => {
  context = await site.browser.newContext();
  foreign = recordForeignRequests(context, new URL(site.url).origin);
  context.on('request', (request) => sameOrigin.push(request.url()));
  page = await context.newPage();
});

describe('self-contained site', () => {
  test('browsing every page requests nothing from another origin', async () => {
    const pages = listHtmlFiles(SITE_DIST);
    expect(pages.length).toBeGreaterThan(14);
    for (const file of pages) {
      await page.goto(new URL(urlPathOfHtmlFile(file, '/'), site.url).href, {
        waitUntil: 'networkidle',
      });
    }
    expect(foreign).toEqual([]);
  });

  test('searching from the header box and opening a hit requests nothing from another origin', async () => {
    await withScreenshotOnFailure(page, 'self-contained-search', async () => {
      const before = sameOrigin.length;
      await page.goto(site.url + reportPage('03'), { waitUntil: 'networkidle' });
      const box = page.getByRole('searchbox', { name: '搜索全文' }).first();
      await box.fill('社区');
      await box.press('Enter');
      await page.waitForURL(new RegExp(`/search/\\?q=|${REAL_REPORT_PATH}\\?hl=`), {
        timeout: 15_000,
      });
      if (page.url().includes('/search/')) {
        const hit = page.locator('main a[href*="?hl="]').first();
        await hit.waitFor({ timeout: 15_000 });
        await hit.click();
      }
      await page.waitForURL(new RegExp(`${REAL_REPORT_PATH}\\?hl=`));
      await page.waitForLoadState('networkidle');
      // The search really ran: its data (Pagefind's index, or the text of a library small enough
      // to scan) was fetched from the site itself.
      const searchData = new RegExp(
        `^(${pagefindPath('/')}|${searchDataPath('/', 'library.json')})`.replace(/\./g, '\\.'),
      );
      expect(sameOrigin.slice(before).some((url) => searchData.test(new URL(url).pathname))).toBe(
        true,
      );
      expect(foreign).toEqual([]);
    });
  });
});
