/**
 * Deployed under a sub-path: a build with BASE_PATH=/xinfeng/ (astro build + search index + offline
 * worker into a folder of its own) keeps every internal link, asset and fragment under `/xinfeng/`,
 * and in Chromium, served at `/xinfeng/`, a search returns hits, the offline worker's scope is the
 * sub-path and a report's table of contents works.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, withScreenshotOnFailure } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { startsInViewport } from '../helpers/site.ts';
import { findBrokenLinks } from '../../scripts/lib/link-check.ts';
import { buildVariant } from '../../scripts/lib/build-variant.ts';
import { listHtmlFiles } from '../../scripts/lib/page-weight.ts';
import { ABOUT_PAGE, REAL_REPORT_PATH, reportPage } from '../helpers/pages.ts';

const BASE = '/xinfeng/';
let scratch = '';
let outDir = '';
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  scratch = mkdtempSync('dist-subpath-');
  outDir = join(scratch, 'dist');
  buildVariant({ outDir, base: BASE });
  [browser, server] = await Promise.all([
    launchChromium(),
    startServer({ root: outDir, base: BASE }),
  ]);
}, 300_000);
afterAll(async () => {
  await Promise.all([browser.close(), server.close()]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe(`built for ${BASE}`, () => {
  test('the link checker flags links outside the base, missing files and missing fragments', () => {
    // A page of the sub-path build with three planted mistakes, checked by the same function.
    const planted = join(outDir, 'planted', 'index.html');
    mkdirSync(join(outDir, 'planted'), { recursive: true });
    writeFileSync(
      planted,
      `<a href="/reports/01/">x</a><a href="${BASE}reports/99/">y</a><a href="${BASE}reports/01/#nope">z</a>`,
    );
    try {
      expect(findBrokenLinks(outDir, BASE)).toEqual([
        'planted/index.html: /reports/01/ is outside /xinfeng/',
        'planted/index.html: /xinfeng/reports/99/ → no file',
        'planted/index.html: /xinfeng/reports/01/#nope → no element with id "nope"',
      ]);
    } finally {
      rmSync(join(outDir, 'planted'), { recursive: true, force: true });
    }
  });

  test('every internal link, asset and fragment on every page resolves under the base', () => {
    expect(listHtmlFiles(outDir).length).toBeGreaterThan(14);
    expect(findBrokenLinks(outDir, BASE)).toEqual([]);
  });

  describe('in Chromium', () => {
    let page: Page;
    const failed: string[] = [];
    beforeAll(async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page = await context.newPage();
    });

    test('a search returns hits that link into the sub-path', async () => {
      await withScreenshotOnFailure(page, 'subpath-search', async () => {
        await page.goto(`${server.url}search/?q=${encodeURIComponent('社区')}`);
        const hits = page.locator('main a[href*="?hl="]');
        await hits.first().waitFor({ timeout: 15_000 });
        const hrefs = await hits.evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
        );
        expect(hrefs.length).toBeGreaterThan(0);
        const reportPattern = new RegExp(`^${BASE.slice(0, -1)}${REAL_REPORT_PATH}`);
        expect(hrefs.filter((path) => !reportPattern.test(path))).toEqual([]);
        await hits.first().click();
        await page.waitForURL(new RegExp(`${BASE.slice(0, -1)}${REAL_REPORT_PATH}\\?hl=`));
        expect(failed).toEqual([]);
      });
    });

    test('the offline worker of the sub-path build is registered for the sub-path', async () => {
      await withScreenshotOnFailure(page, 'subpath-offline', async () => {
        expect(existsSync(join(outDir, 'sw.js'))).toBe(true);
        await page.goto(`${server.url}${ABOUT_PAGE}`);
        const scope = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          return registration.scope;
        });
        expect(scope).toBe(server.url);
        expect(new URL(scope).pathname).toBe(BASE);
        expect(failed).toEqual([]);
      });
    });

    test('a report page loads all its assets and its table of contents moves to a section', async () => {
      await withScreenshotOnFailure(page, 'subpath-toc', async () => {
        await page.goto(`${server.url}${reportPage('05')}`, { waitUntil: 'networkidle' });
        const toc = page.getByRole('navigation', { name: '本文目录' });
        const details = toc.locator('details');
        if (
          (await details.count()) > 0 &&
          !(await details.first().evaluate((element) => (element as HTMLDetailsElement).open))
        ) {
          await toc.locator('summary').first().click();
        }
        const link = toc.locator('a[href^="#s"]').nth(1);
        const href = (await link.getAttribute('href')) as string;
        await link.click();
        await expect
          .poll(() => page.evaluate(() => location.pathname + location.hash))
          .toBe(`${BASE}${reportPage('05')}${href}`);
        await expect.poll(() => startsInViewport(page, href)).toBe(true);
        // The stylesheet really applied (a wrong base would leave the page unstyled).
        expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
        expect(failed).toEqual([]);
      });
    });
  });
});
