/**
 * Shapes of the search data that `scripts/index/build-search-index.ts` writes to `dist/search/` and
 * the browser reads.
 */

import type { LibraryReport } from '../content-schema.ts';

/**
 * One report as results show it (from its outline, `search/reports/<key>.json`): `edition` and
 * `id` give its address (src/lib/urls.ts), `key` — an opaque string, unique across the library —
 * names its outline and text chunks.
 */
export type SearchReport = Pick<
  LibraryReport,
  'edition' | 'id' | 'title' | 'subtitle' | 'unit' | 'authors' | 'page'
> & {
  /** Opaque key of the report across the library: its data files' name and cache key. */
  key: string;
};

/**
 * One report of the manifest, whose position is its Pagefind record number: its key, its unit (an
 * index into `units`), where its title and subtitle end among its characters (a hit before that
 * is a title hit), and its edition (an index into `editions`), so unit and edition filters are
 * exact at once.
 */
export type ManifestRow = [key: string, unit: number, titleEnd: number, edition: number];

/**
 * `dist/search/manifest.json`: what a first query needs before any report is shown — a few bytes
 * per report, so ids map to reports, counts and unit filters are exact at once and ties keep the
 * compendium's order (the row order).
 */
export interface SearchManifest {
  /** Changes whenever the data changes; data URLs carry it so caches never mix builds. */
  version: string;
  /** The authoring units, each once. */
  units: string[];
  reports: ManifestRow[];
  /** The first word of each group of the index's chunk directory (`search/words/<n>.json`). */
  index: string[];
  /** How many quick-jump buckets `search/jump/` holds (see `queryBuckets`). */
  jumpBuckets: number;
  /**
   * True when the whole library's text (`library.json`) is lighter than the index chunks a query
   * loads: the browser then scans it (src/lib/search/scan.ts) instead of reading the index.
   */
  scan: boolean;
  /** The library's editions, newest first: key and issue label (`2025 增刊`), to name a result's edition. */
  editions: Array<{ key: string; label: string }>;
}

/**
 * `dist/search/words/<n>.json`: consecutive index chunks in word order, each as its first word
 * and its file name under `pagefind/index/` (src/lib/search/pagefind-index.ts).
 */
export type WordsGroup = Array<[from: string, file: string]>;

/** One block of a report body: element id (`s2`, `s2-3`, `p2-3-4`, `p0-1`) and its text. */
export type ShardBlock = [id: string, text: string];

/** The header fields a report is searchable by, before its body. */
export type HeaderField = 'title' | 'subtitle' | 'unit' | 'authors';

/**
 * Where a field or block starts among the report's index words (one word per normalised
 * character) and which text chunk holds it: `[field, start, -1]` for a header field (its text is
 * in `report`), `[element id, start, chunk]` for a body block.
 */
export type OutlineBlock = [id: string, start: number, chunk: number];

/**
 * `dist/search/reports/<key>.json`: a report's metadata and the map from index positions to
 * blocks and text chunks; fetched only for reports a result list shows.
 */
export interface ReportOutline {
  report: SearchReport;
  blocks: OutlineBlock[];
  /** Section heading texts by id, for result labels. */
  headings: ShardBlock[];
}

/** `dist/search/text/<key>/<n>.json`: a run of body blocks, a few kilobytes of text. */
export type TextChunk = ShardBlock[];

/**
 * What the index stage needs of one report: its frontmatter fields and its body blocks (read back
 * from its built page); `dist/search/library.json` is a list of them when the library is small.
 */
export interface IndexSource {
  meta: SearchReport;
  blocks: ShardBlock[];
}

/** A report body block by block (the engine's input). */
export interface ReportShard {
  /** The report's key (SearchReport.key). */
  id: string;
  blocks: ShardBlock[];
}

/**
 * `dist/search/jump/<n>.json`: quick-jump targets as rows, each in the bucket of every key it is
 * filed under (src/lib/search/jump-buckets.ts), so a query loads the buckets of its first key or
 * two only (`queryBuckets`), not the whole library's headings.
 */
export type JumpRow = [
  text: string,
  kind: JumpEntry['kind'],
  report: string,
  anchor: string,
  edition: string,
  pinyin: string,
  initials: string,
];

/** One quick-jump target. */
export interface JumpEntry {
  /** What is shown and matched: a title, unit, author name or heading text. */
  text: string;
  /** What kind of target this is. */
  kind: 'title' | 'unit' | 'author' | 'heading';
  /** Report id inside its edition. */
  report: string;
  /** The report's edition key. */
  edition: string;
  /** Element id inside the report, '' for the report itself. */
  anchor: string;
  /** Pinyin without tones or spaces, e.g. `xiaomaladache`. */
  pinyin: string;
  /** Pinyin initials, e.g. `xmldc`. */
  initials: string;
}
