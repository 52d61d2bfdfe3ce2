/**
 * The reader's core tasks in one browser engine, for the engines that readers use besides
 * current Chromium (Firefox ESR, WebKit for iPhones, Chromium 86): reading with the section
 * navigation, copying paragraph and section links (also from the narrow screen's reading bar),
 * reading settings that persist and apply before
 * first paint, and the header search. Every test also fails on an uncaught error in the page.
 *
 * The page functions below run inside the browser, so they use only what is defined inside them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { withScreenshotOnFailure } from './browser.ts';
import type { Engine, EngineLauncher, EnginePage } from './engines.ts';
import { createNodeSearch } from './node-search.ts';
import { SITE_DIST } from './site.ts';
import { LARGE_SITE } from './large-site.ts';
import { reportPage } from './pages.ts';
import { PLANTED_STRINGS } from '../../scripts/bench/synthetic-library.ts';
import { describeOutcome } from '../../src/scripts/search-render.ts';

/** Where engines differ. */
export interface EngineSuiteOptions {
  /** Width of the narrowest layout the engine's window allows (MiniBrowser's toolbar sets one). */
  narrowWidth: number;
}

const DESKTOP = { width: 1280, height: 800 };
const REPORT = reportPage('05');

/** True when the element with `id` is the location's target and stands just below the header. */
function landedOn(id: string): boolean {
  const target = document.getElementById(id);
  const header = document.querySelector('.site-header');
  if (!target || !header || location.hash !== `#${id}`) return false;
  const top = target.getBoundingClientRect().top;
  return top >= Math.max(0, header.getBoundingClientRect().bottom) - 1 && top < innerHeight / 2;
}

/** True when the first element matching `selector` is shown and wholly inside the viewport. */
function insideViewport(selector: string): boolean {
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return (
    !!box &&
    box.width > 0 &&
    box.height > 0 &&
    box.left >= 0 &&
    box.top >= 0 &&
    box.right <= innerWidth &&
    box.bottom <= innerHeight
  );
}

/**
 * Records every text the page puts on the clipboard, by either of its two ways (the async
 * Clipboard API, or a `copy` event's DataTransfer), into `window.copies`, and every message of its
 * toast into `window.toasts` (the toast clears itself after a while); the copy still happens.
 */
function recordCopies(): void {
  const page = window as unknown as { copies: string[]; toasts: string[] };
  page.copies = [];
  page.toasts = [];
  // Absent outside a secure context, whatever lib.dom says.
  const clipboard = (navigator as Partial<Navigator>).clipboard;
  if (clipboard) {
    const writeText = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text) => {
      page.copies.push(text);
      return writeText(text);
    };
  }
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called with its `this` below
  const setData = DataTransfer.prototype.setData;
  DataTransfer.prototype.setData = function (format, data) {
    page.copies.push(data);
    setData.call(this, format, data);
  };
  const toast = document.querySelector('.toast')!;
  new MutationObserver(() => {
    if (toast.textContent) page.toasts.push(toast.textContent);
  }).observe(toast, { childList: true, characterData: true, subtree: true });
}

/** True once the page has shown more than `count` toast messages since recordCopies(). */
function toastsAfter(count: number): boolean {
  return (window as unknown as { toasts: string[] }).toasts.length > count;
}

/** The last toast message and the last text copied. */
function lastCopy(): { toast: string | undefined; text: string | undefined } {
  const { copies, toasts } = window as unknown as { copies: string[]; toasts: string[] };
  return { toast: toasts[toasts.length - 1], text: copies[copies.length - 1] };
}

/** Theme and font size as the page shows them. */
function shownSettings(): { theme: string | null; step: string | null; size: string; bg: string } {
  const html = document.documentElement;
  return {
    theme: html.getAttribute('data-theme'),
    step: html.getAttribute('data-font-size'),
    size: getComputedStyle(html).fontSize,
    bg: getComputedStyle(document.body).backgroundColor,
  };
}

/**
 * Parses `url` into a same-origin frame and returns <html>'s theme and size the moment <body>
 * exists: what the first paint sees. The frame's document is written from here, so an observer
 * can watch it from its first node in every engine (WebDriver classic has no init scripts). The
 * copy's own CSP <meta> is left out: in a written document engines resolve its 'self' apart from
 * the site's origin (Firefox then blocks boot.js); the frame keeps the policy of the page.
 */
