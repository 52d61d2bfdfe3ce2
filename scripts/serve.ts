/**
 * A small static server for the built site: serves `dist/` under the configured base path,
 * gzip-compresses text responses when the client accepts it (so measured transfer sizes match a
 * real deployment), and sends the same Content-Security-Policy header the README recommends.
 *
 * Used by `npm start` / `npm run serve`, by the browser tests and by the benchmark.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../src/lib/csp.ts';

export interface ServeOptions {
  /** Folder with the built site (usually `dist`). */
  root: string;
  /** Base path the site was built for, e.g. `/` or `/xinfeng/`. */
  base?: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
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

/** True for responses worth compressing (text formats and WebAssembly). */
export function isCompressible(mimeType: string): boolean {
  return /^(text\/|application\/(json|javascript|xml|wasm|x-bibtex|x-research|manifest))|image\/svg/.test(
    mimeType,
  );
}

/** Normalises a base path to the `/…/` form. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Maps a request path to a file inside `root`, or null when it lies outside the base path or the
 * root. Directory URLs map to their `index.html`.
 */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (!path.startsWith(base)) return null;
  const relative = path.slice(base.length);
  const absoluteRoot = resolve(root);
  const candidate = normalize(join(absoluteRoot, relative));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return null;
  return relative === '' || relative.endsWith('/') ? join(candidate, 'index.html') : candidate;
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const base = normaliseBase(options.base);
  const root = resolve(options.root);
  const notFoundPage = join(root, '404.html');

  const server = createServer(async (request, response) => {
    const urlPath = request.url ?? '/';
    let file = resolveRequestPath(root, base, urlPath);
    let status = 200;
    if (file && !(await fileExists(file)) && (await fileExists(join(file, 'index.html')))) {
      // `/reports/01` → redirect to the canonical `/reports/01/`, as static hosts do.
      response.writeHead(301, { Location: `${urlPath.split('?')[0]}/` });
      response.end();
      return;
    }
    if (!file || !(await fileExists(file))) {
      file = notFoundPage;
      status = 404;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('404');
      return;
    }
    const type = mimeTypeOf(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.includes(`${sep}_astro${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && isCompressible(type)) {
      body = gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${options.host ?? '127.0.0.1'}:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

// CLI: `tsx scripts/serve.ts [--port 4321] [--base /xinfeng/] [--root dist]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const running = await startServer({
    root: option('root') ?? 'dist',
    base: option('base') ?? process.env.BASE_PATH ?? '/',
    port: Number(option('port') ?? process.env.PORT ?? 4321),
    host: option('host') ?? '127.0.0.1',
  });
  console.log(`新风文库 is served at ${running.url} (Ctrl-C stops it)`);
}
