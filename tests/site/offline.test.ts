/**
 * The offline copy in Chromium (one fresh browser context per test, each with a server of its
 * own that the test can stop or redeploy): after one visit, with the network cut, a report page
 * never opened reads, search finds and lands on the highlighted paragraph, and the reading
 * settings hold; a deployment is announced with "已更新，刷新查看", which loads the new build; an
 * `OFFLINE=off` deployment removes the copy. Deployments are simulated on a copy of the build (a
 * page edited, the worker stage run again), not rebuilt, to keep the file fast. The worker is
 * waited for by its own signals (`ready`, control of the page, the cache holding exactly the
 * listed keys), never by a sleep.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, withScreenshotOnFailure } from '../helpers/browser.ts';
import { SITE_DIST } from '../helpers/site.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { listSitePrecache } from '../../scripts/offline/precache.ts';
import { listHtmlFiles } from '../../scripts/lib/page-weight.ts';
import { renderWorker, writeServiceWorker } from '../../scripts/offline/build-worker.ts';
import { readOfflineSwitch } from '../../scripts/offline/switch.ts';
import { WORKER_FILE, cacheKey, cacheName } from '../../src/lib/offline.ts';
import { ABOUT_PAGE as ABOUT, reportPage } from '../helpers/pages.ts';

let browser: Browser;
let scratch = '';
const servers: RunningServer[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync('dist-offline-');
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(servers.splice(0).map((server) => stopServer(server)));
});
afterAll(async () => {
  await browser.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Serves `root` at `/` on a port of its own. */
async function serve(root: string): Promise<RunningServer> {
  const server = await startServer({ root });
  servers.push(server);
  return server;
}

/** Stops a server now, Chromium's keep-alive connections too (close() alone waits for them). */
function stopServer(running: RunningServer): Promise<void> {
  if (!running.server.listening) return Promise.resolve();
  running.server.closeAllConnections();
  return running.close();
}

/** A fresh browser profile: no worker, no cache, no stored settings. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

/** A copy of the built site that a test may redeploy over. */
function copySite(name: string): string {
  const root = join(scratch, name);
  cpSync(SITE_DIST, root, { recursive: true });
  return root;
}

/** The cache keys the worker built for `root` must hold: one per listed file, nothing else. */
function expectedKeys(root: string, scope: string): string[] {
  return listSitePrecache(root)
    .map((entry) => cacheKey(scope, entry.path, entry.hash))
    .sort();
}

/**
 * Waits until a worker controls the page and has finished activating (its install, which stores
 * the copy, is done before that), then returns the keys of the scope's cache.
 */
function offlineCopyKeys(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const container = navigator.serviceWorker;
    await container.ready;
    if (!container.controller)
      await new Promise((resolve) =>
        container.addEventListener('controllerchange', resolve, { once: true }),
      );
    const worker = container.controller as ServiceWorker;
    if (worker.state !== 'activated')
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => request.url).sort();
  }, cacheName(scope));
}

