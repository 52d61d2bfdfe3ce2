/**
 * The static server for the built site: what `npm start` / `npm run serve` run, the one server a
 * small office may put in front of its users, and what the browser tests and benchmarks start.
 *
 * - Serves `dist/` under the base path, GET and HEAD only (405 with `Allow` otherwise); a directory
 *   URL without its slash, and the base without its slash, redirect to the slashed URL with the
 *   query kept. Redirects only ever name a path on this site.
 * - Sends the precompressed `.br` / `.gz` sibling the build wrote (`scripts/compress/`) when the
 *   client accepts it, else compresses once in the background and keeps the result
 *   (`serve/site-files.ts`); negotiation in `serve/accept-encoding.ts`.
 * - ETag and Last-Modified with 304s, and single byte ranges (206 / 416, If-Range), in
 *   `serve/conditional.ts`.
 * - Never sends a file whose real path is outside the root; dot segments, backslashes and bad
 *   percent-encoding are refused (`serve/request-target.ts`).
 * - Every response carries the site's Content-Security-Policy (`src/lib/csp.ts`) and nosniff;
 *   hashed `/_astro/` files are cached for a year, everything else revalidates (`no-cache`).
 */
import { existsSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../src/lib/csp.ts';
import { normaliseBase } from '../src/lib/urls.ts';
import { ENCODINGS, isCompressibleName, type Encoding } from './compress/encodings.ts';
import { negotiateEncoding } from './serve/accept-encoding.ts';
import { ifRangeAllows, isNotModified, parseRange } from './serve/conditional.ts';
import {
  DEFAULT_HOST,
  USAGE,
  UsageError,
  listenErrorMessage,
  parseServeArgs,
} from './serve/options.mjs';
import {
  encodePath,
  hasEmptySegment,
  isSameOriginPath,
  parseRequestTarget,
} from './serve/request-target.ts';
import { SiteFiles, isMissing, type FoundFile } from './serve/site-files.ts';

export interface ServeOptions {
  /** Folder with the built site (usually `dist`). */
  root: string;
  /** Base path the site was built for, e.g. `/` or `/xinfeng/`. */
  base?: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** Absolute URL of the site root, ending in the base path, e.g. `http://127.0.0.1:4321/xinfeng/`. */
  url: string;
  close(): Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Returns the MIME type served for a file name. */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or null when it lies outside the base path or is
 * not a path the server accepts. Directory URLs map to their `index.html`. Pure: it neither reads
 * the disk nor resolves symlinks (the server does both before sending anything).
 */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | null {
  const target = parseRequestTarget(urlPath);
  if ('error' in target || !target.path.startsWith(base) || hasEmptySegment(target.path))
    return null;
  const relative = target.path.slice(base.length);
  const segments = relative.split('/').filter((segment) => segment !== '');
  const wantsIndex = relative === '' || relative.endsWith('/');
  return join(resolve(root), ...segments, ...(wantsIndex ? ['index.html'] : []));
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
} as const;

/** Hashed file names never change content, so they are cached for a year without revalidation. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5), besides the security ones. */
const NOT_MODIFIED_HEADERS = ['Cache-Control', 'ETag', 'Last-Modified', 'Vary'] as const;

/** A header that may arrive more than once, as one value (repeats joined as a list). */
function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Answers with a status and a short plain-text body. */
function sendText(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  text: string,
  extra: OutgoingHttpHeaders = {},
): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Content-Length': body.length,
    ...extra,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Answers 301 with a Location that can only be a path on this site. */
function redirect(request: IncomingMessage, response: ServerResponse, location: string): void {
  if (!isSameOriginPath(location)) throw new Error(`refusing to redirect to ${location}`);
  sendText(request, response, 301, `Moved to ${location}`, { Location: location });
}

/** What to send: a found file, the status it answers with, and how long it may be cached. */
interface FileResponse {
  file: FoundFile;
  status: 200 | 404;
  cacheControl: string;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const base = normaliseBase(options.base);
  const root = resolve(options.root);
  const host = options.host ?? DEFAULT_HOST;
  const files = new SiteFiles(root);

  /** Sends a file, negotiated, with validators and range support when it is the 200 answer. */
  async function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    { file, status, cacheControl }: FileResponse,
  ): Promise<void> {
    const compressible = isCompressibleName(file.path);
    let available: Encoding[] = compressible ? [...ENCODINGS] : [];
    let representation = null;
    while (!representation) {
      const encoding = negotiateEncoding(request.headers['accept-encoding'], available);
      representation = await files.representation(file, encoding);
      available = available.filter((candidate) => candidate !== encoding);
    }
    const headers: OutgoingHttpHeaders = {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeOf(file.path),
      'Cache-Control': cacheControl,
    };
    // Sent on identity answers too: a cache must not give this body to a client that accepts br.
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (representation.encoding !== 'identity')
      headers['Content-Encoding'] = representation.encoding;
    let body = representation.body;
    let answer: number = status;
    if (status === 200) {
      headers.ETag = representation.etag;
      headers['Last-Modified'] = new Date(representation.modifiedMs).toUTCString();
      headers['Accept-Ranges'] = 'bytes';
      const ifNoneMatch = request.headers['if-none-match'];
      const ifModifiedSince = request.headers['if-modified-since'];
      if (isNotModified({ ifNoneMatch, ifModifiedSince }, representation)) {
        const notModified: OutgoingHttpHeaders = { ...SECURITY_HEADERS };
        for (const name of NOT_MODIFIED_HEADERS)
          if (headers[name] !== undefined) notModified[name] = headers[name];
        response.writeHead(304, notModified);
        response.end();
        return;
      }
      const range = ifRangeAllows(singleHeader(request.headers['if-range']), representation)
        ? parseRange(request.headers.range, body.length)
        : { kind: 'full' as const };
      if (range.kind === 'unsatisfiable') {
        response.writeHead(416, {
          ...SECURITY_HEADERS,
          'Content-Range': `bytes */${body.length}`,
          'Content-Length': 0,
          'Cache-Control': cacheControl,
        });
        response.end();
        return;
      }
      if (range.kind === 'partial') {
        answer = 206;
        headers['Content-Range'] = `bytes ${range.range.start}-${range.range.end}/${body.length}`;
        body = body.subarray(range.range.start, range.range.end + 1);
      }
    }
    headers['Content-Length'] = body.length;
    response.writeHead(answer, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  async function sendNotFound(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const page = await files.find(join(root, '404.html'));
    if (page.kind !== 'file') {
      sendText(request, response, 404, 'Not Found');
      return;
    }
    return sendFile(request, response, { file: page.file, status: 404, cacheControl: 'no-cache' });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(request, response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const target = parseRequestTarget(request.url ?? '/');
    if ('error' in target) {
      sendText(request, response, 400, 'Bad Request');
      return;
    }
    const { path, query } = target;
    if (base !== '/' && path === base.slice(0, -1)) {
      redirect(request, response, base + query);
      return;
    }
    const file = resolveRequestPath(root, base, path);
    if (!file) return sendNotFound(request, response);
    const found = await files.find(file);
    if (found.kind === 'directory' && !path.endsWith('/')) {
      // `/reports/01` → `/reports/01/`, as static hosts do, when that directory has a page.
      const page = await files.find(join(file, 'index.html'));
      if (page.kind === 'file') {
        redirect(request, response, `${encodePath(path)}/${query}`);
        return;
      }
    }
    if (found.kind !== 'file') return sendNotFound(request, response);
    const relative = path.slice(base.length);
    return sendFile(request, response, {
      file: found.file,
      status: 200,
      cacheControl: relative.startsWith('_astro/') ? IMMUTABLE : 'no-cache',
    });
  }

  // Static files need neither long requests nor slow headers; shorter limits than Node's defaults
  // keep a slow or stalled client from holding a socket for minutes.
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 20_000 },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (response.headersSent) {
          response.destroy();
          return;
        }
        // The file went away between looking and reading (a rebuild in progress).
        if (isMissing(error)) {
          sendText(request, response, 404, 'Not Found');
          return;
        }
        console.error(`serve: ${request.method} ${request.url}: ${String(error)}`);
        sendText(request, response, 500, 'Internal Server Error');
      });
    },
  );

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      server.on('error', (error) => console.error(`serve: ${String(error)}`));
      resolvePromise();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${urlHost(host)}:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The host part of a URL that reaches a server listening on `host` from this computer. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Addresses other computers can use when the server listens on every interface. */
function networkUrls(port: number, base: string): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => `http://${entry?.address}:${port}${base}`);
}

/** The command line: returns the exit code when the server did not start, or undefined. */
async function main(argv: readonly string[]): Promise<number | undefined> {
  let options;
  try {
    options = parseServeArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`serve: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(join(options.root, 'index.html'))) {
    console.error(
      `serve: ${join(options.root, 'index.html')} is missing; build the site first with npm run build (npm start builds and serves).`,
    );
    return 1;
  }
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    console.error(listenErrorMessage(error as NodeJS.ErrnoException, options.port, options.host));
    return 1;
  }
  console.log(`新风文库 is served at ${running.url} (Ctrl-C stops it)`);
  if (options.host === '0.0.0.0') {
    const port = new URL(running.url).port;
    for (const url of networkUrls(Number(port), normaliseBase(options.base)))
      console.log(`  on the network: ${url}`);
  }
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
}
