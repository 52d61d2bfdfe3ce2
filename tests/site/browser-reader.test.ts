/**
 * The reader in a real browser (Debian Chromium via playwright-core) against the built site:
 * navigating by the table of contents, arriving by a paragraph link below the sticky header,
 * copying section, paragraph, selection and citation links, previous/next, reading settings that
 * persist and apply before first paint, continue-reading, no horizontal scrolling on a phone,
 * print without chrome, and nothing fetched from another origin.
 *
 * Serves `dist/` (built once by the `site` project's global setup); set XINFENG_DIST to serve
 * another build while iterating, and BASE_PATH when that build is for a sub-path.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, withScreenshotOnFailure } from '../helpers/browser.ts';
import { startsInViewport } from '../helpers/site.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { ABOUT_PAGE, reportPage } from '../helpers/pages.ts';

const DIST = process.env.XINFENG_DIST ?? 'dist';
const REPORT = reportPage('05');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1440, height: 900 };

let browser: Browser;
let server: RunningServer;
let origin: string;
/** Absolute URL of the report under test, e.g. `http://127.0.0.1:4321/2025-zk/05/`. */
let reportUrl: string;
/** Path of a page under the base path, e.g. `/xinfeng/2025-zk/06/`. */
const pathOf = (path: string): string => new URL(path, server.url).pathname;
/** One list per context, filled as its pages load. */

beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchChromium(),
    startServer({ root: DIST, base: process.env.BASE_PATH }),
  ]);
  origin = new URL(server.url).origin;
  reportUrl = new URL(REPORT, server.url).href;
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/**
 * Opens a fresh context (own storage, clipboard permission for the site) and runs `check` on a
 * page of it, saving a screenshot if the check fails.
 */
async function withPage(
  name: string,
  check: (page: Page, context: BrowserContext) => Promise<void>,
  viewport = DESKTOP,
  touch = false,
): Promise<void> {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  try {
    await withScreenshotOnFailure(page, `browser-reader-${name}`, () => check(page, context));
  } finally {
    await context.close();
  }
}

/** Bottom edge of the site header while it covers content (0 when it has scrolled away). */
function headerBottom(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0),
  );
}

/** Asserts that the element with `id` starts below the sticky header and inside the viewport. */
async function expectBelowHeader(page: Page, id: string): Promise<void> {
  await expect
    .poll(async () => {
      const box = await page.locator(`[id="${id}"]`).boundingBox();
      const top = await headerBottom(page);
      const height = page.viewportSize()?.height ?? 0;
      return box !== null && box.y >= top && box.y < height;
    })
    .toBe(true);
}

