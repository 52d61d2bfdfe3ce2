/**
 * Every page of the built site is valid HTML by html-validate's recommended rules (config in
 * `tests/html-validate.config.mjs`, where any eased rule says why): zero errors, all pages, not a sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { listHtmlFiles } from '../../scripts/lib/page-weight.ts';
import config from '../html-validate.config.mjs';
import { legacyReportPath } from '../../src/lib/urls.ts';
import { reportPage } from '../helpers/pages.ts';

/** The build under test; XINFENG_DIST points the checks at a private build while iterating. */
const DIST = process.env.XINFENG_DIST ?? 'dist';
const validator = new HtmlValidate(config);
const pages = listHtmlFiles(DIST);

describe('html-validate', () => {
  test('the configuration still catches a label on an element that cannot be named', async () => {
    const report = await validator.validateString(
      '<ol aria-label="搜索结果"><li>一</li></ol><span aria-label="第 1 页">1</span>',
      'sample.html',
    );
    expect(
      report.results.flatMap((result) =>
        result.messages.map((message) => `${message.ruleId} ${message.selector}`),
      ),
    ).toEqual(['aria-label-misuse span']);
  });

  test('finds the pages of every kind in dist', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'about/index.html',
        'search/index.html',
        `${reportPage('01')}index.html`,
        `${legacyReportPath('/', '01').slice(1)}index.html`,
      ]),
    );
  });

  test.each(pages)('%s has no validation errors', async (page) => {
    const report = await validator.validateString(readFileSync(join(DIST, page), 'utf8'), page);
    const errors = report.results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map(
          (message) =>
            `${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
        ),
    );
    expect(errors).toEqual([]);
  });
});
