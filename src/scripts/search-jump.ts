/**
 * Quick jump: fuzzy matching over report titles, units, authors and every section heading, by
 * characters, full pinyin (`xiaomalache`) or initials (`xmldc`), with fuse.js. The pinyin was
 * computed at build time; the targets come in buckets by key (src/lib/search/jump-buckets.ts), and a
 * query loads only the buckets of its first key or two.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { queryBuckets } from '../lib/search/jump-buckets.ts';
import { normaliseQuery } from '../lib/search/normalise.ts';
import type { JumpEntry, JumpRow } from '../lib/search/types.ts';
import { jumpBucketPath, reportAnchorPath } from '../lib/urls.ts';
import { loadManifest } from './search-client.ts';

const base = import.meta.env.BASE_URL;

/**
 * Chosen, not default: fuse scores a match by its distance from `location` 0 unless told
 * otherwise, so `ignoreLocation` lets a word deep inside a long title match as well as one at
 * its start. A threshold of 0.3 allows about one typo in three letters of pinyin; text counts
 * more than pinyin so characters typed exactly rank first; one-letter noise is ignored. The text
 * is matched folded as the full-text search folds it (normalise.ts), and so is the query.
 */
export const JUMP_FUSE_OPTIONS: IFuseOptions<JumpEntry> = {
  keys: [
    { name: 'text', weight: 3, getFn: (entry) => normaliseQuery(entry.text) },
    { name: 'initials', weight: 2 },
    { name: 'pinyin', weight: 2 },
  ],
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
  includeScore: true,
  includeMatches: true,
};

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const buckets = new Map<number, Promise<JumpRow[]>>();

function loadBucket(bucket: number, version: string): Promise<JumpRow[]> {
  let rows = buckets.get(bucket);
  if (!rows) {
    rows = fetchJson<JumpRow[]>(jumpBucketPath(base, bucket, version));
    rows.catch(() => buckets.delete(bucket));
    buckets.set(bucket, rows);
  }
  return rows;
}

/** Turns rows into entries, each once (a target sits in several buckets). */
export function toJumpEntries(rows: readonly JumpRow[]): JumpEntry[] {
  const seen = new Set<string>();
  return rows.flatMap(([text, kind, report, anchor, edition, pinyin, initials]) => {
    const key = `${edition}#${report}#${anchor}#${kind}#${text}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ text, kind, report, edition, anchor, pinyin, initials }];
  });
}

/**
 * The best targets for a query in `fuse`: the query folded by the same function as the full-text
 * search (width, case, quotes, spaces), so both answer `ｘｍｌｄｃ` or `"小马拉大车"` alike.
 */
export function matchJumps(fuse: Fuse<JumpEntry>, query: string, limit = 5): JumpEntry[] {
  const folded = normaliseQuery(query);
  if (folded === '') return [];
  return fuse.search(folded, { limit }).map((result) => result.item);
}

/** The best quick-jump targets for a query. */
export async function findJumps(query: string, limit = 5): Promise<JumpEntry[]> {
  const folded = normaliseQuery(query);
  if (folded === '') return [];
  const manifest = await loadManifest();
  const wanted = queryBuckets(folded, manifest.jumpBuckets);
  const rows = (
    await Promise.all(wanted.map((bucket) => loadBucket(bucket, manifest.version)))
  ).flat();
  return matchJumps(new Fuse(toJumpEntries(rows), JUMP_FUSE_OPTIONS), folded, limit);
}

/** URL of a quick-jump target. */
export function jumpUrl(entry: JumpEntry): string {
  return reportAnchorPath(base, { edition: entry.edition, id: entry.report }, entry.anchor);
}

/** The label of a kind of target, shown before it. */
export const JUMP_KIND_LABELS: Record<JumpEntry['kind'], string> = {
  title: '报告',
  unit: '单位',
  author: '执笔人',
  heading: '章节',
};
