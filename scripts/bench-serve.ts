/**
 * `npm run bench` (serving part), or on its own: `tsx scripts/bench-serve.ts [--dist DIR]`.
 *
 * Requests per second for the largest report page over loopback, br, gzip and uncompressed, from
 * `scripts/serve.ts` and — for comparison — from the server as it was before issue 12, kept here
 * and only here: it read the file and gzipped it at level 9, synchronously, on every request.
 * The load comes from autocannon in a child process (10 connections; 2 s unmeasured per server,
 * then per scenario 1 s warm-up and 5 s or 100,000 requests, whichever ends first), so the
 * generator does not share the server's event loop. About 40 s in all.
 * Times depend on the machine and its load: tests never assert them.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../src/lib/csp.ts';
import { LEGACY_EDITION, editionPath, reportPath } from '../src/lib/urls.ts';
import { mimeTypeOf, resolveRequestPath, startServer } from './serve.ts';
import { printTable } from './lib/print-table.ts';

/** One load run: which server, what the client accepted, what it got. */
export interface ServingRun {
  server: 'current' | 'before issue 12';
  acceptEncoding: string;
  contentEncoding: string;
  /** Bytes of the body as sent. */
  bodyBytes: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
}

export interface ServingResult {
  page: string;
  connections: number;
  seconds: number;
  runs: ServingRun[];
}

const CONNECTIONS = 10;
const SECONDS = 5;
const MAX_REQUESTS = 100_000;

/**
 * The pre-issue-12 request path, reduced to what a report page request went through: stat,
 * readFile, gzipSync at level 9 whenever `gzip` appeared in Accept-Encoding.
 */
async function startPreviousServer(root: string): Promise<{ server: Server; url: string }> {
  /* eslint-disable @typescript-eslint/no-misused-promises, @typescript-eslint/no-unnecessary-type-conversion -- the old server, as it was written */
  const server = createServer(async (request, response) => {
    const file = resolveRequestPath(root, '/', request.url ?? '/');
    if (!file || !(await stat(file).catch(() => undefined))?.isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    let body = await readFile(file);
    const headers: Record<string, string> = {
      'Content-Type': mimeTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(body);
  });
  /* eslint-enable @typescript-eslint/no-misused-promises, @typescript-eslint/no-unnecessary-type-conversion */
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    server,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
  };
}

/** The 2025 增刊's report page with the most bytes, as a URL path (`/2025-zk/03/`). */
function largestReportPage(dist: string): string {
  const folder = join(dist, editionPath('/', LEGACY_EDITION));
  const [largest] = readdirSync(folder)
    .filter((name) => /^\d{2,3}$/.test(name))
    .map((name) => ({ name, bytes: readFileSync(join(folder, name, 'index.html')).length }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!largest) throw new Error(`${folder} holds no report page; build first`);
  return reportPath('/', { edition: LEGACY_EDITION, id: largest.name });
}

/** One request, to see what the server answers with this Accept-Encoding. */
async function probe(url: string, acceptEncoding: string): Promise<[string, number]> {
  const response = await fetch(url, { headers: { 'accept-encoding': acceptEncoding } });
  await response.arrayBuffer();
  // fetch decodes the body; Content-Length is the size on the wire.
  return [
    response.headers.get('content-encoding') ?? 'identity',
    Number(response.headers.get('content-length')),
  ];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

/**
 * Runs autocannon against `url` in a child process and returns its JSON result. Asynchronously:
 * the server under test answers from this process's event loop meanwhile.
 */
function loadTest(
  url: string,
  acceptEncoding: string,
  seconds = SECONDS,
): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url).resolve('autocannon');
  const args = [
    autocannon,
    '--json',
    '--no-progress',
    ...['-c', String(CONNECTIONS), '-d', String(seconds), '-O', String(MAX_REQUESTS)],
    ...['-W', '[', '-c', String(CONNECTIONS), '-d', '1', ']'],
    ...(acceptEncoding ? ['-H', `accept-encoding=${acceptEncoding}`] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      // With a warm-up, autocannon prints a JSON line for it first; the measured run is last.
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as AutocannonResult);
      else reject(new Error(`autocannon failed (exit ${code}): ${stderr}`));
    });
  });
}

/** Measures both servers on the largest report page of `dist`. */
export async function benchServing(dist: string): Promise<ServingResult> {
  const page = largestReportPage(dist);
  const scenarios: Array<[ServingRun['server'], string]> = [
    ['current', 'br'],
    ['current', 'gzip'],
    ['current', ''],
    ['before issue 12', 'gzip'],
    ['before issue 12', ''],
  ];
  const current = await startServer({ root: dist });
  const previous = await startPreviousServer(dist);
  const runs: ServingRun[] = [];
  try {
    // Unmeasured: without it the first scenario pays for the JIT warming up (seen as ~25 % fewer
    // requests per second than the same scenario run later).
    for (const url of [current.url, previous.url])
      await loadTest(new URL(page.slice(1), url).href, 'gzip', 2);
    for (const [server, acceptEncoding] of scenarios) {
      const url = new URL(page.slice(1), server === 'current' ? current.url : previous.url).href;
      const [contentEncoding, bodyBytes] = await probe(url, acceptEncoding);
      const result = await loadTest(url, acceptEncoding);
      runs.push({
        server,
        acceptEncoding: acceptEncoding || '(none)',
        contentEncoding,
        bodyBytes,
        requestsPerSecond: Math.round(result.requests.average),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.non2xx,
      });
      console.error(
        `serve: ${server}, Accept-Encoding ${acceptEncoding || '(none)'}: ${Math.round(result.requests.average)} req/s`,
      );
    }
  } finally {
    await current.close();
    await new Promise((resolve) => previous.server.close(resolve));
  }
  return { page, connections: CONNECTIONS, seconds: SECONDS, runs };
}

/** Prints the runs as a Markdown table. */
export function printServing(result: ServingResult): void {
  console.log(
    `\nServing ${result.page} over loopback (autocannon, ${result.connections} connections, ${result.seconds} s each)\n`,
  );
  const rows = result.runs.map((run) => [
    run.server,
    run.acceptEncoding,
    run.contentEncoding,
    `${run.bodyBytes.toLocaleString('en')} B`,
    run.requestsPerSecond.toLocaleString('en'),
    `${run.latencyP50Ms} / ${run.latencyP99Ms} ms`,
    String(run.errors),
  ]);
  const header = [
    'server',
    'Accept-Encoding',
    'sent as',
    'body',
    'req/s',
    'latency p50 / p99',
    'errors',
  ];
  printTable(header, rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distArgument = process.argv.indexOf('--dist');
  const dist = (distArgument >= 0 ? process.argv[distArgument + 1] : undefined) ?? 'dist';
  printServing(await benchServing(dist));
}