async function settingsAtFirstBody(url: string): Promise<[string | null, string | null]> {
  const response = await fetch(url);
  const html = (await response.text()).replace(
    /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    '',
  );
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  const seen = new Promise<[string | null, string | null]>((resolve) => {
    new MutationObserver((_, observer) => {
      // lib.dom types <body> as always there; it is null until the parser reaches it.
      if (!(doc as { body: HTMLElement | null }).body) return;
      observer.disconnect();
      const root = doc.documentElement;
      resolve([root.getAttribute('data-theme'), root.getAttribute('data-font-size')]);
    }).observe(doc, { childList: true, subtree: true });
  });
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- parses the page in the frame from its first node, for the observer
  doc.write(html);
  doc.close();
  const attributes = await seen;
  frame.remove();
  return attributes;
}

/**
 * Makes `matches(':focus-visible')` throw as in Safari before 15.4, which does not know the
 * pseudo-class (WebKitGTK 2.50 does, so this is how the old behaviour is tested).
 */
function throwOnFocusVisible(): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called with its `this` below
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (selector: string) {
    if (selector.includes(':focus-visible'))
      throw new DOMException(`'${selector}' is not a valid selector.`, 'SyntaxError');
    return matches.call(this, selector);
  };
}

/** The report ids the search page lists, in order, and its status sentence. */
function shownReports(): { reports: string[]; status: string } {
  return {
    reports: [...document.querySelectorAll<HTMLElement>('.search-page-results > li')].map(
      (item) => item.dataset.report ?? '',
    ),
    status: document.querySelector('.search-page-status')?.textContent ?? '',
  };
}

/** How far the page is wider than the viewport (0 when it does not scroll sideways). */
function sidewaysOverflow(): number {
  return Math.max(0, document.documentElement.scrollWidth - innerWidth);
}

