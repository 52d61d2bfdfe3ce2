/**
 * The library with two editions: the real 2025 增刊 and a 2026 第1期 derived from it by code
 * (tests/helpers/second-edition.ts: three reports, other titles, pages from 1), split together by
 * the split CLI into a content folder of their own and built once into a folder of their own.
 * Checked in Node: the home page lists both newest first with the latest contents below, each
 * edition has its pages, every first-scheme address still stands for the 2025 增刊, search data and
 * citations name each edition. In Chromium: old links land where they did, with query and hash,
 * with and without scripts; the search page spans both editions and filters by edition.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import htmlValidateConfig from '../html-validate.config.mjs';
import { main as runSplit } from '../../scripts/split.ts';
import { buildVariant } from '../../scripts/lib/build-variant.ts';
import { buildDocxDownloads } from '../../scripts/docx/build-docx.ts';
import { buildSearchIndex } from '../../scripts/index/build-search-index.ts';
import { findBrokenLinks } from '../../scripts/lib/link-check.ts';
import type { JumpRow, ReportOutline, SearchManifest } from '../../src/lib/search/types.ts';
import { toJumpEntries } from '../../src/scripts/search-jump.ts';
import {
  aboutPath,
  editionAboutPath,
  editionPath,
  jumpBucketPath,
  legacyReportFilePath,
  legacyReportPath,
  reportPath,
  searchDataPath,
  searchPagePath,
  shardPath,
} from '../../src/lib/urls.ts';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { REAL_SOURCE, TITLE_PREFIX, readSecondEdition } from '../helpers/second-edition.ts';
import { REAL_EDITION } from '../helpers/pages.ts';
import { serveSiteInChromium, startsInViewport } from '../helpers/site.ts';

const SECOND = '2026-01';
let scratch = '';
let outDir = '';

beforeAll(async () => {
  scratch = mkdtempSync('dist-library-');
  outDir = join(scratch, 'dist');
  const contentDir = join(scratch, 'content');
  mkdirSync(join(scratch, 'source'));
  // A file name that says nothing true: the edition must come from the masthead.
  const second = join(scratch, 'source', 'nanjing-xinfeng-2025-supplement-copy.txt');
  writeFileSync(second, readSecondEdition());
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await runSplit([REAL_SOURCE, second, '--out', contentDir])).toBe(0);
  } finally {
    log.mockRestore();
  }
  const started = performance.now();
  const { astro } = buildVariant({ outDir, contentDir, astroOnly: true });
  // The later stages in this process, as `npm run build` runs them (scripts/build.ts).
  await buildSearchIndex(outDir, contentDir);
  await buildDocxDownloads(outDir, contentDir);
  // What the second build costs the test run (README, "Tests").
  console.info(
    `library build: astro ${(astro / 1000).toFixed(1)} s, all ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 240_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const site = serveSiteInChromium({
  get root() {
    return outDir;
  },
});

/** A page of the library build, parsed. */
function page(path: string): { html: string; tree: ReturnType<typeof fromHtml> } {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const html = readFileSync(join(outDir, file.slice(1)), 'utf8');
  return { html, tree: fromHtml(html) };
}
/** The elements of `tree` matching `.class`, `#id` or a tag name, in document order. */
function selectAll(selector: string, tree: ReturnType<typeof fromHtml>): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (
      (selector.startsWith('.') && classes.includes(selector.slice(1))) ||
      (selector.startsWith('#') && node.properties.id === selector.slice(1)) ||
      node.tagName === selector
    )
      found.push(node);
  });
  return found;
}
const texts = (nodes: Element[]): string[] => nodes.map((node) => hastToString(node).trim());
const hrefs = (nodes: Element[]): string[] => nodes.map((node) => String(node.properties.href));
const report = (edition: string, id: string) => ({ edition, id });

