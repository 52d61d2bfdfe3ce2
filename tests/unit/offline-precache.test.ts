import { createHash } from 'node:crypto';
import { build as viteBuild } from 'vite';
import { describe, expect, test, vi } from 'vitest';
import {
  exclusionReason,
  unusedSearchData,
  listPrecache,
  precachePairs,
  precacheVersion,
  requestPathOf,
  type SiteFile,
} from '../../scripts/offline/precache.ts';
import { readOfflineSwitch } from '../../scripts/offline/switch.ts';
import { cacheKey, cacheName, scopedPath } from '../../src/lib/offline.ts';

const file = (name: string, text: string): SiteFile => ({ file: name, body: Buffer.from(text) });

/** A small built site with everything the list must keep and everything it must leave out. */
const SITE: SiteFile[] = [
  file('reports/01/index.html', '<h1>01</h1>'),
  file('index.html', 'a'),
  file('404.html', 'b'),
  file('_astro/app.B1x2.js', 'x'),
  file('_astro/app.B1x2.js.map', '{}'),
  file('_astro/app.B1x2.js.gz', 'gz'),
  file('_astro/app.B1x2.js.br', 'br'),
  file('pagefind/fragment/zh-cn_1.pf_fragment', 'f'),
  file('search/reports/01.json', '{}'),
  file('reports/01/cite.bib', '@article'),
  file('.well-known/x', 'hidden'),
  file('sw.js', 'worker'),
];