/** Waits until the page's live region says `message`. */
async function expectAnnounced(page: Page, message: string): Promise<void> {
  await expect.poll(() => page.getByRole('status').textContent()).toBe(message);
}

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('reading a report', () => {
  test('goes from the home page to a report and to a section through the table of contents', async () => {
    await withPage('toc', async (page) => {
      await page.goto(server.url);
      await page
        .getByRole('link', { name: /深化作风建设/ })
        .first()
        .click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(pathOf(REPORT));

      const toc = page.getByRole('navigation', { name: '本文目录' });
      const sectionLink = toc.getByRole('link', { name: /^三、/ });
      await sectionLink.click();
      expect(new URL(page.url()).hash).toBe('#s3');
      await expectBelowHeader(page, 's3');
      // The header really is sticky here, so "below the header" is a real constraint.
      expect(await headerBottom(page)).toBeGreaterThan(0);
      // Scroll-spy marks the section now being read.
      await expect.poll(() => sectionLink.getAttribute('aria-current')).toBe('location');

      // Back returns to the top of the report, as a fragment navigation should.
      await page.goBack();
      expect(new URL(page.url()).hash).toBe('');
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    });
  });

  test('lands a paragraph link below the header and marks the paragraph', async () => {
    await withPage('paragraph-link', async (page) => {
      await page.goto(`${reportUrl}#p3-2-1`);
      await expectBelowHeader(page, 'p3-2-1');
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
      const animation = await page
        .locator('#p3-2-1')
        .evaluate((element) => getComputedStyle(element).animationName);
      expect(animation).not.toBe('none');
    });
  });

  test('opens the previous and next report', async () => {
    await withPage('pager', async (page) => {
      await page.goto(reportUrl);
      const pager = page.getByRole('navigation', { name: '上一篇与下一篇' });
      await pager.getByRole('link', { name: /下一篇/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(pathOf(reportPage('06')));
      await page
        .getByRole('navigation', { name: '上一篇与下一篇' })
        .getByRole('link', { name: /上一篇/ })
        .click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(pathOf(reportPage('05')));
    });
  });
});

describe('copying links', () => {
  test('copies the absolute URL of a section without moving the page', async () => {
    await withPage('copy-section', async (page) => {
      await page.goto(reportUrl);
      const heading = page.getByRole('heading', { name: /^二、/ });
      await heading.hover();
      const before = await page.evaluate(() => scrollY);
      expect(before).toBeGreaterThan(0);
      await heading.getByRole('link', { name: '本节链接' }).click();
      await expectAnnounced(page, '链接已复制');
      expect(await readClipboard(page)).toBe(`${reportUrl}#s2`);
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.evaluate(() => scrollY)).toBe(before);
    });
  });

  test('copies a passage across a heading as text alone, with no # of the link controls', async () => {
    await withPage('copy-across-heading', async (page) => {
      await page.goto(reportUrl);
      await page.locator('#p1-1-1').hover();
      await page.evaluate(() => {
        // From before the heading to the end of its first paragraph, the paragraph button inside.
        const range = document.createRange();
        range.setStartBefore(document.getElementById('s1-1')!);
        range.setEndAfter(document.getElementById('p1-1-1')!);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await page.keyboard.press('Control+C');
      const copied = await readClipboard(page);
      const heading = (await page.locator('#s1-1').textContent()) ?? '';
      expect(heading).toMatch(/^（一）/);
      expect(copied).toContain(`${heading}\n`);
      expect(copied).not.toContain('#');
    });
  });

  test('copies a paragraph link from the button that follows the pointer', async () => {
    await withPage('copy-paragraph', async (page) => {
      await page.goto(reportUrl);
      const paragraph = page.locator('#p1-1-1');
      await paragraph.scrollIntoViewIfNeeded();
      await paragraph.hover();
      const button = paragraph.getByRole('button', { name: '复制段落链接' });
      // The label comes from CSS, so selections and shared text never pick it up.
      expect(await paragraph.textContent()).not.toContain('复制段落链接');
      const box = await button.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
      await button.click();
      await expectAnnounced(page, '链接已复制');
      expect(await readClipboard(page)).toBe(`${reportUrl}#p1-1-1`);
    });
  });

  test('copies the GB/T 7714—2025 reference', async () => {
    await withPage('copy-citation', async (page) => {
      await page.goto(reportUrl);
      const reference = (await page.locator('#cite-gbt2025').textContent())?.trim();
      await page.getByRole('button', { name: '复制', exact: true }).first().click();
      await expectAnnounced(page, '引文已复制');
      expect(await readClipboard(page)).toBe(reference);
    });
  });

  // Offsets 2 and 41 of p4-3-1 fall inside 基层 and inside 问题: Chromium matches only whole words.
  test.each([
    {
      passage: 'a long passage',
      from: ['p4-3-1', 2],
      to: ['p4-3-1', 41],
      directive: /^text=[^,&]+,[^,&]+$/,
    },
    {
      passage: 'a short passage',
      from: ['p4-3-1', 2],
      to: ['p4-3-1', 9],
      directive: /^text=[^,&]+$/,
    },
    {
      passage: 'a passage across two paragraphs',
      from: ['p1-2-1', 40],
      to: ['p1-2-2', 12],
      directive: /^text=[^,&]+,[^,&]+$/,
    },
  ] as const)(
    'shares $passage as a text-fragment link that reopens on it',
    async ({ passage, from, to, directive }) => {
      await withPage(`share-${passage}`, async (page, context) => {
        await page.goto(reportUrl);
        // Select as a hand would, from inside one word to inside another.
        await page.evaluate(
          ([[startId, startOffset], [endId, endOffset]]) => {
            // The paragraph's last text node: a numbered paragraph opens with its lead-in <strong>.
            const textOf = (id: string): Node => document.getElementById(id)!.lastChild!;
            const range = document.createRange();
            range.setStart(textOf(startId), startOffset);
            range.setEnd(textOf(endId), endOffset);
            getSelection()?.removeAllRanges();
            getSelection()?.addRange(range);
          },
          [from, to] as const,
        );
        await page.getByRole('button', { name: '分享所选文字' }).click();
        await expectAnnounced(page, '链接已复制');
        const link = await readClipboard(page);
        const prefix = `${reportUrl}#${from[0]}:~:`;
        expect(link.startsWith(prefix), link).toBe(true);
        expect(link.slice(prefix.length)).toMatch(directive);

        // Opening the link lands on the passage. Without the fallback id the page scrolls only if
        // Chromium matched the text itself, so this proves the directive (word boundaries included).
        const reader = await context.newPage();
        for (const url of [link.replace(`#${from[0]}:~:`, '#:~:'), link]) {
          await reader.goto('about:blank');
          await reader.goto(url);
          await expect
            .poll(() => reader.evaluate(() => scrollY), { message: url })
            .toBeGreaterThan(0);
          const box = await reader.locator(`#${from[0]}`).boundingBox();
          expect(box && box.y + box.height > 0 && box.y < DESKTOP.height).toBe(true);
        }
      });
    },
  );
});

/**
 * Swipes a finger up the middle of the screen by `distance` px, a move every 16 ms, and holds it
 * still for 300 ms before lifting, so the page scrolls by the distance and does not fling on.
 */
async function swipeUp(page: Page, distance: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const x = PHONE.width / 2;
  const from = PHONE.height - 60;
  let time = Date.now() / 1000;
  const touch = (type: string, y?: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type: type as 'touchStart',
      touchPoints: y === undefined ? [] : [{ x, y }],
      timestamp: time,
    });
  await touch('touchStart', from);
  for (let y = from - 50; y >= from - distance; y -= 50) {
    time += 0.016;
    await touch('touchMove', y);
  }
  time += 0.3;
  await touch('touchMove', from - distance);
  await touch('touchEnd');
  await cdp.detach();
}

/** How much of the element `selector` names lies in the viewport below the reading bar, in px. */
function seenHeight(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const bar = document.querySelector('.reader-bar')!.getBoundingClientRect();
    return Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, bar.bottom));
  });
}