describe('a library of two editions', () => {
  test('the split names each edition from its masthead, whatever the file is called', () => {
    expect(
      readFileSync(join(scratch, 'content', 'editions', SECOND, 'publication.json'), 'utf8'),
    ).toContain('"issue": "2026 第1期"');
  });

  test('home lists the editions newest first, each with title, issue, date and count, then the latest contents', () => {
    const { tree } = page('/');
    const entries = selectAll('.library-entry', tree);
    expect(entries.map((entry) => entry.properties.dataEdition)).toEqual([SECOND, REAL_EDITION]);
    expect(texts(selectAll('.library-issue', tree))).toEqual([
      '《南京新风》2026 第1期',
      '《南京新风》2025 增刊',
    ]);
    expect(texts(selectAll('.library-facts', tree))).toEqual([
      '2026年3月 · 3 篇',
      '2025年12月 · 12 篇',
    ]);
    expect(texts(selectAll('.library-title', tree))[0]).toBe(
      '2026 年全市机关党建课题研究优秀成果汇编',
    );
    expect(hrefs(selectAll('.library-link', tree))).toEqual([
      editionPath('/', SECOND),
      editionPath('/', REAL_EDITION),
    ]);
    expect(texts(selectAll('.masthead-issue', tree))).toEqual(['2026 第1期']);
    expect(hrefs(selectAll('.contents-link', tree))).toEqual(
      ['01', '02', '03'].map((id) => reportPath('/', report(SECOND, id))),
    );
  });

  test('each edition has its contents page, about page and report pages', () => {
    for (const [edition, count] of [
      [SECOND, 3],
      [REAL_EDITION, 12],
    ] as const) {
      const contents = page(editionPath('/', edition)).tree;
      expect(selectAll('.contents-link', contents)).toHaveLength(count);
      expect(page(editionAboutPath('/', edition)).html).toContain('编审委员会');
    }
    const title = selectAll('h1', page(reportPath('/', report(SECOND, '01'))).tree);
    expect(texts(title)[0]?.replace(/\s+/g, '')).toMatch(new RegExp(`^${TITLE_PREFIX}`));
  });

  test('every first-scheme address still stands for the 2025 增刊', () => {
    for (const id of ['01', '03', '12']) {
      const { html } = page(legacyReportPath('/', id));
      expect(html).toContain(
        `<link rel="canonical" href="${reportPath('/', report(REAL_EDITION, id))}">`,
      );
      for (const file of ['cite.bib', 'cite.ris', `xinfeng-2025-zengkan-${id}.docx`])
        expect(readFileSync(join(outDir, legacyReportFilePath('/', id, file).slice(1)))).toEqual(
          readFileSync(join(outDir, reportPath('/', report(REAL_EDITION, id)).slice(1), file)),
        );
    }
    expect(page(aboutPath('/')).html).toContain(`href="${editionAboutPath('/', REAL_EDITION)}"`);
  });

  test('no page links anywhere that does not exist, in either edition', () => {
    expect(findBrokenLinks(outDir, '/')).toEqual([]);
  });

  test('the library’s own markup is valid HTML: home, the second edition’s pages, search and 404', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const paths = [
      '/',
      editionPath('/', SECOND),
      editionAboutPath('/', SECOND),
      reportPath('/', report(SECOND, '01')),
      searchPagePath('/'),
      '/404.html',
    ];
    for (const path of paths) {
      const result = await validator.validateString(page(path).html, path);
      const errors = result.results.flatMap((entry) =>
        entry.messages
          .filter((message) => message.severity === 2)
          .map((message) => `${path} ${message.ruleId}: ${message.message}`),
      );
      expect(errors).toEqual([]);
    }
  });

  test('the 404 page lists the reports of both editions', () => {
    const { tree } = page('/404.html');
    expect(selectAll('.contents-link', tree)).toHaveLength(15);
    expect(texts(selectAll('.contents-heading', tree))).toEqual([
      '2026 第1期目录',
      '2025 增刊目录',
    ]);
  });

  test('the search data names each report’s edition, and the quick jump leads into the right one', () => {
    const read = (address: string): unknown =>
      JSON.parse(readFileSync(join(outDir, address.replace(/\?.*$/, '').slice(1)), 'utf8'));
    const manifest = read(searchDataPath('/', 'manifest.json')) as SearchManifest;
    expect(manifest.reports).toHaveLength(15);
    expect(new Set(manifest.reports.map(([key]) => key)).size).toBe(15);
    const second = manifest.reports.filter(
      ([, , , edition]) => manifest.editions[edition]?.key === SECOND,
    );
    expect(
      second.map(([key]) => (read(shardPath('/', key, manifest.version)) as ReportOutline).report),
    ).toMatchObject([
      { edition: SECOND, id: '01' },
      { edition: SECOND, id: '02' },
      { edition: SECOND, id: '03' },
    ]);
    const rows = Array.from(
      { length: manifest.jumpBuckets },
      (_, bucket) => read(jumpBucketPath('/', bucket, manifest.version)) as JumpRow[],
    ).flat();
    const derived = toJumpEntries(rows).filter(
      ({ text, kind }) => kind === 'title' && text.startsWith(TITLE_PREFIX),
    );
    expect(derived.map((entry) => entry.edition)).toEqual([SECOND, SECOND, SECOND]);
  });

  test('citations name each edition: journal, year, issue and pages', () => {
    const cite = (edition: string, id: string, format: string): string =>
      readFileSync(
        join(outDir, reportPath('/', report(edition, id)).slice(1), `cite.${format}`),
        'utf8',
      );
    expect(cite(SECOND, '02', 'bib')).toMatch(
      /^@article\{nanjingxinfeng-2026-01-02,[\s\S]*year {5}= \{2026\},\n {2}number {3}= \{1\},\n {2}pages {4}= \{4--9\},/,
    );
    expect(cite(SECOND, '02', 'ris')).toContain('PY  - 2026\r\nIS  - 1\r\nSP  - 4\r\nEP  - 9\r\n');
    expect(cite(REAL_EDITION, '02', 'ris')).toContain(
      'PY  - 2025\r\nIS  - 增刊\r\nSP  - 6\r\nEP  - 8\r\n',
    );
    const gbt = (edition: string, id: string): string =>
      hastToString(selectAll('#cite-gbt2025', page(reportPath('/', report(edition, id))).tree)[0]!);
    expect(gbt(SECOND, '03')).toBe(
      `市纪委监委机关党委课题组. ${TITLE_PREFIX}深化“五个纪委”建设 带头打造廉洁机关[J]. 南京新风, 2026(1): 10.`,
    );
    expect(gbt(REAL_EDITION, '04')).toBe(
      '市纪委监委机关党委课题组. 深化“五个纪委”建设 带头打造廉洁机关[J]. 南京新风, 2025(增刊): 15-18.',
    );
  });
});

