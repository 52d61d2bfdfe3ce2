/**
 * The worker exactly as the build writes it (`renderWorker`), run in Node against a small fake of
 * the service worker scope: a Map-backed CacheStorage and a fetch that serves a dictionary of
 * files. Checks what the worker decides — what it stores, verifies, drops and answers — without a
 * browser; tests/site/offline.test.ts runs it in Chromium.
 */
/* eslint-disable @typescript-eslint/require-await -- the fake implements async browser APIs with synchronous maps */
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { renderWorker } from '../../scripts/offline/build-worker.ts';
import { listPrecache, type SiteFile } from '../../scripts/offline/precache.ts';
import { SKIP_WAITING_MESSAGE, cacheKey, cacheName } from '../../src/lib/offline.ts';

const SCOPE = 'https://intranet.example/xinfeng/';

const site = (files: Record<string, string>): SiteFile[] =>
  Object.entries(files).map(([file, text]) => ({ file, body: Buffer.from(text) }));

const BUILD = site({
  'index.html': '<h1>新风文库</h1>',
  '404.html': '<h1>页面未找到</h1>',
  'reports/05/index.html': '<h1>05</h1>',
  'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
});

/** A request as the fetch event carries it (Node's Request cannot be made with mode "navigate"). */
interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}

/** The fake scope: caches, network, the events the worker listens to, and what it asked for. */
class FakeScope {
  readonly stores = new Map<string, Map<string, Response>>();
  /** What the network serves, by URL; null makes a request fail as offline. */
  network: Record<string, string> | null;
  readonly fetched: string[] = [];
  readonly calls: string[] = [];
  private handlers = new Map<string, (event: unknown) => void>();

  constructor(network: Record<string, string>) {
    this.network = network;
  }

  /** Evaluates the worker's code in a context whose globals are this fake. */
  run(code: string): void {
    const store = (name: string): Map<string, Response> => {
      if (!this.stores.has(name)) this.stores.set(name, new Map());
      return this.stores.get(name) as Map<string, Response>;
    };
    const cacheOf = (entries: Map<string, Response>) => ({
      match: async (key: string) => entries.get(key)?.clone(),
      put: async (key: string, response: Response) => void entries.set(key, response),
      keys: async () => [...entries.keys()].map((url) => ({ url })),
      delete: async (request: { url: string }) => entries.delete(request.url),
    });
    const fakeSelf = {
      registration: {
        scope: SCOPE,
        unregister: async () => this.calls.push('unregister'),
      },
      clients: { claim: async () => this.calls.push('claim') },
      skipWaiting: async () => this.calls.push('skipWaiting'),
      addEventListener: (type: string, listener: (event: unknown) => void) =>
        this.handlers.set(type, listener),
    };
    this.handlers = new Map();
    runInNewContext(code, {
      self: fakeSelf,
      caches: {
        open: async (name: string) => cacheOf(store(name)),
        match: async (key: string, options?: { cacheName?: string }) => {
          for (const [name, entries] of this.stores)
            if ((!options?.cacheName || options.cacheName === name) && entries.has(key))
              return entries.get(key)?.clone();
          return undefined;
        },
        delete: async (name: string) => this.stores.delete(name),
      },
      fetch: async (input: string | FakeRequest) => {
        const url = typeof input === 'string' ? input : input.url;
        this.fetched.push(url);
        if (!this.network) throw new TypeError('Failed to fetch');
        const body = this.network[url];
        return body === undefined ? new Response('nope', { status: 404 }) : new Response(body);
      },
      crypto,
      URL,
      Response,
      TypeError,
    });
  }

  /** Dispatches an extendable event and waits for what the worker handed to waitUntil. */
  async extendable(type: 'install' | 'activate'): Promise<void> {
    let work: Promise<unknown> = Promise.resolve();
    this.handlers.get(type)?.({ waitUntil: (promise: Promise<unknown>) => (work = promise) });
    await work;
  }

  message(data: unknown): void {
    this.handlers.get('message')?.({ data });
  }

  /** Dispatches a fetch event: the worker's answer, or null when it let the request through. */
  async request(url: string, mode = 'cors'): Promise<Response | null> {
    let answer: Promise<Response> | null = null;
    const request: FakeRequest = { url, method: 'GET', mode };
    this.handlers.get('fetch')?.({
      request,
      respondWith: (value: Promise<Response>) => (answer = value),
    });
    return answer;
  }

  /** The event handlers of the worker run last, to bring an earlier worker back with `use`. */
  listeners(): Map<string, (event: unknown) => void> {
    return this.handlers;
  }

  use(handlers: Map<string, (event: unknown) => void>): void {
    this.handlers = handlers;
  }

  keys(): string[] {
    return [...(this.stores.get(cacheName(SCOPE))?.keys() ?? [])].sort();
  }
}

/** The network serving a build: each file at its URL under the scope. */
const serving = (files: SiteFile[]): Record<string, string> =>
  Object.fromEntries(
    listPrecache(files).map((entry) => {
      const source = files.find((candidate) => candidate.file === entry.file) as SiteFile;
      return [SCOPE + entry.path, source.body.toString()];
    }),
  );

const keysOf = (files: SiteFile[]): string[] =>
  listPrecache(files)
    .map((entry) => cacheKey(SCOPE, entry.path, entry.hash))
    .sort();

