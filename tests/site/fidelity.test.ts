/**
 * The built pages against the source (issue 9, item 2; issue 11, item 5): the build's fidelity
 * stage runs, passes on the real build and fails on a planted difference; and every report page
 * shows the punctuation rule's text (scripts/split/punctuation.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStages } from '../../scripts/build.ts';
import { checkRenderedSite } from '../../scripts/fidelity/check-rendered-text.ts';
import { extractBlocks } from '../../scripts/index/build-search-index.ts';
import { readLibrary } from '../../scripts/lib/report-files.ts';
import { startServer } from '../../scripts/serve.ts';
import { createNodeSearch } from '../helpers/node-search.ts';
import { SITE_DIST } from '../helpers/site.ts';
import { REAL_EDITION, reportPage } from '../helpers/pages.ts';

const ids = (readLibrary().find((edition) => edition.key === REAL_EDITION)?.reports ?? []).map(
  (file) => file.record.id,
);
const pageFile = (dist: string, id: string): string => join(dist, reportPage(id), 'index.html');
const scratch = mkdtempSync(join(tmpdir(), 'xinfeng-fidelity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the fidelity stage', () => {
  it('runs after astro build and before the search index reads the pages', () => {
    const names = buildStages().map((stage) => stage.name);
    expect(names.indexOf('fidelity')).toBe(names.indexOf('astro build') + 1);
    expect(names.indexOf('fidelity')).toBeLessThan(names.indexOf('search index'));
  });

  it('finds every block of every built report page as the source has it', async () => {
    const result = await checkRenderedSite(SITE_DIST);
    expect(result.problems).toEqual([]);
    expect(result.reports).toBe(ids.length);
    expect(result.blocks).toBeGreaterThan(500);
  });

  it('fails on planted differences, naming the source line, the page and both texts', async () => {
    for (const id of ids) cpSync(pageFile(SITE_DIST, id), pageFile(scratch, id));
    const plant = (id: string, from: string, to: string): void => {
      const file = pageFile(scratch, id);
      const html = readFileSync(file, 'utf8');
      // Inside the body: the page's description may quote the same words.
      const at = html.indexOf(from, html.indexOf('data-pagefind-body'));
      expect(at, from).toBeGreaterThan(0);
      writeFileSync(file, html.slice(0, at) + to + html.slice(at + from.length));
    };
    // An ASCII comma where the rule sets `，` is a difference: only the rule may change widths.
    plant('05', '近年来，', '近年来,');
    // Markup the text never asked for, with every letter the same.
    plant('03', '入脑入心', '<del>入脑入心</del>');
    const { problems } = await checkRenderedSite(scratch);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^nanjing-xinfeng-2025-supplement\.txt:\d+ rendered-markup: expected block \d+ of report 03 on .*\/03\/index\.html to hold plain text, found <del> around "入脑入心"$/,
    );
    expect(problems[1]).toMatch(
      /^nanjing-xinfeng-2025-supplement\.txt:\d+ rendered-text-mismatch: expected block 1 of report 05 on .*\/05\/index\.html to read "p:近年来，.*", found "p:近年来,.*"$/,
    );
  });
});

describe('the punctuation rule on the built pages', () => {
  const blocks = ids.flatMap((id) =>
    extractBlocks(readFileSync(pageFile(SITE_DIST, id), 'utf8')).map(([block, text]) => ({
      at: `${id}#${block}`,
      text,
    })),
  );
  const find = (pattern: RegExp): string[] =>
    blocks.flatMap(({ at, text }) =>
      [...text.matchAll(pattern)].map((match) => `${at} ${match[0]}`),
    );

  it('shows no ASCII , ; : ( ) beside Chinese characters', () => {
    const chinese = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
    expect(find(new RegExp(`[${chinese}]\\s*[,;:()]|[,;:()]\\s*[${chinese}]`, 'gu'))).toEqual([]);
  });

  it('shows no space between a Han character and a digit or Latin letter', () => {
    expect(find(/\p{Script=Han}\s+[A-Za-z0-9]|[A-Za-z0-9%]\s+\p{Script=Han}/gu)).toEqual([]);
  });

  it('finds a passage typed as the source printed it and as the page shows it', async () => {
    const base = process.env.BASE_PATH ?? '/';
    const server = await startServer({ root: SITE_DIST, base });
    try {
      const search = await createNodeSearch(new URL(server.url).origin, base);
      // Report 03 printed both with ASCII marks and spaces; the page shows neither.
      for (const query of [
        '(一) 内容供给方面,“理论化”',
        '（一）内容供给方面，“理论化”',
        '成立 27 个青年',
        '成立27个青年',
      ]) {
        const outcome = await search(query);
        expect(
          outcome.results.map((result) => result.report.id),
          query,
        ).toEqual(['03']);
        expect(outcome.approximate, query).toBe(false);
      }
    } finally {
      await server.close();
    }
  });

  it('numbers every subsection heading with full-width parentheses', () => {
    const headings = blocks.filter(({ at }) => /#s\d+-\d+$/.test(at));
    expect(headings.length).toBeGreaterThan(100);
    expect(headings.filter(({ text }) => !/^（[一二三四五六七八九十]+）\S/u.test(text))).toEqual(
      [],
    );
  });
});