describe('in Chromium', () => {
  test('an old report link lands where it did, with its query and hash, and without scripts too', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const noScript = await site.browser.newContext({
      javaScriptEnabled: false,
      serviceWorkers: 'block',
    });
    const tab = await context.newPage();
    await withScreenshotOnFailure(tab, 'library-redirect', async () => {
      const query = '小马拉大车';
      await tab.goto(
        `${site.url}${legacyReportPath('/', '05').slice(1)}?hl=${encodeURIComponent(query)}#s2`,
      );
      const target = reportPath('/', report(REAL_EDITION, '05'));
      await tab.waitForURL((url) => url.pathname === target);
      const landed = new URL(tab.url());
      expect([landed.searchParams.get('hl'), landed.hash]).toEqual([query, '#s2']);
      await expect.poll(() => tab.locator('mark').count()).toBeGreaterThan(0);
      await expect.poll(() => startsInViewport(tab, '#s2')).toBe(true);

      const plain = await noScript.newPage();
      await plain.goto(`${site.url}${aboutPath('/').slice(1)}`);
      await plain.waitForURL((url) => url.pathname === editionAboutPath('/', REAL_EDITION));
      await plain.close();
    });
    await Promise.all([context.close(), noScript.close()]);
  });

  test('the search page spans both editions and filters by edition', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const tab = await context.newPage();
    await withScreenshotOnFailure(tab, 'library-search', async () => {
      // Report 01 of the 2026 第1期 is report 02 of the 2025 增刊 under another title: both contain NLP.
      await tab.goto(`${site.url}${searchPagePath('/', 'NLP').slice(1)}`);
      const results = tab.locator('.search-page-results > li');
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(1);
      const editions = async () =>
        results.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.edition));
      expect(new Set(await editions())).toEqual(new Set([SECOND, REAL_EDITION]));
      expect(await results.first().locator('.search-result-meta').textContent()).toMatch(
        /^(2026 第1期|2025 增刊) · /,
      );
      await tab.getByLabel('刊期').selectOption(SECOND);
      await expect.poll(editions).toEqual([SECOND]);
      expect(new URL(tab.url()).searchParams.get('edition')).toBe(SECOND);
      const href = await results.first().locator('a').first().getAttribute('href');
      expect(href?.startsWith(editionPath('/', SECOND))).toBe(true);

      // The header box names the edition of each quick-jump target and result too.
      await tab.getByRole('searchbox', { name: '搜索全文' }).fill(TITLE_PREFIX);
      const jump = tab.locator('.search-panel a.search-jump').first();
      await jump.waitFor({ timeout: 15_000 });
      expect(await jump.locator('.search-jump-kind').textContent()).toBe('报告 · 2026 第1期');
      expect(await jump.getAttribute('href')).toMatch(new RegExp(`^${editionPath('/', SECOND)}`));
    });
    await context.close();
  });
});