describe('offline worker', () => {
  test('install stores every listed file under its content key', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    await scope.extendable('install');
    expect(scope.keys()).toEqual(keysOf(BUILD));
    expect(scope.fetched.sort()).toEqual(Object.keys(serving(BUILD)).sort());
  });

  test('install fails, naming the file, when the server sends other bytes than listed', async () => {
    const network = { ...serving(BUILD), [`${SCOPE}reports/05/`]: '<h1>旧版</h1>' };
    const scope = new FakeScope(network);
    scope.run(await renderWorker(listPrecache(BUILD)));
    await expect(scope.extendable('install')).rejects.toThrow(
      /^https:\/\/intranet\.example\/xinfeng\/reports\/05\/: expected content [0-9a-f]{8}, found [0-9a-f]{8}$/,
    );
  });

  test('install fails on a missing file instead of storing the error page', async () => {
    const network = serving(BUILD);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a file removed from the fake server
    delete network[`${SCOPE}404.html`];
    const scope = new FakeScope(network);
    scope.run(await renderWorker(listPrecache(BUILD)));
    await expect(scope.extendable('install')).rejects.toThrow(
      'https://intranet.example/xinfeng/404.html: expected HTTP 200, found 404',
    );
  });

  test('a new build fetches only what changed, and its activation drops what only the old one had', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    await scope.extendable('install');
    const next = site({
      'index.html': '<h1>新风文库</h1>',
      '404.html': '<h1>页面未找到</h1>',
      'reports/05/index.html': '<h1>05 修订</h1>',
      'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
    });
    scope.network = serving(next);
    scope.fetched.length = 0;
    scope.run(await renderWorker(listPrecache(next)));
    await scope.extendable('install');
    expect(scope.fetched).toEqual([`${SCOPE}reports/05/`]);
    // Until it takes over, both builds' keys are there: the old worker still answers open pages.
    expect(scope.keys()).toHaveLength(5);
    await scope.extendable('activate');
    expect(scope.keys()).toEqual(keysOf(next));
    expect(scope.calls).toEqual(['claim']);
  });

  test('answers listed files from the cache whatever their query, even offline', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    await scope.extendable('install');
    scope.network = null;
    scope.fetched.length = 0;
    const page = await scope.request(`${SCOPE}reports/05/?hl=社区#p2-1`, 'navigate');
    const entry = await scope.request(`${SCOPE}pagefind/pagefind-entry.json?ts=1700000000`);
    await expect(page?.text()).resolves.toBe('<h1>05</h1>');
    await expect(entry?.text()).resolves.toBe('{"version":"1.6.0"}');
    expect(scope.fetched).toEqual([]);
  });

  test('offline, an address the build lacks gets the 404 page with status 404', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    await scope.extendable('install');
    scope.network = null;
    const answer = await scope.request(`${SCOPE}reports/99/`, 'navigate');
    expect(answer?.status).toBe(404);
    await expect(answer?.text()).resolves.toBe('<h1>页面未找到</h1>');
  });

  test('lets other requests through: other scopes, other origins, unlisted files', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    expect(await scope.request('https://intranet.example/other/')).toBeNull();
    expect(await scope.request('https://elsewhere.example/xinfeng/')).toBeNull();
    expect(await scope.request(`${SCOPE}bench.json`)).toBeNull();
  });

  test('takes over only when a page asks, with the agreed message', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    scope.message('something else');
    expect(scope.calls).toEqual([]);
    scope.message(SKIP_WAITING_MESSAGE);
    expect(scope.calls).toEqual(['skipWaiting']);
  });
});

describe('OFFLINE=off worker', () => {
  test('installing, deletes its scope’s copy, so the old worker fetches from the network', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(listPrecache(BUILD)));
    await scope.extendable('install');
    const oldWorker = scope.listeners();
    const other = cacheName('https://intranet.example/other/');
    scope.stores.set(other, new Map());
    scope.run(await renderWorker(null));
    await scope.extendable('install');
    expect([...scope.stores.keys()]).toEqual([other]);
    expect(scope.calls).toEqual([]);
    // The old worker, still answering an open page, now goes to the network.
    scope.use(oldWorker);
    scope.fetched.length = 0;
    const page = await scope.request(`${SCOPE}reports/05/`, 'navigate');
    await expect(page?.text()).resolves.toBe('<h1>05</h1>');
    expect(scope.fetched).toEqual([`${SCOPE}reports/05/`]);
    expect([...scope.stores.keys()]).toEqual([other]);
  });

  test('takes over when the page asks, and then unregisters; it answers no request', async () => {
    const scope = new FakeScope(serving(BUILD));
    scope.run(await renderWorker(null));
    await scope.extendable('install');
    scope.message('something else');
    expect(scope.calls).toEqual([]);
    scope.message(SKIP_WAITING_MESSAGE);
    await scope.extendable('activate');
    expect(scope.calls).toEqual(['skipWaiting', 'unregister']);
    expect(await scope.request(`${SCOPE}reports/05/`, 'navigate')).toBeNull();
  });

  test('is a few hundred bytes', async () => {
    const code = await renderWorker(null);
    expect(code).not.toContain('fetch');
    expect(Buffer.byteLength(code)).toBeLessThan(600);
  });
});
