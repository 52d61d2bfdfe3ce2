/**
 * The search as a reader uses it, in Chromium against the built site: the header box and its
 * shortcuts, results as you type without moving the page, the quick jump by pinyin, the search
 * page's URL, filter and keyboard, safe reflection of `?q=`, and landing on a highlighted hit.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { serveSiteInChromium } from '../helpers/site.ts';
import {
  foldForSuite,
  loadSuiteReports,
  reportsContaining,
} from '../../scripts/lib/search-suite.ts';
import { ABOUT_PAGE, reportPage } from '../helpers/pages.ts';

const reports = loadSuiteReports();

const site = serveSiteInChromium();
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
beforeEach(() => {
  dialogs = [];
});

const headerBox = (): ReturnType<Page['getByRole']> =>
  page.getByRole('searchbox', { name: '搜索全文' });
const check = (name: string, body: () => Promise<void>): Promise<void> =>
  withScreenshotOnFailure(page, name, body);

describe('header search box', () => {
  test.each(['', reportPage('05'), ABOUT_PAGE, 'search/'])('is on the page /%s', async (path) => {
    await page.goto(site.url + path);
    await expect(headerBox().count()).resolves.toBe(1);
  });

  test('`/` and Ctrl-K focus it, but `/` typed into a field stays in the field', async () => {
    await check('search-shortcuts', async () => {
      await page.goto(`${site.url}${reportPage('05')}`);
      await page.keyboard.press('/');
      await expect(headerBox().evaluate((input) => input === document.activeElement)).resolves.toBe(
        true,
      );
      await expect(headerBox().inputValue()).resolves.toBe('');
      await headerBox().blur();
      await page.keyboard.press('Control+k');
      await expect(headerBox().evaluate((input) => input === document.activeElement)).resolves.toBe(
        true,
      );
      await page.keyboard.type('a/b');
      await expect(headerBox().inputValue()).resolves.toBe('a/b');
    });
  });

  test('shows results as you type, with the count announced, without moving the page', async () => {
    await check('search-as-you-type', async () => {
      await page.goto(`${site.url}${reportPage('03')}`);
      const before = await page.locator('main').boundingBox();
      await headerBox().focus();
      await headerBox().pressSequentially('康藏路社区', { delay: 30 });
      const status = page.locator('.search-panel .search-status');
      await expect
        .poll(() => status.textContent(), { timeout: 15_000 })
        .toContain('1 篇报告包含“康藏路社区”');
      await expect(status.getAttribute('role')).resolves.toBe('status');
      const hit = page.locator('.search-panel .search-hit-link').first();
      await expect(hit.locator('mark').textContent()).resolves.toBe('康藏路社区');
      expect(await page.locator('main').boundingBox()).toEqual(before);
      await page.keyboard.press('Escape');
      await expect(page.locator('.search-panel').isHidden()).resolves.toBe(true);
    });
  });

  test.each(['xmldc', 'xiaomalache', '小马拉大车'])(
    'quick jump %s offers the 小马拉大车 report',
    async (query) => {
      await check('quick-jump', async () => {
        await page.goto(site.url);
        await headerBox().fill(query);
        const jump = page.locator('.search-panel a.search-jump').first();
        await jump.waitFor({ timeout: 15_000 });
        await expect(jump.textContent()).resolves.toContain('小马拉大车');
        expect(
          new URL(await jump.evaluate((link) => (link as HTMLAnchorElement).href)).pathname,
        ).toBe(`/${reportPage('05')}`);
      });
    },
  );
  test('a query only the quick jump answers names its jumps, and Enter opens the search page with the same', async () => {
    await check('jump-only', async () => {
      await page.goto(site.url);
      await headerBox().fill('xiaomalache');
      const links = (): ReturnType<Page['getByRole']> =>
        page.getByRole('list', { name: '快速跳转' }).getByRole('link');
      const read = (): Promise<string[][]> =>
        links().evaluateAll((found) =>
          found.map((link) => [link.textContent, (link as HTMLAnchorElement).href]),
        );
      await links().first().waitFor({ timeout: 15_000 });
      const offered = await read();
      expect(offered.length).toBeGreaterThan(0);
      await expect(page.locator('.search-panel .search-status').textContent()).resolves.toBe(
        `${offered.length} 个快速跳转目标匹配“xiaomalache”。`,
      );
      await headerBox().press('Enter');
      await page.waitForURL(
        (url) => url.pathname === '/search/' && url.search === '?q=xiaomalache',
      );
      await expect.poll(() => links().count(), { timeout: 15_000 }).toBe(offered.length);
      expect(await read()).toEqual(offered);
      await expect(page.locator('.search-page-status').textContent()).resolves.toBe(
        `${offered.length} 个快速跳转目标匹配“xiaomalache”。`,
      );
    });
  });

  test('Esc closes the panel and keeps the query, from the box or a result link; Esc again clears it', async () => {
    await check('search-escape', async () => {
      await page.goto(`${site.url}reports/03/`);
      await headerBox().fill('康藏路社区');
      const panel = page.locator('.search-panel');
      const focusIn = (selector: string): Promise<boolean> =>
        page.evaluate((inside) => document.activeElement?.closest(inside) !== null, selector);
      await panel.locator('.search-hit-link').first().waitFor({ timeout: 15_000 });
      await headerBox().press('Escape');
      await expect(panel.isHidden()).resolves.toBe(true);
      await expect(headerBox().inputValue()).resolves.toBe('康藏路社区');
      // ↓ reopens the panel, ↓ again enters it; Esc there closes it, and focus stays out of it.
      await headerBox().press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(focusIn('.search-panel')).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(panel.isHidden()).resolves.toBe(true);
      await expect(focusIn('form.search-box input')).resolves.toBe(true);
      await expect(headerBox().inputValue()).resolves.toBe('康藏路社区');
      await page.keyboard.press('Escape');
      await expect(headerBox().inputValue()).resolves.toBe('');
    });
  });
});

describe('search page', () => {
  test('reads the query from the URL, keeps the URL in step, and filters by unit', async () => {
    await check('search-page-url', async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent('志愿服务')}`);
      const list = page.locator('.search-page-results');
      await expect
        .poll(() => list.getAttribute('data-query'), { timeout: 15_000 })
        .toBe('志愿服务');
      const expected = reportsContaining(reports, '志愿服务');
      await expect(list.locator(':scope > li').count()).resolves.toBe(expected.length);
      const unit = reports.find((report) => report.id === expected[1])?.unit ?? '';
      await page.getByLabel('课题单位').selectOption(unit);
      await expect.poll(() => list.locator(':scope > li').count()).toBe(1);
      await expect(list.locator('.search-result-meta').first().textContent()).resolves.toContain(
        unit,
      );
      expect(new URL(page.url()).searchParams.get('unit')).toBe(unit);
      await page.reload();
      await expect.poll(() => list.locator(':scope > li').count(), { timeout: 15_000 }).toBe(1);
      await expect(page.getByRole('searchbox', { name: '搜索词句' }).inputValue()).resolves.toBe(
        '志愿服务',
      );
    });
  });

  test('arrow keys walk the quick jumps and the results, and Escape returns to the box', async () => {
    await check('search-page-keys', async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent('减负')}`);
      const box = page.getByRole('searchbox', { name: '搜索词句' });
      await page.locator('.search-page-results a').first().waitFor({ timeout: 15_000 });
      await box.focus();
      await page.keyboard.press('ArrowDown');
      const focused = (): Promise<number> =>
        page.evaluate(() =>
          [
            ...document.querySelectorAll('.search-page .search-jumps a, .search-page-results a'),
          ].indexOf(document.activeElement as Element),
        );
      expect(await focused()).toBe(0);
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(1);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(box.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect(box.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    });
  });

  test('finds every report near a typo, and its 近似 badge never breaks inside its box', async () => {
    await check('search-page-approximate', async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent('党见引领')}`);
      const list = page.locator('.search-page-results');
      await expect
        .poll(() => list.getAttribute('data-query'), { timeout: 15_000 })
        .toBe('党见引领');
      const found = await list
        .locator(':scope > li')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.report));
      expect(found).toEqual(expect.arrayContaining(reportsContaining(reports, '党建引领')));
      // Every list width from a phone's to a column's: the badge lands at a line's end in some.
      const broken = await list.evaluate((element) => {
        const widths: number[] = [];
        for (let width = 200; width <= 480; width += 4) {
          element.style.width = `${width}px`;
          const badges = [...element.querySelectorAll('.search-badge')];
          if (badges.some((badge) => badge.getClientRects().length !== 1)) widths.push(width);
        }
        element.style.width = '';
        return widths;
      });
      expect(broken).toEqual([]);
      await expect(list.locator('.search-badge').count()).resolves.toBe(found.length);
    });
  });

  test('says so in Chinese when nothing is found, and when the box is empty', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('宇宙飞船着陆火星')}`);
    await expect
      .poll(() => page.locator('.search-page-status').textContent(), { timeout: 15_000 })
      .toBe('没有找到包含“宇宙飞船着陆火星”的报告。');
    await page.getByRole('searchbox', { name: '搜索词句' }).fill('');
    await expect
      .poll(() => page.locator('.search-page-status').textContent())
      .toBe('请输入要搜索的词句。');
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
  });
});

describe('landing on a hit', () => {
  test('a clicked hit opens the passage with the query highlighted, and next/previous step through the hits', async () => {
    await check('search-landing', async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent('康藏路社区')}`);
      const hits = page.locator('.search-page-results .search-hit-link');
      await hits.nth(1).waitFor({ timeout: 15_000 });
      const href = await hits.nth(1).getAttribute('href');
      await hits.nth(1).click();
      await page.waitForURL(new RegExp(`/${reportPage('01')}\\?hl=.*#p`));
      const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(href).toContain(`#${target}`);
      const bar = page.getByRole('region', { name: '搜索命中' });
      await bar.waitFor({ timeout: 15_000 });
      const count = reports
        .find((report) => report.id === '01')!
        .blocks.reduce((sum, block) => sum + foldForSuite(block).split('康藏路社区').length - 1, 0);
      await expect(bar.getByRole('status').textContent()).resolves.toBe(
        `第 2/${count} 处 “康藏路社区”`,
      );
      const current = page.locator('mark.search-hit-mark.is-current');
      await expect(
        current.evaluateAll((marks) => marks.map((mark) => mark.textContent).join('')),
      ).resolves.toBe('康藏路社区');
      await expect(
        current.first().evaluate((mark, id) => mark.closest(`[id="${id}"]`) !== null, target),
      ).resolves.toBe(true);
      await bar.getByRole('button', { name: '下一处' }).click();
      await expect(bar.getByRole('status').textContent()).resolves.toBe(
        `第 3/${count} 处 “康藏路社区”`,
      );
      await bar.getByRole('button', { name: '上一处' }).click();
      await bar.getByRole('button', { name: '上一处' }).click();
      await expect(bar.getByRole('status').textContent()).resolves.toBe(
        `第 1/${count} 处 “康藏路社区”`,
      );
      await bar.getByRole('button', { name: '关闭' }).click();
      await expect(page.locator('mark.search-hit-mark').count()).resolves.toBe(0);
      expect(new URL(page.url()).searchParams.has('hl')).toBe(false);
    });
  });

  test("a hit across the source's spaces is highlighted whole", async () => {
    await page.goto(`${site.url}${reportPage('01')}?hl=${encodeURIComponent('AI数字人')}`);
    await page.locator('mark.search-hit-mark').first().waitFor({ timeout: 15_000 });
    await expect(
      page
        .locator('mark.search-hit-mark')
        .evaluateAll((marks) => marks.map((mark) => mark.textContent).join('')),
    ).resolves.toBe('AI 数字人');
  });

  test('a report page without ?hl= loads no search code', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto(`${site.url}${reportPage('05')}`, { waitUntil: 'networkidle' });
    page.removeAllListeners('request');
    expect(
      scripts.filter((url) => /search-(box|highlight|client|render)|pagefind/.test(url)),
    ).toEqual([]);
  });
});