/** Registers the suite for one engine: the engine and a static server start once for the file. */
export function describeEngineSuite(launcher: EngineLauncher, options: EngineSuiteOptions): void {
  let engine: Engine | undefined;
  let server: RunningServer | undefined;
  let page: EnginePage;
  let site: string;
  let reportUrl: string;
  let largeServer: RunningServer | undefined;
  let largeSite: string;
  let indexed: Awaited<ReturnType<typeof createNodeSearch>>;

  beforeAll(async () => {
    const [launched, served, large] = await Promise.allSettled([
      launcher.launch(),
      startServer({ root: SITE_DIST, base: process.env.BASE_PATH }),
      startServer({ root: LARGE_SITE, base: process.env.BASE_PATH }),
    ]);
    if (launched.status === 'fulfilled') engine = launched.value;
    if (served.status === 'fulfilled') server = served.value;
    if (large.status === 'fulfilled') largeServer = large.value;
    if (launched.status === 'rejected') throw launched.reason;
    if (served.status === 'rejected') throw served.reason;
    if (large.status === 'rejected') throw large.reason;
    page = launched.value.page;
    site = served.value.url;
    largeSite = large.value.url;
    reportUrl = new URL(REPORT, site).href;
    // The reference: the same search flow over the large library's index, in Node.
    const { origin, pathname } = new URL(largeSite);
    indexed = await createNodeSearch(origin, pathname);
    console.log(`[${launcher.id}] ${launched.value.name}, driven by ${launched.value.driver}`);
    await page.setViewport(DESKTOP.width, DESKTOP.height);
  });
  afterAll(async () => {
    await Promise.all([engine?.close(), server?.close(), largeServer?.close()]);
  });
  // Each test starts from the home page with nothing stored, whatever the test before it did.
  beforeEach(async () => {
    await page.setViewport(DESKTOP.width, DESKTOP.height);
    await page.goto(site);
    await page.evaluate(() => localStorage.clear());
    await page.takeErrors();
  });

  /** Runs a check, fails it on any uncaught page error, and keeps a screenshot when it fails. */
  const check = (name: string, body: () => Promise<void>): Promise<void> =>
    withScreenshotOnFailure(page, `${launcher.id}-${name}`, async () => {
      await body();
      expect(await page.takeErrors(), 'uncaught errors in the page').toEqual([]);
    });

  describe(`in ${launcher.id}`, () => {
    test('renders a report with its section navigation, and a #s2-3 link lands on that heading', async () => {
      await check('reading', async () => {
        await page.goto(reportUrl);
        const layout = await page.evaluate(() => {
          const toc = document.querySelector('nav.toc')!.getBoundingClientRect();
          const text = document.querySelector('.report-body')!.getBoundingClientRect();
          return {
            sections: document.querySelectorAll('nav.toc a[href^="#s"]').length,
            open: document.querySelector<HTMLDetailsElement>('nav.toc details')!.open,
            besideText: toc.right <= text.left && toc.width > 0,
          };
        });
        expect(layout).toEqual({
          sections: expect.any(Number) as unknown,
          open: true,
          besideText: true,
        });
        expect(layout.sections).toBeGreaterThan(5);
        expect(await page.evaluate(sidewaysOverflow)).toBe(0);

        await page.click('nav.toc a[href="#s2-3"]');
        await page.waitFor(
          '#s2-3 below the header after a click in the contents',
          landedOn,
          's2-3',
        );
        // Arriving from elsewhere by the section's address.
        await page.goto(site);
        await page.goto(`${reportUrl}#s2-3`);
        await page.waitFor('#s2-3 below the header on arrival', landedOn, 's2-3');
      });
    });

    test(`keeps a report and the home page inside ${options.narrowWidth} px`, async () => {
      await check('narrow', async () => {
        await page.setViewport(options.narrowWidth, 740);
        for (const url of [site, reportUrl]) {
          await page.goto(url);
          expect(await page.evaluate(sidewaysOverflow), url).toBe(0);
        }
      });
    });

    test('copies a paragraph link from its control and a section link from the heading', async () => {
      await check('linking', async () => {
        await page.goto(reportUrl);
        await page.evaluate(recordCopies);
        await page.hover('#p1-1-1');
        await page.waitFor('the paragraph-link control shown in #p1-1-1', () => {
          const button = document.querySelector<HTMLElement>('#p1-1-1 > .para-link');
          return !!button && !button.hidden && getComputedStyle(button).opacity === '1';
        });
        await page.click('#p1-1-1 > .para-link');
        await page.waitFor('a toast after the first copy', toastsAfter, 0);
        expect(await page.evaluate(lastCopy)).toEqual({
          toast: '链接已复制',
          text: `${reportUrl}#p1-1-1`,
        });

        // The same message again would not change the toast's text (Chromium 86 then changes
        // nothing at all), so the next copy is told apart by clearing it first.
        await page.evaluate(() => (document.querySelector('.toast')!.textContent = ''));
        await page.hover('#s2');
        await page.waitFor(
          'the permalink of #s2 shown',
          () => getComputedStyle(document.querySelector('#s2 > .permalink')!).opacity === '1',
        );
        const scrolled = await page.evaluate(() => scrollY);
        await page.click('#s2 > .permalink');
        await page.waitFor('a toast after the second copy', toastsAfter, 1);
        expect(await page.evaluate(lastCopy)).toEqual({
          toast: '链接已复制',
          text: `${reportUrl}#s2`,
        });
        // Copying is all it does: the page neither moves nor changes its address.
        expect(await page.evaluate(() => [location.hash, scrollY])).toEqual(['', scrolled]);

        // A narrow window has no margin for the control: a click on the paragraph marks it and
        // offers its link in the reading bar (the phone's way, loaded on that first click).
        await page.setViewport(options.narrowWidth, 740);
        await page.goto(reportUrl);
        await page.evaluate(recordCopies);
        await page.click('#p1-1-1');
        await page.waitFor('the reading bar shown for #p1-1-1', () => {
          const bar = document.querySelector<HTMLElement>('.reader-bar');
          return !!bar && !bar.hidden && !!document.querySelector('#p1-1-1.chosen');
        });
        await page.click('.reader-bar button');
        await page.waitFor('a toast after the copy from the reading bar', toastsAfter, 0);
        expect(await page.evaluate(lastCopy)).toEqual({
          toast: '链接已复制',
          text: `${reportUrl}#p1-1-1`,
        });
      });
    });

    test('changes font size and theme, keeps them across a reload and applies them before first paint', async () => {
      await check('settings', async () => {
        await page.goto(reportUrl);
        const before = await page.evaluate(shownSettings);
        await page.click('details.reading-settings > summary');
        await page.waitFor(
          'the settings panel inside the viewport',
          insideViewport,
          '.reading-settings-panel',
        );
        await page.click('input[name="xf-theme"][value="dark"]');
        await page.click('input[name="xf-font-size"][value="4"]');
        const after = await page.evaluate(shownSettings);
        expect([after.theme, after.step]).toEqual(['dark', '4']);
        expect(after.size).not.toBe(before.size);
        expect(after.bg).not.toBe(before.bg);

        await page.reload();
        expect(await page.evaluate(shownSettings)).toEqual(after);
        expect(
          await page.evaluate(() =>
            [...document.querySelectorAll<HTMLInputElement>('.reading-settings input:checked')].map(
              (input) => input.value,
            ),
          ),
        ).toEqual(['4', 'dark']);
        expect(await page.evaluate(settingsAtFirstBody, reportUrl)).toEqual(['dark', '4']);
      });
    });

    // Registered only where it applies, so that no engine reports a skipped test.
    if (launcher.initScripts)
      test('keeps the paragraph link and the reading position where :focus-visible is unknown (Safari before 15.4)', async () => {
        await check('no-focus-visible', async () => {
          const remove = await page.addInitScript!(throwOnFocusVisible);
          try {
            await page.goto(reportUrl);
            await page.waitFor(
              'the paragraph-link control placed at load',
              () => !!document.querySelector('.para-link')?.parentElement?.id,
            );
            await page.hover('#p1-1-1');
            await page.waitFor(
              'the control moved into the hovered paragraph',
              () => document.querySelector('.para-link')?.parentElement?.id === 'p1-1-1',
            );
            await page.evaluate(() => document.getElementById('p3-1-1')!.scrollIntoView());
            await page.waitFor('the reading position kept for continue-reading', () =>
              /^p3-/.test(localStorage.getItem('xf-pos-05') ?? ''),
            );
          } finally {
            await remove();
          }
        });
      });

    // Every engine searches the full text of the real reports (scanned, library.json).
    test('finds a query from the header box and opens the hit highlighted', async () => {
      await check('search', async () => {
        await page.goto(new URL(reportPage('03'), site).href);
        await page.click('form.search-box input[name="q"]');
        await page.type('form.search-box input[name="q"]', '康藏路社区');
        await page.waitFor('the result count in the search panel', () =>
          document
            .querySelector('.search-panel .search-status')
            ?.textContent.includes('1 篇报告包含“康藏路社区”'),
        );
        expect(await page.evaluate(insideViewport, '.search-panel')).toBe(true);
        await page.click('.search-panel .search-hit-link');
        await expectHitLanding('01', '康藏路社区');
      });
    });

    // The real twelve reports are scanned (library.json); a larger library is read from
    // Pagefind's index in plain JavaScript (src/lib/search/pagefind-index.ts), in every engine.
    test('the search page of a large library lists the reports the index gives, in its order, and quick jumps by pinyin', async () => {
      await check('search-page', async () => {
        const query = PLANTED_STRINGS.hundred;
        const outcome = await indexed(query);
        const expected = outcome.results.slice(0, 20).map((result) => result.report.id);
        expect(outcome.matches).toHaveLength(100);
        await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, largeSite).href);
        await page.waitFor(
          'the results of the query',
          (text) =>
            document.querySelector<HTMLElement>('.search-page-results')?.dataset.query === text,
          query,
        );
        expect(await page.evaluate(shownReports)).toEqual({
          reports: expected,
          status: describeOutcome(outcome),
        });
        await page.goto(new URL('search/?q=xmldc', site).href);
        await page.waitFor('a quick-jump link on the search page', () =>
          document.querySelector('.search-page a.search-jump')?.textContent.includes('小马拉大车'),
        );
      });
    });
  });

  /** Asserts the report page opened from a hit: the query marked in the target, the bar in view. */
  async function expectHitLanding(report: string, query: string): Promise<void> {
    await page.waitFor(
      'the hit bar of the report opened from a hit',
      (path) =>
        location.pathname === path &&
        /[?&]hl=/.test(location.search) &&
        /^#p/.test(location.hash) &&
        !!document.querySelector('.search-hit-bar'),
      new URL(reportPage(report), site).pathname,
    );
    const landing = await page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const current = [...document.querySelectorAll('mark.search-hit-mark.is-current')];
      return {
        query: new URLSearchParams(location.search).get('hl'),
        marked: current.map((mark) => mark.textContent).join(''),
        inTarget: current.length > 0 && current.every((mark) => target?.contains(mark)),
        status: document.querySelector('.search-hit-bar [role="status"]')?.textContent ?? '',
      };
    });
    expect(landing).toEqual({
      query,
      marked: query,
      inTarget: true,
      status: expect.stringMatching(/^第 \d+\/\d+ 处 /) as unknown,
    });
    expect(await page.evaluate(insideViewport, '.search-hit-bar')).toBe(true);
  }
}
