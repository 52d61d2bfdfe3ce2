/**
 * Search quality over a library ten times the real one: a seeded synthetic library of 120 reports
 * (scripts/bench/synthetic-library.ts, Markov text with planted strings), indexed by the index
 * stage's own `writeSearchIndex`, searched in Node by the flow the browser runs, over Pagefind's
 * own build of it. Every literal query of its suite (expected reports computed from the text by
 * the suite's independent matcher) returns exactly the reports that contain it, title hits first,
 * with exact hit counts; absent strings return nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildSyntheticSite,
  syntheticSources,
  type SyntheticSite,
} from '../../scripts/bench/library-site.ts';
import { buildSyntheticSuite, PLANTED_STRINGS } from '../../scripts/bench/synthetic-library.ts';
import { foldForSuite, type SuiteQuery } from '../../scripts/lib/search-suite.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { createNodeSearch } from '../helpers/node-search.ts';

const REPORTS = 120;

let site: SyntheticSite;
let server: RunningServer;
let search: Awaited<ReturnType<typeof createNodeSearch>>;
let suite: SuiteQuery[];

beforeAll(async () => {
  // Shorter reports than the real ones (2,000 characters): the same design, half the build time.
  site = await buildSyntheticSite(syntheticSources(REPORTS, 2000));
  suite = buildSyntheticSuite(site.sources);
  server = await startServer({ root: site.root });
  search = await createNodeSearch(site.root, new URL(server.url).origin, '/');
}, 120_000);
afterAll(async () => {
  await server.close();
  site.remove();
});

/** Hits of a query in one report, counted as findAll does (non-overlapping, per block). */
/** The report id (what the suite names) of a match's opaque key. */
function idOf(key: string): string {
  return site.sources.find(({ meta }) => meta.key === key)?.meta.id ?? key;
}

function countHits(reportId: string, query: string): number {
  const source = site.sources.find((entry) => entry.meta.id === reportId);
  if (!source) return 0;
  const needle = foldForSuite(query);
  const { meta } = source;
  const texts = [meta.title, meta.subtitle ?? '', meta.unit, meta.authors.join(' ')];
  return [...texts, ...source.blocks.map(([, text]) => text)]
    .map((text) => foldForSuite(text).split(needle).length - 1)
    .reduce((sum, count) => sum + count, 0);
}

describe(`a synthetic library of ${REPORTS} reports`, () => {
  test('has planted phrases in exactly 1, 10 and 100 reports, and literal queries of every kind', () => {
    const expected = (query: string): number =>
      suite.find((entry) => entry.query === query)?.expected.length ?? -1;
    expect(
      [PLANTED_STRINGS.one, PLANTED_STRINGS.ten, PLANTED_STRINGS.hundred].map(expected),
    ).toEqual([1, 10, 100]);
    expect(suite.filter((query) => query.kind === 'exact').length).toBeGreaterThanOrEqual(25);
    expect(suite.filter((query) => query.kind === 'exact' && query.expected.length === 0)).toEqual(
      [],
    );
  });

  test('every literal query returns exactly the reports that contain it, title hits first, hits counted', async () => {
    const wrong: string[] = [];
    for (const query of suite.filter((entry) => entry.kind === 'exact')) {
      const outcome = await search(query.query, { shown: 0 });
      const found = outcome.matches.map((match) => idOf(match.key));
      const sorted = (ids: string[]): string => [...ids].sort().join(',');
      if (outcome.approximate || sorted(found) !== sorted(query.expected))
        wrong.push(
          `${query.label} ${query.query}: found ${found.length}, expected ${query.expected.length}`,
        );
      else if (sorted(found.slice(0, query.titleHits.length)) !== sorted(query.titleHits))
        wrong.push(`${query.label} ${query.query}: title hits not first`);
      else {
        const miscounted = outcome.matches.filter(
          (match) => match.hits !== countHits(idOf(match.key), query.query),
        );
        if (miscounted.length > 0) wrong.push(`${query.label} ${query.query}: hit counts differ`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('absent strings return nothing', async () => {
    for (const query of suite.filter((entry) => entry.kind === 'absent')) {
      expect(query.expected).toEqual([]);
      expect((await search(query.query)).results).toEqual([]);
    }
  });

  test('a shown page of results carries excerpts with the hit, and the count covers every match', async () => {
    const outcome = await search(PLANTED_STRINGS.hundred, { shown: 10, sections: 2 });
    expect(outcome.matches).toHaveLength(100);
    expect(outcome.results).toHaveLength(10);
    for (const result of outcome.results)
      expect(result.sections[0]?.excerpt.hit).toBe(PLANTED_STRINGS.hundred);
  });
});
