/**
 * The server against real HTTP requests: started on port 0 over a small fixture root (no site
 * build), asked with Node's own client so that raw, unnormalised paths reach it as an attacker
 * would send them.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compressContent } from '../../scripts/compress/encodings.ts';
import { precompressSite } from '../../scripts/compress/precompress-site.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { isSameOriginPath } from '../../scripts/serve/request-target.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { createSiteFixture, type SiteFixture } from '../helpers/serve-fixture.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let fixture: SiteFixture;
let server: RunningServer;
let subpathServer: RunningServer;

beforeAll(async () => {
  fixture = createSiteFixture();
  // As `npm run build` leaves it: siblings beside every compressible file.
  await precompressSite(fixture.root);
  [server, subpathServer] = await Promise.all([
    startServer({ root: fixture.root }),
    startServer({ root: fixture.root, base: '/xinfeng/' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server.close(), subpathServer.close()]);
  fixture.remove();
});

/** Sends one request with the path exactly as given (no URL normalisation) and reads the answer. */
function send(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  to: RunningServer = server,
): Promise<Answer> {
  const { hostname, port } = new URL(to.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: hostname, port, path, method, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The body with its Content-Encoding undone. */
function decoded(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  if (encoding !== undefined) throw new Error(`unexpected Content-Encoding ${encoding}`);
  return answer.body;
}

const REPORT = '/reports/01/';
const reportBytes = (): Buffer => fixture.files['reports/01/index.html'] as Buffer;

describe('redirects', () => {
  test.each([
    ['/reports/01', '/reports/01/'],
    ['/reports/01?q=%E7%A4%BE%E5%8C%BA', '/reports/01/?q=%E7%A4%BE%E5%8C%BA'],
    ['/reports/01?hl=%E7%A4%BE%E5%8C%BA&x=1', '/reports/01/?hl=%E7%A4%BE%E5%8C%BA&x=1'],
    ['/reports%2F01', '/reports/01/'],
  ])('%s redirects to %s, the slashed URL with its query', async (path, location) => {
    const answer = await send(path);
    expect([answer.status, answer.headers.location]).toEqual([301, location]);
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test.each([
    '//evil.example/..%2freports/01',
    '/\\evil.example/..%2freports/01',
    '/\\evil.example/reports/01',
    '//evil.example/reports/01',
    '//reports/01',
    '/%2F%2Fevil.example/reports/01',
    '/%2Freports/01',
    '/%5Cevil.example/reports/01',
    '/reports//01',
  ])('%s is refused without a redirect to another host', async (path) => {
    const answer = await send(path);
    expect([400, 404]).toContain(answer.status);
    expect(answer.headers.location).toBeUndefined();
  });

  test('only a single leading slash counts as a path on this site', () => {
    expect(['/', '/reports/01/', '/a?b=//c'].map(isSameOriginPath)).toEqual([true, true, true]);
    expect(
      ['//evil.example/', '/\\evil.example', 'http://evil.example/', 'a/'].map(isSameOriginPath),
    ).toEqual([false, false, false, false]);
  });

  test('the base path without its slash redirects to the base, query kept', async () => {
    const bare = await send('/xinfeng', {}, 'GET', subpathServer);
    const withQuery = await send('/xinfeng?q=1', {}, 'GET', subpathServer);
    expect([bare.status, bare.headers.location]).toEqual([301, '/xinfeng/']);
    expect([withQuery.status, withQuery.headers.location]).toEqual([301, '/xinfeng/?q=1']);
    const home = await send('/xinfeng/', {}, 'GET', subpathServer);
    expect([home.status, decoded(home).equals(fixture.files['index.html'] as Buffer)]).toEqual([
      200,
      true,
    ]);
    expect((await send('/index.html', {}, 'GET', subpathServer)).status).toBe(404);
  });
});

describe('methods', () => {
  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])(
    '%s answers 405 with Allow: GET, HEAD',
    async (method) => {
      const answer = await send(REPORT, {}, method);
      expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD']);
    },
  );

  test('HEAD answers with the headers of GET and no body', async () => {
    const headers = { 'accept-encoding': 'br' };
    const [get, head] = await Promise.all([send(REPORT, headers), send(REPORT, headers, 'HEAD')]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-length', 'content-encoding', 'etag', 'content-type'])
      expect(head.headers[name]).toBe(get.headers[name]);
  });
});

describe('headers', () => {
  test('pages revalidate, hashed assets are immutable, and every answer carries CSP and nosniff', async () => {
    const [html, asset, missing] = await Promise.all([
      send(REPORT),
      send('/_astro/app.B1x2.js'),
      send('/no-such-page/'),
    ]);
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const answer of [html, asset, missing]) {
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test.each([
    ['/reports/01/', 'text/html; charset=utf-8'],
    ['/styles/site.css', 'text/css; charset=utf-8'],
    ['/_astro/app.B1x2.js', 'text/javascript; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/image.png', 'image/png'],
    ['/pagefind/fragment/zh_1.pf_fragment', 'application/octet-stream'],
  ])('%s is served as %s', async (path, type) => {
    expect((await send(path)).headers['content-type']).toBe(type);
  });

  test('a missing page answers 404 with the site 404 page and no validators', async () => {
    const answer = await send('/reports/99/', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(404);
    expect(decoded(answer).equals(fixture.files['404.html'] as Buffer)).toBe(true);
    expect(answer.headers.etag).toBeUndefined();
  });
});

describe('paths outside the root', () => {
  test.each(['/escape.txt', '/escape-dir/secret.txt', '/escape-dir/', '/escape-dir'])(
    '%s, a symlink out of the root, is a 404',
    async (path) => {
      const answer = await send(path);
      expect(answer.status).toBe(404);
      expect(answer.body.toString('utf8')).not.toContain(fixture.secret);
    },
  );

  test.each([
    '/..%2foutside%2fsecret.txt',
    '/%2e%2e/outside/secret.txt',
    '/reports/%2E%2E/%2e%2e/outside/secret.txt',
    '/..%5coutside%5csecret.txt',
    '/reports/01/%2e/index.html',
    '/index.html%00.txt',
    '/%E7%A4',
  ])('%s is refused with 400 or 404', async (path) => {
    const answer = await send(path);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body.toString('utf8')).not.toContain(fixture.secret);
  });

  test('a symlink to a file inside the root is served, and is a 404 once re-pointed outside', async () => {
    const link = join(fixture.root, 'icon-link.svg');
    symlinkSync(join(fixture.root, 'favicon.svg'), link);
    expect((await send('/icon-link.svg')).status).toBe(200);
    unlinkSync(link);
    symlinkSync(join(fixture.outside, 'secret.txt'), link);
    const answer = await send('/icon-link.svg');
    expect(answer.status).toBe(404);
    expect(answer.body.toString('utf8')).not.toContain(fixture.secret);
  });
});

describe('validators', () => {
  test('a page has a strong ETag and Last-Modified, and the ETag answers 304 however it is listed', async () => {
    const first = await send(REPORT);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(first.headers['last-modified'] as string).getTime()).toBeGreaterThan(0);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const again = await send(REPORT, { 'if-none-match': ifNoneMatch });
      expect([ifNoneMatch, again.status, again.body.length]).toEqual([ifNoneMatch, 304, 0]);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers.vary).toBe('Accept-Encoding');
      expect(again.headers['cache-control']).toBe('no-cache');
    }
    expect((await send(REPORT, { 'if-none-match': '"nope", W/"other"' })).status).toBe(200);
  });

  test('each encoding has its own ETag, and the tag of another encoding gets the whole body', async () => {
    const [identity, gzip, br] = await Promise.all([
      send(REPORT, { 'accept-encoding': 'identity' }),
      send(REPORT, { 'accept-encoding': 'gzip' }),
      send(REPORT, { 'accept-encoding': 'br' }),
    ]);
    const tags = [identity, gzip, br].map((answer) => answer.headers.etag);
    expect(new Set(tags).size).toBe(3);
    const stale = await send(REPORT, {
      'accept-encoding': 'br',
      'if-none-match': gzip.headers.etag as string,
    });
    expect([stale.status, stale.headers['content-encoding']]).toEqual([200, 'br']);
    const fresh = await send(REPORT, {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag as string,
    });
    expect(fresh.status).toBe(304);
  });

  test('If-Modified-Since answers 304 when the file is not newer, and yields to If-None-Match', async () => {
    const lastModified = (await send(REPORT)).headers['last-modified'] as string;
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await send(REPORT, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await send(REPORT, { 'if-modified-since': earlier })).status).toBe(200);
    expect((await send(REPORT, { 'if-modified-since': 'not a date' })).status).toBe(200);
    const both = await send(REPORT, {
      'if-modified-since': lastModified,
      'if-none-match': '"another-version"',
    });
    expect(both.status).toBe(200);
  });
});

describe('ranges', () => {
  const identity = { 'accept-encoding': 'identity' };

  test.each([
    ['bytes=0-9', 0, 9],
    ['bytes=10-', 10, 'end'],
    ['bytes=-5', 'last5', 'end'],
    ['bytes=5-999999', 5, 'end'],
  ] as const)('%s answers 206 with exactly those bytes', async (range, start, end) => {
    const bytes = reportBytes();
    const from = start === 'last5' ? bytes.length - 5 : start;
    const to = end === 'end' ? bytes.length - 1 : end;
    const answer = await send(REPORT, { ...identity, range });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes ${from}-${to}/${bytes.length}`);
    expect(answer.body.equals(bytes.subarray(from, to + 1))).toBe(true);
    expect(answer.headers['content-length']).toBe(String(to - from + 1));
  });

  test('a range past the end answers 416 with the size', async () => {
    const size = reportBytes().length;
    const answer = await send(REPORT, { ...identity, range: `bytes=${size}-` });
    expect([answer.status, answer.headers['content-range']]).toEqual([416, `bytes */${size}`]);
  });

  test('several ranges, or a malformed one, get the whole body', async () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=9-3', 'lines=1-2', 'bytes=x-y']) {
      const answer = await send(REPORT, { ...identity, range });
      expect([range, answer.status, answer.body.length]).toEqual([
        range,
        200,
        reportBytes().length,
      ]);
    }
  });

  test('If-Range serves the range only for the current strong ETag or Last-Modified', async () => {
    const full = await send(REPORT, identity);
    const etag = full.headers.etag as string;
    const lastModified = full.headers['last-modified'] as string;
    const statusWith = async (ifRange: string): Promise<number> =>
      (await send(REPORT, { ...identity, range: 'bytes=0-3', 'if-range': ifRange })).status;
    expect(await statusWith(etag)).toBe(206);
    expect(await statusWith(lastModified)).toBe(206);
    expect(await statusWith(`W/${etag}`)).toBe(200);
    expect(await statusWith('"old-version"')).toBe(200);
    expect(await statusWith('Thu, 01 Jan 2004 00:00:00 GMT')).toBe(200);
  });

  test('a range of a compressed answer counts bytes of the compressed body', async () => {
    const whole = await send(REPORT, { 'accept-encoding': 'br' });
    const part = await send(REPORT, { 'accept-encoding': 'br', range: 'bytes=0-99' });
    expect([part.status, part.headers['content-encoding']]).toEqual([206, 'br']);
    expect(part.body.equals(whole.body.subarray(0, 100))).toBe(true);
  });
});

describe('content coding', () => {
  test.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip;q=0', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['BR;Q=1, gzip;q=1', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['br;q=0, *', 'gzip'],
    ['identity', undefined],
    ['identity;q=1, gzip;q=0.5', undefined],
    ['', undefined],
    ['deflate', undefined],
    ['gzip;q=2', undefined],
    [null, undefined],
  ])('Accept-Encoding %j gets Content-Encoding %s', async (acceptEncoding, expected) => {
    const answer = await send(
      REPORT,
      acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding },
    );
    expect(answer.headers['content-encoding']).toBe(expected);
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(decoded(answer).equals(reportBytes())).toBe(true);
  });

  test('the precompressed siblings are what is sent', async () => {
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ]) {
      const answer = await send(REPORT, { 'accept-encoding': encoding as string });
      const sibling = readFileSync(join(fixture.root, `reports/01/index.html${suffix ?? ''}`));
      expect(answer.body.equals(sibling)).toBe(true);
    }
  });

  test('a sibling is preferred to compressing, and ignored once it is older than its file', async () => {
    const original = Buffer.from('<p>原文</p>'.repeat(200));
    const standIn = Buffer.from('<p>预压缩的副本</p>'.repeat(200));
    writeFileSync(join(fixture.root, 'sibling.html'), original);
    writeFileSync(join(fixture.root, 'sibling.html.gz'), gzipSync(standIn));
    const fromSibling = await send('/sibling.html', { 'accept-encoding': 'gzip' });
    expect(decoded(fromSibling).equals(standIn)).toBe(true);
    // The page is rebuilt after its sibling was written: the sibling is stale.
    const later = new Date(Date.now() + 10_000);
    utimesSync(join(fixture.root, 'sibling.html'), later, later);
    const afterRebuild = await send('/sibling.html', { 'accept-encoding': 'gzip' });
    expect(decoded(afterRebuild).equals(original)).toBe(true);
  });

  test('a sibling that is a symlink is never sent', async () => {
    const original = Buffer.from('<p>页面</p>'.repeat(200));
    writeFileSync(join(fixture.root, 'linked.html'), original);
    // A valid, newer gzip file outside the root: only the symlink itself disqualifies it.
    const payload = join(fixture.outside, 'payload.gz');
    writeFileSync(payload, gzipSync(fixture.secret));
    const later = new Date(Date.now() + 10_000);
    utimesSync(payload, later, later);
    symlinkSync(payload, join(fixture.root, 'linked.html.gz'));
    const answer = await send('/linked.html', { 'accept-encoding': 'gzip' });
    expect(decoded(answer).equals(original)).toBe(true);
  });

  test('a file without siblings is compressed once, to the bytes the build would write', async () => {
    const content = Buffer.from('<p>后来加入的页面</p>\n'.repeat(300));
    writeFileSync(join(fixture.root, 'fresh.html'), content);
    const expected = await compressContent('br', 'fresh.html', content);
    const [first, second] = await Promise.all([
      send('/fresh.html', { 'accept-encoding': 'br' }),
      send('/fresh.html', { 'accept-encoding': 'br' }),
    ]);
    expect(first.body.equals(expected)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  test('small files and already-compressed files go out as they are', async () => {
    for (const path of ['/favicon.svg', '/pagefind/fragment/zh_1.pf_fragment', '/image.png']) {
      const answer = await send(path, { 'accept-encoding': 'br, gzip' });
      expect([path, answer.status, answer.headers['content-encoding']]).toEqual([
        path,
        200,
        undefined,
      ]);
    }
    const fragment = await send('/pagefind/fragment/zh_1.pf_fragment', {
      'accept-encoding': 'gzip',
    });
    expect(
      fragment.body.equals(fixture.files['pagefind/fragment/zh_1.pf_fragment'] as Buffer),
    ).toBe(true);
    expect(fragment.headers.vary).toBeUndefined();
  });
});
