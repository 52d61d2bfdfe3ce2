/**
 * The service worker that keeps the whole library readable and searchable offline. It is not
 * loaded by pages: scripts/offline/build-worker.ts bundles it (esbuild) with the list of the
 * build's files into `dist/sw.js`, and src/scripts/offline-register.ts registers that.
 *
 * - install: stores every listed file under a content-addressed key (src/lib/offline.ts), each
 *   checked against its hash, so a half-copied deployment fails the install (the browser tries
 *   again on a later visit) instead of freezing a mix of two builds; files already stored by an
 *   earlier build are not fetched again.
 * - fetch: a listed file is answered from the cache, pages included — every tab shows exactly one
 *   build, online and offline alike, and never waits for a slow intranet. Freshness is checked per
 *   build, not per file: on each navigation the browser compares `sw.js` (whose bytes change with
 *   any file) with its copy, installs a new one, and the page says "已更新，刷新查看".
 * - activate: drops the keys of older builds and takes over the open pages of a first visit.
 *
 * Typed against the WebWorker library by its own tsconfig.json beside it (the pages' DOM types
 * would clash with it).
 */
import {
  SKIP_WAITING_MESSAGE,
  cacheKey,
  cacheName,
  scopedPath,
  type PrecachePair,
} from '../lib/offline.ts';

declare const self: ServiceWorkerGlobalScope;

/** Hex of the first `length` characters of a SHA-256 digest. */
async function hashPrefix(body: ArrayBuffer, length: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex.slice(0, length);
}

/** Fetches one file past the HTTP cache and checks it is the version the list names. */
async function fetchVerified(url: string, hash: string): Promise<Response> {
  const response = await fetch(url, { cache: 'no-cache' });
  // A redirected response cannot answer a navigation later, and would not be the listed file.
  if (!response.ok || response.redirected)
    throw new Error(`${url}: expected HTTP 200, found ${response.status}`);
  const found = await hashPrefix(await response.clone().arrayBuffer(), hash.length);
  if (found !== hash) throw new Error(`${url}: expected content ${hash}, found ${found}`);
  return response;
}

/** Starts the worker for one build; `files` lists every file a reader needs with its hash. */
export function startWorker(files: readonly PrecachePair[]): void {
  const scope = self.registration.scope;
  const name = cacheName(scope);
  const hashes = new Map(files);
  const keys = files.map(([path, hash]) => cacheKey(scope, path, hash));

  self.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(name);
        const stored = new Set((await cache.keys()).map((request) => request.url));
        await Promise.all(
          files.map(async ([path, hash], index) => {
            const key = keys[index] as string;
            if (!stored.has(key)) await cache.put(key, await fetchVerified(scope + path, hash));
          }),
        );
      })(),
    );
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(name);
        const keep = new Set(keys);
        for (const request of await cache.keys())
          if (!keep.has(request.url)) await cache.delete(request);
        // Pages open since the first visit start using the cache now (no worker controlled them
        // before); after an update the pages reload themselves (offline-register.ts).
        await self.clients.claim();
      })(),
    );
  });

  self.addEventListener('message', (event) => {
    if (event.data === SKIP_WAITING_MESSAGE) void self.skipWaiting();
  });

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const path = scopedPath(request.url, scope);
    const hash = path === null ? undefined : hashes.get(path);
    if (path !== null && hash !== undefined) {
      // Falls back to the network should the entry be gone: evicted by the browser, or deleted
      // by the worker of an OFFLINE=off build while this one still answers open pages. (A match
      // with `cacheName` does not create the cache again, as `caches.open` would.)
      event.respondWith(
        caches
          .match(cacheKey(scope, path, hash), { cacheName: name })
          .then((cached) => cached || fetch(request)),
      );
    } else if (request.mode === 'navigate') {
      // An address the build does not have: the server's answer, or offline the site's 404 page.
      event.respondWith(
        fetch(request).catch(async () => {
          const notFound = hashes.get('404.html');
          const page = notFound && (await caches.match(cacheKey(scope, '404.html', notFound)));
          return page
            ? new Response(page.body, {
                status: 404,
                statusText: 'Not Found',
                headers: page.headers,
              })
            : Response.error();
        }),
      );
    }
  });
}

/**
 * The worker an `OFFLINE=off` build ships in place of the above. Browsers that hold the offline
 * copy fetch it on their next visit; installing, it deletes the copy, so the old worker, which
 * still answers the open pages, finds nothing cached and fetches everything from the network. It
 * then waits like any new build, with the same "已更新，刷新查看" on the open pages (their reload
 * lands on the network), or until the site's last tab is closed; taking over, it unregisters, and
 * no worker is left. It answers no request itself.
 *
 * Taking over at once (skipWaiting during install) would save the reader a click, but Chromium
 * 156 (driven by Playwright) left such a worker waiting for as long as the page that found it
 * stayed open, while a skipWaiting sent by that page's button took effect at once; so the wait
 * is made the rule rather than a sometimes.
 */
export function startUnregisteringWorker(): void {
  const name = cacheName(self.registration.scope);
  self.addEventListener('install', (event) => event.waitUntil(caches.delete(name)));
  self.addEventListener('message', (event) => {
    if (event.data === SKIP_WAITING_MESSAGE) void self.skipWaiting();
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(caches.delete(name).then(() => self.registration.unregister()));
  });
}
