/**
 * The whole search, as one function over its loaders: candidates from the index → the candidates'
 * text → exact match, or approximate matches when nothing matches exactly → ranking. The browser
 * adapter (src/scripts/search-client.ts) wires Pagefind and `fetch` in; tests hand in loaders that
 * read the built index files, so the flow the reader runs is the flow the tests check.
 */
import { allowedEdits } from './approximate.ts';
import {
  matchApproximate,
  matchExact,
  rankResults,
  type PreparedReport,
  type ReportResult,
} from './engine.ts';
import { normaliseQuery } from './normalise.ts';
import { encodeCharacter, pagefindQuery } from './tokens.ts';
import type { SearchManifest, SearchReport } from './types.ts';

/** Where the search gets its data from. */
export interface SearchLoaders {
  /** The report list and the characters found in every report. */
  manifest(): Promise<SearchManifest>;
  /** Pagefind ids of the records that hold every token of a (non-empty) token query. */
  candidates(tokens: string): Promise<ReadonlySet<string>>;
  /** A report's text, prepared for matching (loaders cache it). */
  prepared(report: SearchReport, version: string): Promise<PreparedReport>;
}

/** What a search returns to the UI. */
export interface SearchOutcome {
  /** The query as typed. */
  query: string;
  /** The normalised query ('' when the query had nothing searchable). */
  normalised: string;
  results: ReportResult[];
  /** True when the results are approximate matches because nothing matched exactly. */
  approximate: boolean;
}

/** Reports whose record holds every token; all reports for an empty token query. */
async function candidateReports(
  loaders: SearchLoaders,
  manifest: SearchManifest,
  tokens: string,
): Promise<SearchReport[]> {
  if (tokens === '') return manifest.reports;
  const ids = await loaders.candidates(tokens);
  return manifest.reports.filter((report) => ids.has(report.pagefindId));
}

/**
 * Candidates for approximate matches: every report holding all but `edits` of the query's
 * distinct characters (one index lookup per character). No cap: each edit removes at most one
 * of those characters, so a report outside this set cannot match, and one inside may match
 * more often than a better-covered one (党建引领 7 times in 01 for the typo 党见引领).
 */
async function approximateCandidates(
  loaders: SearchLoaders,
  manifest: SearchManifest,
  normalised: string,
  edits: number,
): Promise<SearchReport[]> {
  const characters = [...new Set(normalised)];
  const coverage = new Map<string, number>();
  for (const character of characters) {
    const tokens = manifest.everywhere.includes(character) ? '' : encodeCharacter(character);
    for (const report of await candidateReports(loaders, manifest, tokens)) {
      coverage.set(report.id, (coverage.get(report.id) ?? 0) + 1);
    }
  }
  return manifest.reports.filter(
    (report) => (coverage.get(report.id) ?? 0) >= characters.length - edits,
  );
}

/** Matches `match` over the prepared text of `reports`, keeping the reports that match. */
async function matchAll(
  loaders: SearchLoaders,
  reports: readonly SearchReport[],
  version: string,
  match: (report: PreparedReport) => ReportResult | null,
): Promise<ReportResult[]> {
  const prepared = await Promise.all(reports.map((report) => loaders.prepared(report, version)));
  return prepared.map(match).filter((result): result is ReportResult => result !== null);
}

/**
 * Runs one search: every report that contains the query literally, ranked (title hits first);
 * only when none does, the reports within a typo or two, marked approximate.
 */
export async function runSearch(query: string, loaders: SearchLoaders): Promise<SearchOutcome> {
  const normalised = normaliseQuery(query);
  const done = (results: ReportResult[], approximate: boolean): SearchOutcome => ({
    query,
    normalised,
    results,
    approximate,
  });
  if (normalised === '') return done([], false);
  const manifest = await loaders.manifest();
  const tokens = pagefindQuery(normalised, manifest.everywhere);
  const candidates = await candidateReports(loaders, manifest, tokens);
  const exact = await matchAll(loaders, candidates, manifest.version, (report) =>
    matchExact(report, normalised),
  );
  if (exact.length > 0) return done(rankResults(exact), false);

  const edits = allowedEdits(normalised.length);
  if (edits === 0) return done([], false);
  const near = await approximateCandidates(loaders, manifest, normalised, edits);
  const approximate = await matchAll(loaders, near, manifest.version, (report) =>
    matchApproximate(report, normalised, edits),
  );
  return done(rankResults(approximate), approximate.length > 0);
}
