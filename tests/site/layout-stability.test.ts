/**
 * Visual stability (Lighthouse's CLS, measured in the test instead of by Lighthouse, which is too
 * slow and noisy for CI): content that scripts add after first paint — search results, the reading
 * settings, a landing highlight — must not push what the reader already sees. Google calls a
 * cumulative layout shift under 0.1 good; the search page scored 0.52 before its results area
 * reserved the height of the viewport.
 */
import { describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { serveSiteInChromium } from '../helpers/site.ts';
import { reportPage } from '../helpers/pages.ts';

const GOOD_CLS = 0.1;

const site = serveSiteInChromium();

const CASES = [
  {
    name: 'search results',
    path: `search/?q=${encodeURIComponent('社区')}`,
    ready: 'main a[href*="?hl="]',
  },
  {
    name: 'a landing highlight',
    path: `${reportPage('05')}?hl=${encodeURIComponent('社区')}#p1-1-1`,
    ready: 'main mark',
  },
  { name: 'a report', path: reportPage('03'), ready: 'main' },
  { name: 'home', path: '', ready: 'main' },
];
const VIEWPORTS = [
  { label: 'desktop', width: 1350, height: 940 },
  { label: 'phone', width: 412, height: 823 },
];

describe.each(VIEWPORTS)('layout shift on a $label screen', (viewport) => {
  test.each(CASES)('$name stays under 0.1', async ({ name, path, ready }) => {
    const page = await site.browser.newPage({ viewport });
    try {
      await withScreenshotOnFailure(page, `cls-${viewport.label}-${name}`, async () => {
        await page.addInitScript(() => {
          const store = window as unknown as { __shifts: string[]; __cls: number };
          store.__shifts = [];
          store.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as {
              value: number;
              hadRecentInput: boolean;
              sources: { node?: Node | null }[];
            }[]) {
              if (entry.hadRecentInput) continue;
              store.__cls += entry.value;
              store.__shifts.push(
                `${entry.value.toFixed(3)} ${entry.sources.map((source) => (source.node as Element | null)?.className ?? '?').join(', ')}`,
              );
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(site.url + path, { waitUntil: 'networkidle' });
        await page.locator(ready).first().waitFor({ timeout: 15_000 });
        await page.waitForTimeout(300);
        const { cls, shifts } = await page.evaluate(() => {
          const store = window as unknown as { __shifts: string[]; __cls: number };
          return { cls: store.__cls, shifts: store.__shifts };
        });
        expect(cls, shifts.join('; ')).toBeLessThan(GOOD_CLS);
      });
    } finally {
      await page.close();
    }
  });
});
