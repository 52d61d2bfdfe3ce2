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
import { createNodeSearch, loadPagefindInNode } from '../helpers/node-search.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryGroups } from '../../scripts/index/build-search-index.ts';
import { readPagefindMeta } from '../../scripts/index/pagefind-files.ts';
import { decodeIndexChunk, indexCandidates } from '../../src/lib/search/pagefind-index.ts';
import { indexReport } from '../../src/lib/search/outline.ts';
import type { IndexHit } from '../../src/lib/search/flow.ts';

const REPORTS = 120;

let site: SyntheticSite;
let server: RunningServer;
let search: Awaited<ReturnType<typeof createNodeSearch>>;
let suite: SuiteQuery[];

beforeAll(async () => {
  // Shorter reports than the real ones (2,000 characters): the same design, half the build time.
  // Pagefind's runtime is kept for the test that compares its reading of the index with ours.
  site = await buildSyntheticSite(syntheticSources(REPORTS, 2000), { pagefindRuntime: true });
  suite = buildSyntheticSuite(site.sources);
  server = await startServer({ root: site.root });
  search = await createNodeSearch(new URL(server.url).origin, '/');
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

describe('reading Pagefind’s index without its runtime', () => {
  // The browser reads the index chunks itself (src/lib/search/pagefind-index.ts); here Pagefind's
  // own runtime, kept for this library, answers the same lookups from the same files.
  test('gives every lookup the records and positions Pagefind’s runtime gives', async () => {
    const origin = new URL(server.url).origin;
    const runtime = await loadPagefindInNode(site.root, origin, '/');
    const meta = readPagefindMeta(join(site.root, 'pagefind'));
    const groups = directoryGroups(meta.chunks);
    const reader = indexCandidates({
      groups: groups.map((group) => group[0]?.[0] ?? ''),
      group: (group) => Promise.resolve(groups[group] ?? []),
      chunk: (file) =>
        Promise.resolve(
          new Uint8Array(readFileSync(join(site.root, 'pagefind', 'index', `${file}.pf_index`))),
        ),
    });
    expect(meta.chunks.length).toBeGreaterThan(10);
    // Words of every kind from every report; and terms that are no word: one right after the
    // last word of each chunk (between two chunks), one before the first and one after the last.
    const words = site.sources.flatMap((source) =>
      indexReport(source).words.filter((_, position) => position % 701 === 0),
    );
    const between = meta.chunks.map(({ file }) => {
      const path = join(site.root, 'pagefind', 'index', `${file}.pf_index`);
      return `${decodeIndexChunk(new Uint8Array(readFileSync(path)), path).words.at(-1) ?? ''}0`;
    });
    const sorted = (hits: IndexHit[]): string =>
      JSON.stringify([...hits].sort((a, b) => a.record - b.record));
    const differ: string[] = [];
    for (const word of new Set(words)) {
      const found = await runtime.search(word);
      const expected = (found?.results ?? []).map((result) => ({
        record: meta.records.indexOf(result.id),
        positions: result.words,
      }));
      if (sorted(await reader(word)) !== sorted(expected)) differ.push(word);
    }
    expect(words.length).toBeGreaterThan(500);
    // Pagefind's runtime answers a term no word equals with the words it nearly equals (the
    // term less its last letter); a lookup here is exact, which the flow relies on.
    const nowhere = await Promise.all([...between, '!', '~'].map((term) => reader(term)));
    expect(nowhere.filter((hits) => hits.length > 0)).toEqual([]);
    expect(differ).toEqual([]);
  });
});
