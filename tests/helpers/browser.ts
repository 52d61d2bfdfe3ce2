/**
 * Browser helpers of the tests: what a page requested from elsewhere, and a screenshot of every
 * failing check. Chromium itself is launched by scripts/lib/chromium.ts (the benchmarks use it too).
 */
import type { BrowserContext } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export { launchChromium } from '../../scripts/lib/chromium.ts';

/**
 * Records every request a page makes that leaves `origin`, so a test can assert the site never
 * loads anything from elsewhere.
 */
export function recordForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/**
 * Anything that can save a screenshot: a Playwright or puppeteer page, or the cross-engine pages
 * of tests/helpers/engines.ts.
 */
export interface Screenshotter {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/** Saves a full-page screenshot under `tests/artifacts/` and returns its path. */
export async function saveScreenshot(page: Screenshotter, name: string): Promise<string> {
  const folder = join('tests', 'artifacts');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/**
 * Runs a browser check and saves a screenshot of `page` when it throws, so a failing test leaves
 * a picture of what the browser showed.
 */
export async function withScreenshotOnFailure<T>(
  page: Screenshotter,
  name: string,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const path = await saveScreenshot(page, name);
    if (error instanceof Error) error.message += `\n(screenshot: ${path})`;
    throw error;
  }
}
