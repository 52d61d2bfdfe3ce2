/**
 * Shapes of the search data that `scripts/index/build-search-index.ts` writes to `dist/search/` and
 * the browser reads.
 */

import type { LibraryReport } from '../content-schema.ts';

/**
 * One report as the search lists it (from `manifest.json`): `edition` and `id` give its address
 * (src/lib/urls.ts), `key` — an opaque string, unique across the library — names its shard.
 */
export type SearchReport = Pick<
  LibraryReport,
  'edition' | 'id' | 'title' | 'subtitle' | 'unit' | 'authors' | 'page'
> & {
  /** Opaque key of the report across the library: its shard's name and cache key. */
  key: string;
  /** Pagefind's result id for this report's record. */
  pagefindId: string;
};

/** `dist/search/manifest.json`. */
export interface SearchManifest {
  /** Changes whenever the data changes; shard URLs carry it so caches never mix builds. */
  version: string;
  reports: SearchReport[];
  /**
   * Characters that occur in every report. They tell reports apart no better than nothing, so
   * they are left out of the Pagefind index (halving it) and out of candidate queries.
   */
  everywhere: string;
  /** The library's editions, newest first: key and issue label (`2025 增刊`), to name a result's edition. */
  editions: Array<{ key: string; label: string }>;
}

/** One block of a report body: element id (`s2`, `s2-3`, `p2-3-4`, `p0-1`) and its text. */
export type ShardBlock = [id: string, text: string];

/** `dist/search/reports/<key>.json`: the report body as the page shows it, block by block. */
export interface ReportShard {
  /** The report's key (SearchReport.key). */
  id: string;
  blocks: ShardBlock[];
}

/**
 * `dist/search/jump.json`: quick-jump targets as `[text, kind, report, anchor, edition]` rows;
 * `dist/search/jump-pinyin.json`: `[pinyin, initials]` rows in the same order, loaded only once
 * a query contains Latin letters (most queries are Chinese and never need them).
 */
export type JumpRow = [
  text: string,
  kind: JumpEntry['kind'],
  report: string,
  anchor: string,
  edition: string,
];

/** Pinyin of one jump row. */
export type JumpPinyinRow = [pinyin: string, initials: string];

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
