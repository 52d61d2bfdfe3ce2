/**
 * The byte budgets, enforced on what the build emits (bytes are deterministic; times are
 * not, so the benchmark reports those). Sizes are gzip -9 as `scripts/serve.ts` serves them:
 * - every report page: HTML + CSS + JS fetched on first visit, minus the gzipped plain text of the
 *   report itself, stays within 10 KB — the reader pays for the text, not for the chrome;
 * - every page except the search page: at most 3 KB of JavaScript (boot.js included) before
 *   search is opened; search code must arrive by dynamic import.
 * The first-query budget of search is checked by the search suite.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  extractReportText,
  gzipSize,
  listHtmlFiles,
  measurePageWeight,
  urlPathOfHtmlFile,
} from '../../scripts/lib/page-weight.ts';
import { editionsFolder } from '../../src/lib/content-location.ts';
import { editionPath } from '../../src/lib/urls.ts';
import { REAL_EDITION, reportPage } from '../helpers/pages.ts';

/** The build under test; XINFENG_DIST points the checks at a private build while iterating. */
const DIST = process.env.XINFENG_DIST ?? 'dist';
const OVERHEAD_BUDGET = 10 * 1024;
const JS_BUDGET = 3 * 1024;

const pages = listHtmlFiles(DIST);
const editionDir = editionPath('/', REAL_EDITION).slice(1);
const reportPages = pages.filter(
  (page) =>
    page.startsWith(editionDir) && /^\d{2,3}\/index\.html$/.test(page.slice(editionDir.length)),
);
const reportSources = readdirSync(join(editionsFolder('content'), REAL_EDITION, 'reports')).filter(
  (file) => /^\d{2,3}\.md$/.test(file),
);

describe('page weight budgets', () => {
  test('measures one page per report', () => {
    expect(reportPages.map((page) => page.slice(editionDir.length, -'/index.html'.length))).toEqual(
      reportSources.map((file) => file.slice(0, -'.md'.length)),
    );
    expect(reportPages.length).toBeGreaterThan(0);
  });

  test.each(reportPages)(
    '%s adds at most 10 KB gzipped to the text of its report',
    async (page) => {
      const weight = await measurePageWeight(DIST, '/', urlPathOfHtmlFile(page, '/'));
      const text = extractReportText(readFileSync(join(DIST, page), 'utf8'));
      // A page whose body could not be found would pass the budget by subtracting nothing.
      expect(text.length).toBeGreaterThan(1000);
      const overhead = weight.gzipTotal - gzipSize(text);
      expect(
        overhead,
        `gzip html ${weight.gzip.html} + css ${weight.gzip.css} + js ${weight.gzip.js} − text ${gzipSize(text)}`,
      ).toBeLessThanOrEqual(OVERHEAD_BUDGET);
    },
  );

  test.each(pages.filter((page) => !page.startsWith('search/')))(
    '%s loads at most 3 KB of JavaScript before search is opened',
    async (page) => {
      const weight = await measurePageWeight(DIST, '/', urlPathOfHtmlFile(page, '/'));
      expect(
        weight.gzip.js,
        weight.resources
          .filter((resource) => resource.kind === 'js')
          .map((resource) => `${resource.urlPath} ${resource.gzipBytes}`)
          .join(', '),
      ).toBeLessThanOrEqual(JS_BUDGET);
    },
  );

  test('counts boot.js and the stylesheet on a report page, so the JS budget sees every script', async () => {
    const weight = await measurePageWeight(DIST, '/', `/${reportPage('01')}`);
    expect(weight.resources.map((resource) => resource.urlPath)).toContain('/boot.js');
    expect(weight.gzip.css).toBeGreaterThan(0);
  });
});
