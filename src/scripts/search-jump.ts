/**
 * Quick jump: fuzzy matching over report titles, units, authors and every section heading, by
 * characters, full pinyin (`xiaomalache`) or initials (`xmldc`), with fuse.js. The pinyin was
 * computed at build time into `search/jump-pinyin.json`, fetched only for queries with Latin letters.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { normaliseQuery } from '../lib/search/normalise.ts';
import type { JumpEntry, JumpPinyinRow, JumpRow } from '../lib/search/types.ts';
import { reportAnchorPath, searchDataPath } from '../lib/urls.ts';

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

let rowsPromise: Promise<JumpRow[]> | undefined;
let textFuse: Promise<Fuse<JumpEntry>> | undefined;
let pinyinFuse: Promise<Fuse<JumpEntry>> | undefined;

function loadRows(): Promise<JumpRow[]> {
  rowsPromise ??= fetchJson<JumpRow[]>(searchDataPath(base, 'jump.json'));
  rowsPromise.catch(() => (rowsPromise = undefined));
  return rowsPromise;
}

/** Joins the rows with their pinyin ('' until the pinyin is loaded). */
export function toJumpEntries(rows: JumpRow[], pinyin: JumpPinyinRow[] = []): JumpEntry[] {
  return rows.map(([text, kind, report, anchor, edition], index) => ({
    text,
    kind,
    report,
    edition,
    anchor,
    pinyin: pinyin[index]?.[0] ?? '',
    initials: pinyin[index]?.[1] ?? '',
  }));
}

/** Fuse over the characters only, or — once a query has Latin letters — also over pinyin. */
function loadFuse(withPinyin: boolean): Promise<Fuse<JumpEntry>> {
  if (!withPinyin) {
    textFuse ??= loadRows().then((rows) => new Fuse(toJumpEntries(rows), JUMP_FUSE_OPTIONS));
    textFuse.catch(() => (textFuse = undefined));
    return textFuse;
  }
  pinyinFuse ??= Promise.all([
    loadRows(),
    fetchJson<JumpPinyinRow[]>(searchDataPath(base, 'jump-pinyin.json')),
  ]).then(([rows, pinyin]) => new Fuse(toJumpEntries(rows, pinyin), JUMP_FUSE_OPTIONS));
  pinyinFuse.catch(() => (pinyinFuse = undefined));
  return pinyinFuse;
}

/** Whether a folded query needs pinyin: it has Latin letters (full-width ones fold to these). */
export function needsPinyin(folded: string): boolean {
  return /[a-z]/.test(folded);
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
  return matchJumps(await loadFuse(needsPinyin(folded)), folded, limit);
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
