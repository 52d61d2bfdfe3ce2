/**
 * The offline stage of `npm run build`, after the search index: lists the files of the built site
 * a reader needs (scripts/offline/precache.ts), and bundles src/offline/service-worker.ts with
 * that list into `sw.js` at the site root — or, with `OFFLINE=off`, the worker that removes an
 * offline copy installed by an earlier build. It must be the last stage that changes a file a
 * reader loads: the worker checks every file against the hash listed here.
 *
 * CLI: `tsx scripts/offline/build-worker.ts [folder]` (default `dist`), the way
 * scripts/lib/build-variant.ts runs it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { WORKER_FILE } from '../../src/lib/offline.ts';
import { readOfflineSwitch } from './switch.ts';
import {
  listSitePrecache,
  precachePairs,
  precacheVersion,
  type PrecacheEntry,
} from './precache.ts';

/** The worker source, relative to the project root. */
const WORKER_SOURCE_DIR = join('src', 'offline');

/** What the stage wrote. */
export interface WorkerOutput {
  /** False for an `OFFLINE=off` build, whose worker only removes an earlier offline copy. */
  offline: boolean;
  /** The build version (empty when offline is off). */
  version: string;
  /** The offline copy (empty when offline is off). */
  entries: PrecacheEntry[];
  /** The worker's code. */
  code: string;
}

/**
 * Bundles the worker: the offline one for `entries`, or with `entries` null the unregistering one.
 * Minified for the browsers the pages support; the first line names the build version.
 */
export async function renderWorker(
  entries: readonly PrecacheEntry[] | null,
  root = process.cwd(),
): Promise<string> {
  const contents = entries
    ? `import { startWorker } from './service-worker.ts';\nstartWorker(${JSON.stringify(precachePairs(entries))});\n`
    : `import { startUnregisteringWorker } from './service-worker.ts';\nstartUnregisteringWorker();\n`;
  const banner = entries
    ? `// 新风文库 offline copy, build ${precacheVersion(entries)}: ${entries.length} files`
    : '// 新风文库 built with OFFLINE=off: this worker removes the offline copy of earlier builds';
  const result = await build({
    stdin: {
      contents,
      resolveDir: join(root, WORKER_SOURCE_DIR),
      sourcefile: 'sw-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    // Old iPhones and Chromium 86 run the worker too; nothing newer than ES2017 is needed.
    target: 'es2017',
    charset: 'utf8',
    legalComments: 'none',
    banner: { js: banner },
    logLevel: 'silent',
  });
  return (result.outputFiles[0] as { text: string }).text;
}

/** Writes `sw.js` into the built site `dist` and returns what it holds. */
export async function writeServiceWorker(
  dist: string,
  offline = readOfflineSwitch(),
): Promise<WorkerOutput> {
  const entries = offline ? listSitePrecache(dist) : [];
  const code = await renderWorker(offline ? entries : null);
  writeFileSync(join(dist, WORKER_FILE), code);
  return { offline, version: offline ? precacheVersion(entries) : '', entries, code };
}

/** One line for the build log: version, file count and size of the copy, size of the worker. */
export function describeServiceWorker(output: WorkerOutput, dist: string): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const worker = `${join(dist, WORKER_FILE)} (${kb(Buffer.byteLength(output.code))}, ${kb(gzipSync(output.code, { level: 9 }).length)} gzip)`;
  if (!output.offline) return `offline: off → ${worker} unregisters earlier offline copies`;
  const total = output.entries.reduce((sum, entry) => sum + entry.bytes, 0);
  return `offline: build ${output.version}, ${output.entries.length} files, ${kb(total)} → ${worker}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  console.log(describeServiceWorker(await writeServiceWorker(dist), dist));
}
