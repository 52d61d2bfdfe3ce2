/**
 * The site is used on intranets without internet: browsing every page of `dist/` and running a
 * search (which loads the lazy search code and the index) makes zero requests to any other origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, recordForeignRequests, withScreenshotOnFailure } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { listHtmlFiles, urlPathOfHtmlFile } from '../../scripts/lib/page-weight.ts';

/** The build under test; XINFENG_DIST points the checks at a private build while iterating. */
const DIST = process.env.XINFENG_DIST ?? 'dist';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let foreign: string[];
const sameOrigin: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer({ root: DIST })]);
  context = await browser.newContext();
  foreign = recordForeignRequests(context, new URL(server.url).origin);
  context.on('request', (request) => sameOrigin.push(request.url()));
  page = await context.newPage();
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

describe('self-contained site', () => {
  test('browsing every page requests nothing from another origin', async () => {
    const pages = listHtmlFiles(DIST);
    expect(pages.length).toBeGreaterThan(14);
    for (const file of pages) {
      await page.goto(new URL(urlPathOfHtmlFile(file, '/'), server.url).href, { waitUntil: 'networkidle' });
    }
    expect(foreign).toEqual([]);
  });

  test('searching from the header box and opening a hit requests nothing from another origin', async () => {
    await withScreenshotOnFailure(page, 'self-contained-search', async () => {
      const before = sameOrigin.length;
      await page.goto(server.url + 'reports/03/', { waitUntil: 'networkidle' });
      const box = page.getByRole('searchbox', { name: '搜索全文' }).first();
      await box.fill('社区');
      await box.press('Enter');
      await page.waitForURL(/\/(search\/\?q=|reports\/\d{2}\/\?hl=)/, { timeout: 15_000 });
      if (page.url().includes('/search/')) {
        const hit = page.locator('main a[href*="?hl="]').first();
        await hit.waitFor({ timeout: 15_000 });
        await hit.click();
      }
      await page.waitForURL(/\/reports\/\d{2}\/\?hl=/);
      await page.waitForLoadState('networkidle');
      // The search really ran: its index files were fetched from the site itself.
      expect(sameOrigin.slice(before).some((url) => /\/pagefind\//.test(new URL(url).pathname))).toBe(true);
      expect(foreign).toEqual([]);
    });
  });
});
