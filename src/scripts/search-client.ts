/**
 * The browser half of the search: asks Pagefind for candidate reports, fetches their body
 * shards (each once), and runs the exact search of src/lib/search/engine.ts on them.
 * Loaded lazily, on the first focus of the search box or on the search page.
 */
import { normaliseQuery } from '../lib/search/normalise.ts';
import { encodeCharacter, pagefindQuery } from '../lib/search/tokens.ts';
import { allowedEdits } from '../lib/search/approximate.ts';
import {
  matchApproximate,
  matchExact,
  prepareReport,
  rankResults,
  type PreparedReport,
  type ReportResult,
} from '../lib/search/engine.ts';
import type { ReportShard, SearchManifest, SearchReport } from '../lib/search/types.ts';

/** The slice of Pagefind's browser API this module uses. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string): Promise<{ results: Array<{ id: string }> } | null>;
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
  /** Milliseconds the search took. */
  elapsed: number;
}

// How many approximate candidates to fetch at most: typos are a fallback, not worth 12 shards.
const APPROXIMATE_CANDIDATES = 6;

const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

let pagefindPromise: Promise<PagefindApi> | undefined;
let manifestPromise: Promise<SearchManifest> | undefined;
const prepared = new Map<string, Promise<PreparedReport>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Whether Pagefind's WebAssembly can run here: it needs reference types, and compiling must be
 * allowed by the CSP, whose 'wasm-unsafe-eval' Chromium before 97 does not know. Checked with two
 * tiny modules first, so such an engine neither downloads Pagefind nor meets its uncaught error.
 */
function canRunPagefindWasm(): boolean {
  const header = [0, 97, 115, 109, 1, 0, 0, 0];
  try {
    // A table of externref: valid only with reference types.
    if (!WebAssembly.validate(new Uint8Array([...header, 4, 4, 1, 0x6f, 0, 0]))) return false;
    new WebAssembly.Module(new Uint8Array(header));
    return true;
  } catch {
    return false;
  }
}

/** Loads Pagefind's search API once (its own module, served from dist/pagefind/). */
function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    if (!canRunPagefindWasm()) throw new Error('Pagefind: WebAssembly cannot run in this browser');
    const url = `${base}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // No worker: a search here takes a millisecond, and the worker script would cost 12 KB.
    await api.options({ basePath: `${base}pagefind/`, noWorker: true });
    return api;
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** Loads the report list once. */
export function loadManifest(): Promise<SearchManifest> {
  manifestPromise ??= fetchJson<SearchManifest>(`${base}search/manifest.json`);
  manifestPromise.catch(() => (manifestPromise = undefined));
  return manifestPromise;
}

/**
 * Starts loading everything a first query needs while the reader is still typing: Pagefind with
 * its WebAssembly and index (a preload of any word fetches them) and the report list.
 */
export function warmUp(): void {
  void loadPagefind()
    .then((api) => api.preload(encodeCharacter('0')))
    .catch(() => undefined);
  void loadManifest().catch(() => undefined);
}

function loadPrepared(report: SearchReport, version: string): Promise<PreparedReport> {
  let entry = prepared.get(report.id);
  if (!entry) {
    entry = fetchJson<ReportShard>(`${base}search/reports/${report.id}.json?v=${version}`).then(
      (shard) => prepareReport(report, shard),
    );
    entry.catch(() => prepared.delete(report.id));
    prepared.set(report.id, entry);
  }
  return entry;
}

/** Reports Pagefind returns for a token query; all of them for an empty one. */
async function candidateIds(
  api: PagefindApi,
  manifest: SearchManifest,
  tokens: string,
): Promise<SearchReport[]> {
  if (tokens === '') return manifest.reports;
  const found = await api.search(tokens);
  const ids = new Set((found?.results ?? []).map((result) => result.id));
  return manifest.reports.filter((report) => ids.has(report.pagefindId));
}

/**
 * Candidates for approximate matches: reports holding all but `edits` of the query's distinct
 * characters, best covered first (one Pagefind lookup per character; the index chunks are cached).
 */
async function approximateCandidates(
  api: PagefindApi,
  manifest: SearchManifest,
  normalised: string,
  edits: number,
): Promise<SearchReport[]> {
  const characters = [...new Set(normalised)];
  const coverage = new Map<string, number>();
  for (const character of characters) {
    const tokens = manifest.everywhere.includes(character) ? '' : encodeCharacter(character);
    for (const report of await candidateIds(api, manifest, tokens)) {
      coverage.set(report.id, (coverage.get(report.id) ?? 0) + 1);
    }
  }
  return manifest.reports
    .filter((report) => (coverage.get(report.id) ?? 0) >= characters.length - edits)
    .sort((a, b) => (coverage.get(b.id) ?? 0) - (coverage.get(a.id) ?? 0))
    .slice(0, APPROXIMATE_CANDIDATES);
}

/** Runs one search: every report that contains the query literally, else approximate matches. */
export async function searchSite(query: string): Promise<SearchOutcome> {
  const started = performance.now();
  const normalised = normaliseQuery(query);
  const done = (results: ReportResult[], approximate: boolean): SearchOutcome => ({
    query,
    normalised,
    results,
    approximate,
    elapsed: performance.now() - started,
  });
  if (normalised === '') return done([], false);
  const [api, manifest] = await Promise.all([loadPagefind(), loadManifest()]);
  const candidates = await candidateIds(
    api,
    manifest,
    pagefindQuery(normalised, manifest.everywhere),
  );
  const exact = (
    await Promise.all(candidates.map((report) => loadPrepared(report, manifest.version)))
  )
    .map((report) => matchExact(report, normalised))
    .filter((result): result is ReportResult => result !== null);
  if (exact.length > 0) return done(rankResults(exact), false);

  const edits = allowedEdits(normalised.length);
  if (edits === 0) return done([], false);
  const near = await approximateCandidates(api, manifest, normalised, edits);
  const approximate = (
    await Promise.all(near.map((report) => loadPrepared(report, manifest.version)))
  )
    .map((report) => matchApproximate(report, normalised, edits))
    .filter((result): result is ReportResult => result !== null);
  return done(rankResults(approximate), approximate.length > 0);
}

/** The URL of a hit: the report page with the query to highlight and the element to land on. */
export function hitUrl(reportId: string, query: string, target: string): string {
  const hash = target === '' ? '' : `#${target}`;
  return `${base}reports/${reportId}/?hl=${encodeURIComponent(query)}${hash}`;
}