describe('precache list', () => {
  test('leaves out the search data a library small enough to scan never loads', () => {
    const unused = unusedSearchData({ scan: true });
    const kept = (files: string[], folders: string[]): string[] =>
      listPrecache(
        files.map((name) => file(name, name)),
        folders,
      ).map((entry) => entry.file);
    const search = [
      'pagefind/pagefind.js',
      'search/library.json',
      'search/manifest.json',
      'search/reports/2025-zk-01.json',
      'search/text/2025-zk-01/0.json',
    ];
    expect(kept(search, unused)).toEqual(['search/library.json', 'search/manifest.json']);
    expect(exclusionReason('pagefind/pagefind.js', unused)).toBe(
      'search data this library never loads',
    );
    expect(kept(search, unusedSearchData({ scan: false }))).toEqual(search);
  });

  test('keeps pages, assets, the index, shards and citations, and says why it leaves a file out', () => {
    expect(SITE.map((entry) => [entry.file, exclusionReason(entry.file)])).toEqual([
      ['reports/01/index.html', null],
      ['index.html', null],
      ['404.html', null],
      ['_astro/app.B1x2.js', null],
      ['_astro/app.B1x2.js.map', 'a source map'],
      ['_astro/app.B1x2.js.gz', 'a precompressed copy'],
      ['_astro/app.B1x2.js.br', 'a precompressed copy'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', null],
      ['search/reports/01.json', null],
      ['reports/01/cite.bib', null],
      ['.well-known/x', 'a hidden file'],
      ['sw.js', 'the service worker itself'],
    ]);
  });

  test('lists each kept file by the path a browser requests, with its hash, sorted by path', () => {
    expect(listPrecache(SITE).map(({ path, hash }) => [path, hash])).toEqual([
      ['', 'ca978112'],
      ['404.html', '3e23e816'],
      ['_astro/app.B1x2.js', '2d711642'],
      [
        'pagefind/fragment/zh-cn_1.pf_fragment',
        createHash('sha256').update('f').digest('hex').slice(0, 8),
      ],
      ['reports/01/', '30721ff5'],
      ['reports/01/cite.bib', createHash('sha256').update('@article').digest('hex').slice(0, 8)],
      ['search/reports/01.json', createHash('sha256').update('{}').digest('hex').slice(0, 8)],
    ]);
  });

  test('maps directory pages to their folder and encodes names as a browser does', () => {
    expect(requestPathOf('index.html')).toBe('');
    expect(requestPathOf('reports/05/index.html')).toBe('reports/05/');
    expect(requestPathOf('404.html')).toBe('404.html');
    expect(requestPathOf('about/index.htm')).toBe('about/index.htm');
    expect(requestPathOf('字体/宋体.woff2')).toBe('%E5%AD%97%E4%BD%93/%E5%AE%8B%E4%BD%93.woff2');
  });

  test('refuses a file name a URL cannot address, naming it', () => {
    expect(() => requestPathOf('search/a?b.json')).toThrow(
      'search/a?b.json: expected a file name a URL can address, found "?", "#" or "\\"',
    );
  });

  test('gives the worker pairs of path and hash, the form it is built with', () => {
    expect(precachePairs(listPrecache([file('index.html', 'a')]))).toEqual([['', 'ca978112']]);
  });
});

describe('build version', () => {
  const entries = listPrecache(SITE);

  test('is a hash of the list', () => {
    const list = entries.map((entry) => `${entry.path} ${entry.hash}\n`).join('');
    expect(precacheVersion(entries)).toBe(
      createHash('sha256').update(list).digest('hex').slice(0, 12),
    );
    expect(precacheVersion(entries)).toMatch(/^[0-9a-f]{12}$/);
  });

  test('does not depend on the order the disk lists files in', () => {
    expect(precacheVersion(listPrecache([...SITE].reverse()))).toBe(precacheVersion(entries));
  });

  test('changes when one byte of one file changes, or a file is added or removed', () => {
    const changed = SITE.map((entry) =>
      entry.file === 'search/reports/01.json' ? file(entry.file, '{ }') : entry,
    );
    const versions = [
      precacheVersion(entries),
      precacheVersion(listPrecache(changed)),
      precacheVersion(listPrecache([...SITE, file('reports/02/index.html', '02')])),
      precacheVersion(listPrecache(SITE.slice(1))),
    ];
    expect(new Set(versions).size).toBe(4);
  });

  test('ignores what the worker does not keep, like a compression stage’s .gz files', () => {
    expect(precacheVersion(listPrecache([...SITE, file('index.html.gz', 'zz')]))).toBe(
      precacheVersion(entries),
    );
  });
});

describe('OFFLINE switch', () => {
  test('is on when unset, empty or "on", in any case and with spaces', () => {
    for (const value of [undefined, '', 'on', 'ON', ' On '])
      expect(readOfflineSwitch({ OFFLINE: value })).toBe(true);
  });

  test('is off for "off" in any case', () => {
    for (const value of ['off', 'OFF', ' Off '])
      expect(readOfflineSwitch({ OFFLINE: value })).toBe(false);
  });

  test('stops the build on any other value instead of guessing', () => {
    expect(() => readOfflineSwitch({ OFFLINE: 'no' })).toThrow(
      'OFFLINE: expected "on" or "off" (or unset), found "no"',
    );
    expect(() => readOfflineSwitch({ OFFLINE: '0' })).toThrow(/found "0"/);
  });
});

describe('cache naming', () => {
  const scope = 'https://intranet.example/xinfeng/';

  test('gives each scope a cache of its own', () => {
    expect(cacheName(scope)).toBe('xinfeng-offline https://intranet.example/xinfeng/');
    expect(cacheName('https://intranet.example/')).not.toBe(cacheName(scope));
  });

  test('keys a file by its URL and content hash', () => {
    expect(cacheKey(scope, 'reports/05/', '30721ff5')).toBe(
      'https://intranet.example/xinfeng/reports/05/?precache=30721ff5',
    );
  });

  test('finds the file a request asks for without its query and fragment, inside the scope only', () => {
    expect(scopedPath(`${scope}reports/05/?hl=社区#p2-1`, scope)).toBe('reports/05/');
    expect(scopedPath(`${scope}pagefind/pagefind-entry.json?ts=1`, scope)).toBe(
      'pagefind/pagefind-entry.json',
    );
    expect(scopedPath(scope, scope)).toBe('');
    expect(scopedPath('https://intranet.example/other/', scope)).toBeNull();
    expect(scopedPath('https://elsewhere.example/xinfeng/', scope)).toBeNull();
  });
});

describe('OFFLINE switch in the pages', () => {
  /** The pages' registration as Vite bundles it (Rollup, esbuild minifying), with the switch set. */
  const bundleRegistration = async (enabled: boolean): Promise<string> => {
    const output = (await viteBuild({
      configFile: false,
      logLevel: 'silent',
      define: {
        'import.meta.env.OFFLINE_ENABLED': JSON.stringify(enabled),
        // Vite derives PROD from NODE_ENV, which vitest sets to "test".
        'import.meta.env.PROD': 'true',
      },
      build: {
        write: false,
        minify: true,
        modulePreload: false,
        rollupOptions: { input: 'src/scripts/offline-register.ts', preserveEntrySignatures: false },
      },
    })) as { output: Array<{ type: string; isEntry?: boolean; code?: string }> };
    const entry = output.output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
    return entry?.code ?? '';
  };

  /** Loads astro.config.mjs afresh (the query makes a module instance of its own). */
  const loadConfig = async (
    instance: string,
  ): Promise<{ vite?: { define?: Record<string, string> } }> => {
    const path = `../../astro.config.mjs?${instance}`;
    return ((await import(/* @vite-ignore */ path)) as { default: { vite?: object } }).default;
  };

  test('astro.config.mjs hands the switch to the page scripts', async () => {
    vi.stubEnv('OFFLINE', 'off');
    try {
      expect((await loadConfig('offline-off')).vite?.define).toEqual({
        'import.meta.env.OFFLINE_ENABLED': 'false',
      });
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await loadConfig('offline-unset')).vite?.define).toEqual({
      'import.meta.env.OFFLINE_ENABLED': 'true',
    });
  });

  test('an OFFLINE=off build bundles no registration code into the pages', async () => {
    expect(await bundleRegistration(true)).toContain('serviceWorker');
    expect((await bundleRegistration(false)).trim()).toBe('');
  });
});