describe('on a phone', () => {
  test('covers no text until a tap, then marks the tapped block and copies the link of that block only while it is in sight', async () => {
    await withPage(
      'phone-reading-bar',
      async (page) => {
        await page.goto(reportUrl);
        const bar = page.locator('.reader-bar');
        const copyButton = page.getByRole('button', { name: /^复制.*链接$/, includeHidden: true });
        // Nothing floats over the text on arrival, and headings carry no bare "#".
        expect(await copyButton.count()).toBeGreaterThan(0);
        expect(await copyButton.filter({ visible: true }).count()).toBe(0);
        expect(await page.locator('#s3-2 .permalink').isVisible()).toBe(false);

        // To a subsection through the section list: still nothing covers the text.
        await page.getByText('本文目录', { exact: true }).first().tap();
        await page.getByRole('navigation', { name: '本文目录' }).locator('a[href="#s3-2"]').tap();
        await expect.poll(() => new URL(page.url()).hash).toBe('#s3-2');
        expect(await copyButton.filter({ visible: true }).count()).toBe(0);

        // A tap marks the paragraph, and the bar's button copies its link.
        await page.locator('#p3-2-1').tap();
        await expect.poll(() => bar.isVisible()).toBe(true);
        const marks = await page.evaluate(() =>
          ['p3-2-1', 'p4-1-1'].map(
            (id) => getComputedStyle(document.getElementById(id)!).backgroundColor,
          ),
        );
        expect(marks[0]).not.toBe(marks[1]);
        expect(await seenHeight(page, '#p3-2-1')).toBeGreaterThan(0);
        await bar.getByRole('button', { name: '复制链接' }).tap();
        await expectAnnounced(page, '链接已复制');
        expect(await readClipboard(page)).toBe(`${reportUrl}#p3-2-1`);
        expect(await bar.isVisible()).toBe(false);

        // A heading the bar would cover comes out below it, and its link is the section's.
        await page.locator('#s3-2').tap();
        await expect.poll(() => bar.isVisible()).toBe(true);
        expect(await seenHeight(page, '#s3-2')).toBeGreaterThan(0);
        await bar.getByRole('button', { name: '复制链接' }).tap();
        await expect.poll(() => readClipboard(page)).toBe(`${reportUrl}#s3-2`);

        // Swiping on: the bar stays while the marked paragraph is in sight, and goes with it.
        await page.locator('#p3-2-1').tap();
        const inSight = () =>
          page.evaluate(() => {
            const box = document.getElementById('p3-2-1')!.getBoundingClientRect();
            const bar = document.querySelector<HTMLElement>('.reader-bar')!;
            return { seen: box.bottom > bar.getBoundingClientRect().bottom, bar: !bar.hidden };
          });
        const states = [];
        for (let swipe = 0; swipe < 5 && (states.at(-1)?.seen ?? true); swipe += 1) {
          const before = await page.evaluate(() => scrollY);
          await swipeUp(page, 300);
          await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before + 200);
          states.push(await inSight());
        }
        expect(
          states.every((state) => state.bar === state.seen),
          JSON.stringify(states),
        ).toBe(true);
        expect(states[0]).toEqual({ seen: true, bar: true });
        expect(states.at(-1)?.seen).toBe(false);

        // The bar leads to the section list, opened, and to the top.
        const paragraph = page.locator('.report-body p[id]').filter({ visible: true });
        await page.locator('#p4-1-1').tap();
        await bar.getByRole('link', { name: '本文目录' }).tap();
        await expect
          .poll(() =>
            page
              .getByRole('navigation', { name: '本文目录' })
              .getByRole('link', { name: /^一、/ })
              .isVisible(),
          )
          .toBe(true);
        expect(await startsInViewport(page, '#toc')).toBe(true);
        await paragraph.first().tap();
        await bar.getByRole('link', { name: '回到顶部' }).tap();
        await expect.poll(() => startsInViewport(page, 'h1')).toBe(true);
      },
      PHONE,
      true,
    );
  });

  test('keeps the page range, the search box and the hit bar whole at the largest font size', async () => {
    await withPage(
      'phone-largest-font',
      async (page) => {
        await page.addInitScript(() => localStorage.setItem('xf-font-size', '5'));
        await page.goto(`${reportUrl}?hl=${encodeURIComponent('基层治理')}`);
        await page.getByRole('region', { name: '搜索命中' }).waitFor();
        const shown = await page.evaluate(() => {
          // Lines the printed range `第 19–23 页` runs over in the title block.
          const kicker = document.querySelector('.report-kicker')!;
          const walker = document.createTreeWalker(kicker, NodeFilter.SHOW_TEXT);
          let rangeLines = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const start = (node as Text).data.indexOf('第');
            if (start < 0) continue;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, (node as Text).data.indexOf('页') + 1);
            rangeLines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
              .size;
          }
          const input = document.querySelector<HTMLInputElement>('.search-box input')!;
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontSize} ${style.fontFamily}`;
          const status = document.querySelector('.search-hit-status')!;
          return {
            rangeLines,
            placeholder: input.placeholder,
            placeholderFits:
              context.measureText(input.placeholder).width <=
              input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            keyHint: getComputedStyle(input.form!, '::after').content,
            status: status.textContent,
            statusWhole: status.scrollWidth <= status.clientWidth,
          };
        });
        expect(shown).toEqual({
          rangeLines: 1,
          placeholder: '搜索全文',
          placeholderFits: true,
          keyHint: 'none',
          status: '第 1/31 处 “基层治理”',
          statusWhole: true,
        });
      },
      PHONE,
      true,
    );
  });
});

describe('section navigation on a wide screen', () => {
  test('keeps the entry of the section being read in view in the long reports, without moving the page', async () => {
    await withPage(
      'toc-in-view',
      async (page) => {
        for (const report of ['01', '07', '08']) {
          await page.goto(new URL(`reports/${report}/`, server.url).href);
          // To the last subsection, far below what the navigation shows at first.
          const scrolled = await page.evaluate(() => {
            const headings = document.querySelectorAll('.report-body h2[id], .report-body h3[id]');
            headings[headings.length - 1]!.scrollIntoView();
            return scrollY;
          });
          const nav = page.getByRole('navigation', { name: '本文目录' });
          const current = nav.locator('a[aria-current]');
          await expect
            .poll(() => current.getAttribute('href'), { message: report })
            .toBe(await nav.locator('a').last().getAttribute('href'));
          await expect
            .poll(
              () =>
                current.evaluate((entry) => {
                  const box = entry.getBoundingClientRect();
                  const frame = entry.closest('details')!.getBoundingClientRect();
                  return box.top >= frame.top && box.bottom <= Math.min(frame.bottom, innerHeight);
                }),
              { message: report },
            )
            .toBe(true);
          expect(await page.evaluate(() => scrollY), report).toBe(scrolled);
        }
        // The key that focuses the search box is shown where there is a keyboard.
        expect(
          await page.evaluate(
            () => getComputedStyle(document.querySelector('.search-box')!, '::after').content,
          ),
        ).toBe('"/"');
      },
      WIDE,
    );
  });
});

describe('reading settings', () => {
  test('keeps theme and font size across a reload and applies them before first paint', async () => {
    await withPage('settings', async (page) => {
      await page.goto(reportUrl);
      const sizeBefore = await page.evaluate(
        () => getComputedStyle(document.documentElement).fontSize,
      );
      await page.getByText('阅读设置').click();
      await page.getByRole('radio', { name: '深色' }).check();
      await page.getByRole('radio', { name: '较大' }).check();
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
      ).not.toBe(sizeBefore);

      // Record <html>'s attributes the moment <body> is parsed: after boot.js, before any
      // module script, i.e. what the first paint sees.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          // Typed as always there, but null until the parser reaches <body>.
          if (!(document.body as HTMLElement | null)) return;
          observer.disconnect();
          const html = document.documentElement;
          (window as unknown as { firstPaint: unknown }).firstPaint = [
            html.dataset.theme,
            html.dataset.fontSize,
          ];
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      expect(
        await page.evaluate(() => (window as unknown as { firstPaint: unknown }).firstPaint),
      ).toEqual(['dark', '4']);
      await page.getByText('阅读设置').click();
      expect(await page.getByRole('radio', { name: '深色' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: '较大' }).isChecked()).toBe(true);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.getByRole('radio', { name: '浅色' }).check();
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
        background,
      );

      // The setting is the site's, not the page's.
      await page.goto(`${server.url}${ABOUT_PAGE}`);
      expect(
        await page.evaluate(() => [
          document.documentElement.dataset.theme,
          document.documentElement.dataset.fontSize,
        ]),
      ).toEqual(['light', '4']);

      // "Follow the system" forgets the choice; Escape closes the panel and returns focus.
      await page.getByText('阅读设置').click();
      await page.getByRole('radio', { name: '跟随系统' }).check();
      expect(
        await page.evaluate(() => [
          document.documentElement.hasAttribute('data-theme'),
          localStorage.getItem('xf-theme'),
        ]),
      ).toEqual([false, null]);
      await page.keyboard.press('Escape');
      expect(await page.getByRole('radio', { name: '跟随系统' }).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('阅读设置');
    });
  });

  test('offers to continue where the reader left off, without jumping there', async () => {
    await withPage('continue', async (page) => {
      await page.goto(reportUrl);
      await page.locator('#p3-1-1').evaluate((paragraph) => paragraph.scrollIntoView());
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('xf-pos-05')), { timeout: 5000 })
        .toMatch(/^p3-/);
      const saved = await page.evaluate(() => localStorage.getItem('xf-pos-05'));

      await page.goto(reportUrl);
      const prompt = page.getByRole('link', { name: /^继续阅读：上次读到“.+”$/ });
      await expect.poll(() => prompt.isVisible()).toBe(true);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      // It stands right above the text, not somewhere else in the page grid.
      const [promptBox, firstBox] = await Promise.all([
        prompt.boundingBox(),
        page.locator('#p0-1').boundingBox(),
      ]);
      expect(promptBox!.y).toBeLessThan(firstBox!.y);
      expect(firstBox!.y - promptBox!.y).toBeLessThan(120);
      await prompt.click();
      expect(new URL(page.url()).hash).toBe(`#${saved}`);
      await expectBelowHeader(page, saved!);
      expect(await prompt.count()).toBe(0);

      // The prompt can be dismissed without going anywhere.
      await page.goto(reportUrl);
      await page.getByRole('button', { name: '关闭提示' }).click();
      expect(await prompt.count()).toBe(0);
      expect(new URL(page.url()).hash).toBe('');
    });
  });
});

