/**
 * The pages as a whole, in Chromium at a phone's 360 px (touch) and a desktop's 1440 px, light and
 * dark (issue 11, items 6, 9, 10 and 13): titles and navigation entries never end on a lone
 * character, the search page is dressed like the other pages, the share button stands by the
 * selection, and the cover's conventions show. Every context also writes the screenshots of home,
 * a report, search and about to tests/artifacts/screenshots/ (16 files, named page-width-theme).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { serveSiteInChromium } from '../helpers/site.ts';
import { editionAboutPath, homePath, reportPath, searchPagePath } from '../../src/lib/urls.ts';
import { REAL_EDITION } from '../helpers/pages.ts';
import { loadSuiteReports } from '../../scripts/lib/search-suite.ts';

const site = serveSiteInChromium();
const SCREENSHOTS = join('tests', 'artifacts', 'screenshots');
const SIZES = [
  { width: 360, height: 740, touch: true },
  { width: 1440, height: 900, touch: false },
] as const;
const THEMES = ['light', 'dark'] as const;
type Size = (typeof SIZES)[number];
type Theme = (typeof THEMES)[number];
const REPORT_IDS = loadSuiteReports().map((report) => report.id);
const QUERY = '社区';

/** Address of a page under the site's base, from src/lib/urls.ts like every other address. */
const at = (path: (base: string) => string): string =>
  new URL(path(new URL(site.url).pathname), site.url).href;

// One context per size and theme, opened when a test first needs it.
const contexts = new Map<string, Promise<BrowserContext>>();
function pageFor(size: Size, theme: Theme): Promise<Page> {
  const key = `${size.width}-${theme}`;
  let context = contexts.get(key);
  if (!context) {
    context = site.browser.newContext({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.touch,
      isMobile: size.touch,
      colorScheme: theme,
    });
    contexts.set(key, context);
  }
  return context.then(async (opened) => opened.pages()[0] ?? (await opened.newPage()));
}
afterAll(async () => {
  await Promise.all([...contexts.values()].map(async (context) => (await context).close()));
});

/** Saves what the window shows (not the whole page: cheap, and the top is what a reader judges). */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Lists the titles among `selector` whose last line holds fewer than three letters (punctuation
 * and spaces do not count): each character's line is read from the rectangle of its own range.
 * `text-wrap: pretty` is switched off first, as Chrome 86, Safari 14 and Firefox 115 lack it, so
 * what is measured is the build's own keeping-together, which holds whatever wraps the line.
 */
function findOrphans(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    // The phone's section list is a closed <details>: open it, as a reader would, to measure it.
    for (const details of document.querySelectorAll('details')) details.open = true;
    for (const title of document.querySelectorAll<HTMLElement>(selector)) {
      title.style.setProperty('text-wrap', 'wrap');
      const letters: [Text, number][] = [];
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.permalink')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text) {
        for (let index = 0; index < node.data.length; index += 1)
          if (!/[\s\p{P}]/u.test(node.data[index] ?? '')) letters.push([node, index]);
      }
      const lineOf = ([node, index]: [Text, number]): number => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rects = range.getClientRects();
        return rects[rects.length - 1]?.bottom ?? Number.NaN;
      };
      const last = letters[letters.length - 1];
      const first = letters[0];
      if (!last || !first) continue;
      const lastLine = lineOf(last);
      if (Number.isNaN(lastLine)) found.push(`${title.textContent.trim()} (not laid out)`);
      const half = parseFloat(getComputedStyle(title).fontSize) / 2;
      if (Math.abs(lineOf(first) - lastLine) < half) continue;
      let onLastLine = 1;
      while (
        onLastLine < letters.length &&
        Math.abs(lineOf(letters[letters.length - 1 - onLastLine]!) - lastLine) < half
      )
        onLastLine += 1;
      if (onLastLine < 3) found.push(`${title.textContent.trim()} (${onLastLine})`);
    }
    return found;
  }, selector);
}

const TITLES = '.report-title, .report-body h2, .report-body h3, .toc a, .pager-title';

test('no title, section entry or pager title ends with a lone character at 360 or 1440 px', async () => {
  const page = await pageFor(SIZES[1], 'light');
  await withScreenshotOnFailure(page, 'pages-orphans', async () => {
    const orphans: string[] = [];
    const visit = async (url: string, selector: string): Promise<void> => {
      // The stylesheets are in by then: the page's module scripts wait for them.
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      for (const { width, height } of [...SIZES].reverse()) {
        await page.setViewportSize({ width, height });
        orphans.push(...(await findOrphans(page, selector)).map((title) => `${width}: ${title}`));
      }
    };
    await visit(at(homePath), '.contents-title');
    for (const id of REPORT_IDS)
      await visit(
        at((base) => reportPath(base, { edition: REAL_EDITION, id })),
        TITLES,
      );
    expect(orphans).toEqual([]);
  });
});

describe.each(SIZES)('at $width px', (size) => {
  test('the share button stands by the selection, clear of the native selection menu', async () => {
    const page = await pageFor(size, 'light');
    await withScreenshotOnFailure(page, `pages-share-${size.width}`, async () => {
      await page.goto(at((base) => reportPath(base, { edition: REAL_EDITION, id: '05' })));
      const selection = await page.evaluate(() => {
        const paragraph = document.getElementById('p2-1-1')!;
        paragraph.scrollIntoView({ block: 'center' });
        const text = paragraph.lastChild!;
        const range = document.createRange();
        range.setStart(text, 4);
        range.setEnd(text, 30);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        const box = range.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
      });
      const button = page.getByRole('button', { name: '分享所选文字' });
      await button.waitFor({ state: 'visible' });
      const box = (await button.boundingBox())!;
      // Inside the viewport, over none of the selected text, and no more than a line away from it.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      const above = selection.top - (box.y + box.height);
      const below = box.y - selection.bottom;
      expect(Math.max(above, below), JSON.stringify({ box, selection })).toBeGreaterThanOrEqual(0);
      expect(Math.max(above, below), JSON.stringify({ box, selection })).toBeLessThan(60);
      expect(box.x + box.width).toBeGreaterThan(selection.left);
      expect(box.x).toBeLessThan(selection.right);
      // Phones draw their own copy menu above a selection: ours goes below, past the drag handles.
      if (size.touch) expect(below).toBeGreaterThanOrEqual(16);
      await page.evaluate(() => getSelection()?.removeAllRanges());
    });
  });
});

