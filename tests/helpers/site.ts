/**
 * The served site every browser test file starts from: the build under test, one static server and
 * one Chromium per file. Kept apart from browser.ts, which the benchmark scripts import outside vitest.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServeOptions } from '../../scripts/serve.ts';
import { launchChromium } from './browser.ts';

/** The build the site tests check; XINFENG_DIST points them at a private build while iterating. */
export const SITE_DIST = process.env.XINFENG_DIST ?? 'dist';

/** One Chromium and one static server shared by the tests of a file. */
export interface ServedSite {
  readonly browser: Browser;
  readonly server: RunningServer;
  /** Absolute URL of the site root, ending in the base path. */
  readonly url: string;
}

/**
 * Registers hooks that start Chromium (with `chromiumArgs` besides the project's flags) and serve
 * `root` (default: the build under test) before the file's tests, and close both after them. Hooks
 * the file registers later run after these, so they can already use the browser.
 */
export function serveSiteInChromium(
  options: ServeOptions = { root: SITE_DIST },
  chromiumArgs: string[] = [],
): ServedSite {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(chromiumArgs), startServer(options)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('serveSiteInChromium: used before its beforeAll hook ran');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get server() {
      return started(server);
    },
    get url() {
      return started(server).url;
    },
  };
}

/** Whether the top of the element `selector` names lies inside the viewport (a link landed there). */
export function startsInViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
}
