/**
 * Accessibility in a real browser: axe-core finds zero violations on the home page, a report, the
 * search page with results showing and the about page, in the light and the dark theme; and a
 * keyboard-only reader can skip to the text, use a report's table of contents and search.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { serveSiteInChromium, startsInViewport } from '../helpers/site.ts';
import { ABOUT_PAGE, REAL_REPORT_PATH, reportPage } from '../helpers/pages.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SEARCH_QUERY = '党建';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const site = serveSiteInChromium();

type Theme = 'light' | 'dark' | 'system dark';

/**
 * Opens a context whose pages start with the given saved theme, as a returning reader's would;
 * `system dark` saves nothing and lets the CSS follow a dark system setting (a separate code path).
 */
async function openThemedContext(theme: Theme): Promise<BrowserContext> {
  // axe is injected as a script; the page's own CSP would (rightly) block it, so this context
  // bypasses CSP — the CSP suite checks the pages under the policy.
  const colorScheme = theme === 'light' ? 'light' : 'dark';
  const context = await site.browser.newContext({
    bypassCSP: true,
    colorScheme,
    viewport: { width: 1280, height: 900 },
  });
  if (theme !== 'system dark')
    await context.addInitScript((value) => window.localStorage.setItem('xf-theme', value), theme);
  return context;
}

async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

const PAGES: { name: string; path: string; ready?: string; act?: (page: Page) => Promise<void> }[] =
  [
    { name: 'home', path: '' },
    { name: 'report', path: reportPage('05') },
    {
      name: 'report with the header search open',
      path: reportPage('05'),
      act: async (page) => {
        const box = page.getByRole('searchbox', { name: '搜索全文' }).first();
        await box.focus();
        await box.fill(SEARCH_QUERY);
      },
      ready: 'header a[href*="?hl="]',
    },
    // Results render from script; wait for a hit link (a hit links to …/2025-zk/NN/?hl=…#…).
    {
      name: 'search with results',
      path: `search/?q=${encodeURIComponent(SEARCH_QUERY)}`,
      ready: 'main a[href*="?hl="]',
    },
    { name: 'about', path: ABOUT_PAGE },
  ];

describe.each<Theme>(['light', 'dark', 'system dark'])('axe-core in the %s theme', (theme) => {
  test.each(PAGES)('$name has no violations', async ({ name, path, ready, act }) => {
    const context = await openThemedContext(theme);
    const page = await context.newPage();
    try {
      await withScreenshotOnFailure(page, `a11y-${theme}-${name}`, async () => {
        await page.goto(site.url + path, { waitUntil: 'load' });
        await act?.(page);
        if (ready) await page.locator(ready).first().waitFor({ timeout: 15_000 });
        // The saved theme must really apply, or the dark run would test the light page twice.
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(
          theme === 'system dark' ? undefined : theme,
        );
        // … and the page must really look that way, or axe would check the same colours twice.
        const brightness = await page.evaluate(() => {
          for (const element of [document.body, document.documentElement]) {
            const [red = 0, green = 0, blue = 0, alpha = 1] = (
              getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []
            ).map(Number);
            if (alpha > 0) return (red + green + blue) / 3;
          }
          return 255;
        });
        if (theme === 'light') expect(brightness).toBeGreaterThan(160);
        else expect(brightness).toBeLessThan(96);
        expect(await runAxe(page)).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });
});

describe('keyboard-only reading', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  const focused = (): Promise<{
    tag: string;
    text: string;
    href: string | null;
    inMain: boolean;
    inToc: boolean;
    isSearch: boolean;
  }> =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        text: element?.textContent.trim() ?? '',
        href: element?.getAttribute('href') ?? null,
        inMain: Boolean(element?.closest('main')),
        inToc: Boolean(element?.closest('nav.toc')),
        isSearch:
          element?.matches('input[type="search"], input[role="searchbox"], [role="combobox"]') ??
          false,
      };
    });

  /** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
  async function tabUntil(
    predicate: (state: Awaited<ReturnType<typeof focused>>) => boolean,
    limit = 40,
  ): Promise<void> {
    for (let count = 0; count < limit; count += 1) {
      await page.keyboard.press('Tab');
      if (predicate(await focused())) return;
    }
    throw new Error(
      `focus never reached the target in ${limit} Tab presses; last: ${JSON.stringify(await focused())}`,
    );
  }

  test('the first Tab reaches the skip link, and following it moves focus into main', async () => {
    await withScreenshotOnFailure(page, 'keyboard-skip-link', async () => {
      await page.goto(site.url + reportPage('05'));
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', text: '跳到正文', href: '#main' });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect((await focused()).inMain).toBe(true);
    });
  });

  test('a table-of-contents link is reachable by Tab and Enter moves the reader to its section', async () => {
    await withScreenshotOnFailure(page, 'keyboard-toc', async () => {
      await page.goto(site.url + reportPage('05'));
      await tabUntil(
        (state) => state.inToc && (state.tag === 'summary' || (state.href ?? '').startsWith('#s')),
      );
      if ((await focused()).tag === 'summary') {
        // Collapsed on this width: open it from the keyboard, then go on to the first link.
        if (
          !(await page.evaluate(
            () => (document.activeElement?.parentElement as HTMLDetailsElement).open,
          ))
        )
          await page.keyboard.press('Enter');
        await tabUntil((state) => state.inToc && (state.href ?? '').startsWith('#s'));
      }
      const href = (await focused()).href as string;
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      await expect.poll(() => startsInViewport(page, href)).toBe(true);
    });
  });

  test('the search box is reachable by Tab, and its results open a report from the keyboard', async () => {
    await withScreenshotOnFailure(page, 'keyboard-search', async () => {
      await page.goto(site.url);
      await tabUntil((state) => state.isSearch);
      await page.keyboard.type(SEARCH_QUERY);
      await page.keyboard.press('Enter');
      // Enter either submits to the search page or opens the highlighted result; both are fine,
      // as long as the keyboard alone gets the reader to a report.
      await page.waitForURL(new RegExp(`/search/\\?q=|${REAL_REPORT_PATH}`), { timeout: 15_000 });
      if (page.url().includes('/search/')) {
        await page.locator('main a[href*="?hl="]').first().waitFor({ timeout: 15_000 });
        await tabUntil((state) => state.inMain && (state.href ?? '').includes('?hl='), 80);
        await page.keyboard.press('Enter');
      }
      await page.waitForURL(new RegExp(`${REAL_REPORT_PATH}\\?hl=`), { timeout: 15_000 });
    });
  });
});