/** Computed styles of the first element `selector` names, with the site's colour tokens resolved. */
function measure(page: Page, selectors: Record<string, string>) {
  return page.evaluate((selectors) => {
    const token = (name: string): string => {
      const probe = document.createElement('i');
      probe.style.color = `var(${name})`;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const styles = Object.fromEntries(
      Object.entries(selectors).map(([key, selector]) => {
        const element = document.querySelector(selector)!;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return [
          key,
          {
            fontFamily: style.fontFamily,
            fontSize: style.fontSize,
            background: style.backgroundColor,
            color: style.color,
            border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
            left: Math.round(box.left),
            top: Math.round(box.top),
            right: Math.round(box.right),
          },
        ];
      }),
    );
    return { styles, bg: token('--bg'), fg: token('--fg'), rule: token('--rule') };
  }, selectors);
}

describe.each(SIZES)('at $width px', (size) => {
  describe.each(THEMES)('in the %s theme', (theme) => {
    test('the search page is dressed like the about page and its own header', async () => {
      const page = await pageFor(size, theme);
      await withScreenshotOnFailure(page, `pages-search-${size.width}-${theme}`, async () => {
        await page.goto(at((base) => editionAboutPath(base, REAL_EDITION)));
        const about = await measure(page, { title: 'main h1' });
        await screenshot(page, `about-${size.width}-${theme}`);

        await page.goto(at((base) => searchPagePath(base, QUERY)));
        await page.locator('main .search-result').first().waitFor();
        const search = await measure(page, {
          title: 'main h1',
          form: 'main form',
          input: 'main input[type="search"]',
          select: 'main select',
          button: 'main form button',
          main: 'main',
        });
        await screenshot(page, `search-${size.width}-${theme}`);

        const { title, form, input, select, button } = search.styles;
        expect(title, 'the page title').toEqual(about.styles.title);
        expect(form?.left, 'the form lines up with the title').toBe(title?.left);
        for (const [name, field] of Object.entries({ input, select })) {
          expect(field?.background, name).toBe(search.bg);
          expect(field?.color, name).toBe(search.fg);
          expect(field?.border, name).toBe(`1px solid ${search.rule}`);
        }
        expect(button?.border).toBe(`1px solid ${search.rule}`);
        // The button stays on the row of its field, even on a phone.
        expect(Math.abs((button?.top ?? 0) - (input?.top ?? 0))).toBeLessThanOrEqual(2);
        expect(button?.right).toBeLessThanOrEqual(size.width - (title?.left ?? 0));
      });
    });

    test('home and a report fit the width without sideways scroll, in the theme asked for', async () => {
      const page = await pageFor(size, theme);
      const pages = {
        home: at(homePath),
        'report-05': at((base) => reportPath(base, { edition: REAL_EDITION, id: '05' })),
      };
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        await screenshot(page, `${name}-${size.width}-${theme}`);
        const shown = await page.evaluate(() => {
          // Relative luminance of an `rgb(…)` colour, enough to tell a dark ground from a light one.
          const luminance = (colour: string): number => {
            const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const style = getComputedStyle(document.body);
          return {
            overflow: document.documentElement.scrollWidth - innerWidth,
            darkGround: luminance(style.backgroundColor) < luminance(style.color),
          };
        });
        expect(shown, name).toEqual({ overflow: 0, darkGround: theme === 'dark' });
      }
    });
  });
});

describe('conventions of the printed issue', () => {
  test('the cover notice shows and the collection title reads without its print-layout space', async () => {
    const page = await pageFor(SIZES[1], 'light');
    await withScreenshotOnFailure(page, 'pages-conventions-home', async () => {
      await page.goto(at(homePath));
      await expect(page.getByText('【内部资料 免费交流】').isVisible()).resolves.toBe(true);
      const title = await page.locator('h1').textContent();
      expect(title).toContain('课题研究优秀成果汇编');
      expect(title).not.toMatch(/\p{sc=Han}\s+\p{sc=Han}/u);
      await page.goto(at((base) => editionAboutPath(base, REAL_EDITION)));
      const about = await page.locator('main').textContent();
      expect(about).not.toMatch(/[「」]/);
      expect(about).toContain('内部资料 免费交流');
      expect(about).toMatch(/“2025 ?年全市机关党建课题研究优秀成果汇编”/);
    });
  });

  test('search excerpts are cut with the Chinese ellipsis ……', async () => {
    const page = await pageFor(SIZES[1], 'light');
    await withScreenshotOnFailure(page, 'pages-conventions-excerpts', async () => {
      await page.goto(at((base) => searchPagePath(base, QUERY)));
      await page.locator('main .search-excerpt').first().waitFor();
      const excerpts = await page.locator('main .search-excerpt').allTextContents();
      expect(excerpts.some((excerpt) => excerpt.includes('……'))).toBe(true);
      expect(excerpts.filter((excerpt) => /(^|[^…])…([^…]|$)/u.test(excerpt))).toEqual([]);
    });
  });
});
