/**
 * Search quality over the built index files: for every query of the suite (computed from
 * content/reports, see tests/helpers/search-suite.ts) the search flow returns exactly the reports
 * that contain the query literally, title hits first; typos get results marked approximate;
 * strings found nowhere get none. It runs in Node on the site's own Pagefind build and shards
 * (tests/helpers/node-search.ts); what the page shows of an outcome is tested in the browser
 * (tests/site/browser-search.test.ts). Stock Pagefind answers the same queries for comparison,
 * and both sets of figures are printed and written to tests/artifacts/search-quality.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SITE_DIST } from '../helpers/site.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { buildSuite, loadSuiteReports, type SuiteQuery } from '../../scripts/lib/search-suite.ts';
import { createNodeSearch, loadPagefindInNode, searchStock } from '../helpers/node-search.ts';
import {
  buildStockPagefindSite,
  scoreAnswers,
  type Answer,
} from '../../scripts/lib/search-driver.ts';
import type { FoundReport } from '../../scripts/lib/search-driver.ts';

const suite = buildSuite(loadSuiteReports());
const ours = new Map<SuiteQuery, FoundReport[]>();
const base = process.env.BASE_PATH ?? '/';

let server: RunningServer;
let search: Awaited<ReturnType<typeof createNodeSearch>>;

beforeAll(async () => {
  server = await startServer({ root: SITE_DIST, base });
  search = await createNodeSearch(new URL(server.url).origin, base);
});
afterAll(() => server.close());

async function run(query: SuiteQuery): Promise<{ found: FoundReport[]; approximate: boolean }> {
  const outcome = await search(query.query);
  const found = outcome.results.map((result) => ({ id: result.report.id, kind: result.kind }));
  ours.set(query, found);
  return { found, approximate: outcome.approximate };
}

describe('the suite', () => {
  test('has at least 40 literal queries, typos and absent strings, each literal one found somewhere', () => {
    const literal = suite.filter((query) => query.kind === 'exact');
    expect(literal.length).toBeGreaterThanOrEqual(40);
    expect(
      literal.filter((query) => query.expected.length === 0).map((query) => query.query),
    ).toEqual([]);
    expect(
      suite.filter((query) => query.kind === 'typo' && query.expected.length > 0).length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      suite.filter((query) => query.kind === 'absent' && query.expected.length === 0).length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('literal queries', () => {
  test.each(
    suite
      .filter((query) => query.kind === 'exact')
      .map((query) => [query.label, query.query, query] as const),
  )(
    '%s %s returns exactly the reports that contain it, title hits first',
    async (_label, _text, query) => {
      const { found } = await run(query);
      expect(found.filter((report) => report.kind !== 'exact')).toEqual([]);
      expect(found.map((report) => report.id).sort()).toEqual([...query.expected].sort());
      expect(
        found
          .slice(0, query.titleHits.length)
          .map((report) => report.id)
          .sort(),
      ).toEqual([...query.titleHits].sort());
    },
  );
});

describe('typos', () => {
  test.each(
    suite.filter((query) => query.kind === 'typo').map((query) => [query.query, query] as const),
  )(
    '%s returns approximate results, marked, including every report with the corrected string',
    async (_text, query) => {
      const { found, approximate } = await run(query);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((report) => report.kind !== 'approximate')).toEqual([]);
      expect(found.map((report) => report.id)).toEqual(expect.arrayContaining(query.expected));
      expect(approximate).toBe(true);
    },
  );
});

describe('absent strings', () => {
  test.each(
    suite.filter((query) => query.kind === 'absent').map((query) => [query.query, query] as const),
  )('%s returns nothing', async (_text, query) => {
    expect(query.expected).toEqual([]);
    const { found } = await run(query);
    expect(found).toEqual([]);
  });
});

describe('the Pagefind index of the real library', () => {
  // The browser scans the real twelve reports (their text is lighter than one query's index
  // chunks); libraries past that size read Pagefind's index, which must answer the same, with the
  // same excerpts, for every query of the suite.
  test('gives every query the same outcome as the scan', async () => {
    const indexed = await createNodeSearch(new URL(server.url).origin, base, 'index');
    for (const query of suite)
      expect(await indexed(query.query), query.query).toEqual(await search(query.query));
  });
});

describe('compared with stock Pagefind', () => {
  test('prints recall, exact-first and precision for ours and stock Pagefind on the same queries', async () => {
    const stockRoot = await buildStockPagefindSite(SITE_DIST);
    const stockServer = await startServer({ root: stockRoot });
    try {
      const stockPagefind = await loadPagefindInNode(
        stockRoot,
        new URL(stockServer.url).origin,
        '/',
      );
      const stock: Answer[] = [];
      const mine: Answer[] = [];
      for (const query of suite) {
        const expectation = {
          kind: query.kind,
          expected: query.expected,
          titleHits: query.titleHits,
        };
        stock.push({ ...expectation, found: await searchStock(stockPagefind, query.query) });
        const found = ours.get(query) ?? (await run(query)).found;
        mine.push({
          ...expectation,
          found: found.filter((report) => report.kind === 'exact').map((report) => report.id),
        });
      }
      const figures = { ours: scoreAnswers(mine), stockPagefind: scoreAnswers(stock) };
      const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
      const rows = (
        ['recall', 'exactFirst', 'precision', 'titleFirst', 'absentEmpty'] as const
      ).map(
        (key) =>
          `${key.padEnd(12)} ${percent(figures.ours[key]).padStart(7)} ${percent(figures.stockPagefind[key]).padStart(9)}`,
      );
      console.log(
        [
          `search quality on ${suite.length} queries`,
          `${''.padEnd(12)} ${'ours'.padStart(7)} ${'stock'.padStart(9)}`,
          ...rows,
        ].join('\n'),
      );
      mkdirSync('tests/artifacts', { recursive: true });
      writeFileSync('tests/artifacts/search-quality.json', JSON.stringify(figures, null, 2));
      expect(figures.ours).toMatchObject({
        recall: 1,
        exactFirst: 1,
        precision: 1,
        titleFirst: 1,
        absentEmpty: 1,
      });
    } finally {
      await stockServer.close();
    }
  });
});
