/**
 * The offline copy's shared vocabulary: what the service worker is called, how its cache and cache
 * keys are named, and which files of a scope a request asks for. Imported by the worker
 * (src/offline/service-worker.ts), the page code that registers it (src/scripts/offline-*.ts), the
 * build stage that writes it (scripts/offline/) and the tests, so they cannot disagree. Pure: no
 * DOM, no worker globals, no Node.
 */

/** File name of the worker, at the root of the base path (its folder is its widest scope). */
export const WORKER_FILE = 'sw.js';

/** What a page posts to a waiting worker when the reader asks for the new build. */
export const SKIP_WAITING_MESSAGE = 'skip-waiting';

/** Length of the content hash kept per file: a change detector and integrity check, no defence. */
export const CONTENT_HASH_LENGTH = 8;

/** One file of the offline copy: path relative to the scope (`reports/05/`) and content hash. */
export type PrecachePair = readonly [path: string, hash: string];

/**
 * Names the cache of one scope. The origin's caches are shared by every site on it, so a second
 * deployment under another base path (`/xinfeng-test/`) keeps a cache of its own.
 */
export function cacheName(scope: string): string {
  return `xinfeng-offline ${scope}`;
}

/**
 * The cache key of one version of one file: its URL plus its content hash. Keys are content
 * addressed, so a new build stores only what changed beside the old one, and the old worker keeps
 * answering from its own keys until the new one takes over and drops them.
 */
export function cacheKey(scope: string, path: string, hash: string): string {
  return `${scope}${path}?precache=${hash}`;
}

/**
 * Returns the path of `url` relative to `scope` without query and fragment (`?hl=…`, Pagefind's
 * `?ts=…` and the shards' `?v=…` never change the file a static site serves), or null when the
 * URL lies outside the scope or on another origin.
 */
export function scopedPath(url: string, scope: string): string | null {
  const target = new URL(url);
  const root = new URL(scope);
  if (target.origin !== root.origin || !target.pathname.startsWith(root.pathname)) return null;
  return target.pathname.slice(root.pathname.length);
}
