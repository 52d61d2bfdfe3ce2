/**
 * The first-query budget: typing a query into the header box of a report page opened in a cold
 * browser transfers no more than before issue 10 — at most 132 KB at the median over the
 * search-quality suite's queries and at most 187 KB for any of them — search code, the index or
 * the library's text, excerpts and the quick-jump data, compressed as served.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { serveSiteInChromium } from '../helpers/site.ts';
import { buildSuite, loadSuiteReports } from '../../scripts/lib/search-suite.ts';
import { firstQueryFromReportPage } from '../../scripts/lib/search-driver.ts';

const MEDIAN_BUDGET = 132 * 1024;
const WORST_BUDGET = 187 * 1024;
const suite = buildSuite(loadSuiteReports());
const measured = new Map<string, Promise<number>>();

const site = serveSiteInChromium();

// Queries are measured two at a time (one per core), each in its own cold browser context: bytes
// do not depend on timing, and one query after another would cost the suite a minute.
const CONCURRENT_CONTEXTS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` once fewer than CONCURRENT_CONTEXTS others run. */
async function inPool<T>(task: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_CONTEXTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await task();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Measures a query's first-query bytes once; a test run alone measures what it needs itself. */
function measure(query: string): Promise<number> {
  let bytes = measured.get(query);
  if (!bytes) {
    bytes = inPool(() => firstQueryFromReportPage(site.browser, site.url, query)).then(
      (result) => result.bytes,
    );
    measured.set(query, bytes);
  }
  return bytes;
}

describe('first query from a cold report page', () => {
  // Starts every measurement; each test below then awaits its own.
  beforeAll(() => {
    for (const entry of suite) void measure(entry.query).catch(() => undefined);
  });

  test.each(suite.map((entry) => entry.query))('%s transfers at most 187 KB', async (query) => {
    expect(await measure(query)).toBeLessThanOrEqual(WORST_BUDGET);
  });

  test('transfers at most 132 KB at the median over the suite', async () => {
    const sorted: number[] = [];
    for (const entry of suite) sorted.push(await measure(entry.query));
    sorted.sort((a, b) => a - b);
    expect(sorted).toHaveLength(suite.length);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    console.log(
      `first query: median ${(median / 1024).toFixed(1)} KB, worst ${((sorted.at(-1) ?? 0) / 1024).toFixed(1)} KB over ${sorted.length} queries`,
    );
    expect(median).toBeLessThanOrEqual(MEDIAN_BUDGET);
  });
});
