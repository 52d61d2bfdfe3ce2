/**
 * Quick jump: fuzzy matching over report titles, units, authors and every section heading, by
 * characters, full pinyin (`xiaomalache`) or initials (`xmldc`), with fuse.js. The pinyin was
 * computed at build time into `search/jump.json`.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { JumpEntry } from '../lib/search/types.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/**
 * Chosen, not default: fuse scores a match by its distance from `location` 0 unless told
 * otherwise, so `ignoreLocation` lets a word deep inside a long title match as well as one at
 * its start. A threshold of 0.3 allows about one typo in three letters of pinyin; text counts
 * more than pinyin so characters typed exactly rank first; short noise (1 letter) is ignored.
 */
export const JUMP_FUSE_OPTIONS: IFuseOptions<JumpEntry> = {
  keys: [
    { name: 'text', weight: 3 },
    { name: 'initials', weight: 2 },
    { name: 'pinyin', weight: 2 },
  ],
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
  includeScore: true,
  includeMatches: true,
};

let fusePromise: Promise<Fuse<JumpEntry>> | undefined;

function loadFuse(): Promise<Fuse<JumpEntry>> {
  fusePromise ??= fetch(`${base}search/jump.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`jump.json: HTTP ${response.status}`);
      return response.json() as Promise<JumpEntry[]>;
    })
    .then((entries) => new Fuse(entries, JUMP_FUSE_OPTIONS));
  fusePromise.catch(() => (fusePromise = undefined));
  return fusePromise;
}

/** The best quick-jump targets for a query. */
export async function findJumps(query: string, limit = 5): Promise<JumpEntry[]> {
  const trimmed = query.trim().replace(/\s+/g, '');
  if (trimmed === '') return [];
  const fuse = await loadFuse();
  return fuse.search(trimmed, { limit }).map((result) => result.item);
}

/** URL of a quick-jump target. */
export function jumpUrl(entry: JumpEntry): string {
  return `${base}reports/${entry.report}/${entry.anchor ? `#${entry.anchor}` : ''}`;
}

/** The label of a kind of target, shown before it. */
export const JUMP_KIND_LABELS: Record<JumpEntry['kind'], string> = {
  title: '报告',
  unit: '单位',
  author: '执笔人',
  heading: '章节',
};