test('shows no script-only control when JavaScript is off', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await withScreenshotOnFailure(page, 'browser-reader-no-js', async () => {
      await page.goto(reportUrl);
      await page.locator('#p1-1-1').hover();
      expect(await page.getByText('阅读设置').isVisible()).toBe(false);
      for (const name of ['复制段落链接', '复制链接', '分享所选文字', '关闭提示']) {
        expect(await page.getByRole('button', { name }).count(), name).toBe(0);
      }
      // Reading and navigating need no script (wide screens show the contents without it).
      await page
        .getByRole('navigation', { name: '本文目录' })
        .getByRole('link', { name: /^二、/ })
        .click();
      await expectBelowHeader(page, 's2');
    });
  } finally {
    await context.close();
  }
});

describe('layout', () => {
  test.each(['', REPORT, ABOUT_PAGE])('does not scroll sideways at 360 px: /%s', async (path) => {
    await withPage(
      `overflow-${path || 'home'}`,
      async (page) => {
        await page.goto(`${server.url}${path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      },
      PHONE,
    );
  });

  test('keeps the opened settings panel on a 360 px screen', async () => {
    await withPage(
      'settings-phone',
      async (page) => {
        await page.goto(reportUrl);
        await page.getByText('阅读设置').click();
        const box = await page.getByRole('group', { name: '主题' }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      },
      PHONE,
    );
  });

  test('prints a report without header, navigation or buttons', async () => {
    await withPage('print', async (page) => {
      await page.goto(reportUrl);
      await page.locator('#p1-1-1').hover();
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => page.getByRole('banner').isHidden()).toBe(true);
      await expect
        .poll(() => page.getByRole('navigation', { name: '本文目录' }).isHidden())
        .toBe(true);
      await expect
        .poll(() => page.getByRole('navigation', { name: '上一篇与下一篇' }).isHidden())
        .toBe(true);
      // Role queries skip hidden elements: every button exists, none is shown.
      expect(await page.getByRole('button', { includeHidden: true }).count()).toBeGreaterThan(2);
      expect(await page.getByRole('button').count()).toBe(0);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    });
  });
});