describe('offline copy', () => {
  test('dist/sw.js is the worker for exactly the files the build holds now', async () => {
    // Fails when the stage did not run, or a later stage changed, added or removed a file a
    // reader loads: the worker would then refuse to install (every file is checked by its hash).
    const entries = readOfflineSwitch() ? listSitePrecache(SITE_DIST) : null;
    expect(readFileSync(join(SITE_DIST, WORKER_FILE), 'utf8')).toBe(await renderWorker(entries));
    if (entries) expect(entries.map((entry) => entry.path)).toContain('search/library.json');
  });

  test('after one visit, with the network cut, an unvisited report, a search hit and the settings work', async () => {
    const server = await serve(SITE_DIST);
    const { context, page } = await freshPage();
    await withScreenshotOnFailure(page, 'offline-reading', async () => {
      await page.goto(server.url);
      // Settings chosen online, on the one page visited.
      await page.getByText('阅读设置').click();
      await page.getByRole('radio', { name: '深色' }).check();
      await page.getByRole('radio', { name: '特大' }).check();
      expect(await offlineCopyKeys(page, server.url)).toEqual(expectedKeys(SITE_DIST, server.url));

      const failed: string[] = [];
      context.on('requestfailed', (request) => {
        // A request the page itself cancelled by navigating on (the idle-loaded registration of
        // a page left quickly) is not a network attempt.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
      });
      await context.setOffline(true);
      await stopServer(server);

      await page.goto(`${server.url}${reportPage('07')}`);
      await expect(page.locator('h1').textContent()).resolves.toContain('机关基层党组织建设');
      expect(
        await page.evaluate(() => ({
          theme: document.documentElement.dataset.theme,
          fontSize: document.documentElement.dataset.fontSize,
          // The stylesheet came from the cache too: the dark background is applied.
          background: getComputedStyle(document.body).backgroundColor,
        })),
      ).toEqual({ theme: 'dark', fontSize: '5', background: 'rgb(20, 21, 23)' });

      const query = '康藏路社区';
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const hit = page.locator('main a[href*="?hl="][href*="#p"]').first();
      await hit.waitFor({ timeout: 15_000 });
      await hit.click();
      await page.waitForURL(new RegExp(`/${reportPage('01')}\\?hl=[^#]+#p[\\d-]+$`));
      await expect
        .poll(
          () =>
            page.evaluate(
              () =>
                document
                  .getElementById(decodeURIComponent(location.hash.slice(1)))
                  ?.querySelector('mark.search-hit-mark')?.textContent,
            ),
          { timeout: 15_000 },
        )
        .toBe(query);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      // Everything came from the cache: not one request tried the network.
      expect(failed).toEqual([]);

      // An address the build lacks tries the network (it may be newer), then gets the 404 page.
      const missing = await page.goto(`${server.url}no-such-page/`);
      expect(missing?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('页面未找到');
    });
  });

  test('a new deployment is announced with 已更新，刷新查看, which loads the new build', async () => {
    const root = copySite('update');
    const server = await serve(root);
    const { page } = await freshPage();
    await withScreenshotOnFailure(page, 'offline-update', async () => {
      await page.goto(`${server.url}${ABOUT}`);
      const oldTitle = await page.title();
      expect(await offlineCopyKeys(page, server.url)).toEqual(expectedKeys(root, server.url));

      // Deploy a build whose about page changed: the page, then its worker, as the stage does.
      const about = join(root, ABOUT, 'index.html');
      writeFileSync(
        about,
        readFileSync(about, 'utf8').replace(
          /<title>[^<]*<\/title>/,
          '<title>新版 · 新风文库</title>',
        ),
      );
      await writeServiceWorker(root, true);

      await page.reload();
      // The cache answers with the build the worker holds, and says a newer one is ready.
      expect(await page.title()).toBe(oldTitle);
      const prompt = page.getByRole('status').filter({ hasText: '已更新，刷新查看' });
      const accept = prompt.getByRole('button', { name: '已更新，刷新查看' });
      await accept.waitFor({ timeout: 15_000 });
      await expect(prompt.getByRole('button', { name: '关闭更新提示' }).count()).resolves.toBe(1);

      await Promise.all([page.waitForEvent('load'), accept.click()]);
      await expect(page.title()).resolves.toBe('新版 · 新风文库');
      // The new worker holds the new build and dropped what only the old one needed.
      expect(await offlineCopyKeys(page, server.url)).toEqual(expectedKeys(root, server.url));
    });
  });
});

describe('OFFLINE=off', () => {
  test('deployed over an offline copy, removes it: no worker, no cache, pages from the network', async () => {
    const root = copySite('off');
    const server = await serve(root);
    const { page } = await freshPage();
    await withScreenshotOnFailure(page, 'offline-off', async () => {
      await page.goto(`${server.url}${ABOUT}`);
      expect((await offlineCopyKeys(page, server.url)).length).toBeGreaterThan(20);

      // Deploy an OFFLINE=off build: its worker, and pages whose header script registers nothing.
      // An empty script stands in for that one (tests/unit/offline-precache.test.ts checks that
      // the switch leaves the registration out of the bundle), under a new name as a build gives
      // it: the browser's HTTP cache keeps the old /_astro/ file for a year.
      await writeServiceWorker(root, false);
      writeFileSync(join(root, '_astro', 'SiteHeader.offline-off.js'), '');
      for (const file of listHtmlFiles(root)) {
        const html = readFileSync(join(root, file), 'utf8');
        writeFileSync(
          join(root, file),
          html.replace(/SiteHeader[^"]*\.js/g, 'SiteHeader.offline-off.js'),
        );
      }
      // The old worker answers this load from its cache; the browser then finds the new sw.js,
      // which deletes the copy as it installs and waits, announced like any new build.
      await page.reload();
      const accept = page.getByRole('button', { name: '已更新，刷新查看' });
      await accept.waitFor({ timeout: 15_000 });
      const cachesLeft = (): Promise<string[]> =>
        page.evaluate(async () =>
          (await caches.keys()).filter((name) => name.startsWith('xinfeng-offline')),
        );
      expect(await cachesLeft()).toEqual([]);

      // Taking over, it unregisters; the page reloaded at once may still be in its hands (it
      // answers nothing), the next one is not.
      await Promise.all([page.waitForEvent('load'), accept.click()]);
      await expect
        .poll(() => page.evaluate(async () => navigator.serviceWorker.getRegistrations()), {
          timeout: 15_000,
        })
        .toHaveLength(0);
      const next = await page.goto(`${server.url}${reportPage('05')}`);
      expect(next?.fromServiceWorker()).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(await cachesLeft()).toEqual([]);
    });
  });
});
