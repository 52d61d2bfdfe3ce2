/**
 * The build's last stage: writes a `.gz` (gzip -9) and a `.br` (brotli, quality 11) sibling beside
 * every compressible text file in `dist/`, so servers send compressed files without compressing
 * per request — `scripts/serve.ts` and nginx's `gzip_static` / `brotli_static` pick them up. What is
 * compressed and how is decided in `encodings.ts`. The output is deterministic: the same `dist/`
 * gives the same siblings, byte for byte.
 *
 * Siblings left by an earlier run are removed first, so a file that shrank below the limit, or one
 * that is gone, never keeps a stale compressed copy that a server would prefer over the original.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ENCODINGS,
  MIN_COMPRESS_BYTES,
  SIBLING_SUFFIX,
  compressContent,
  compressionPays,
  isCompressibleName,
  isWorthCompressing,
  type Encoding,
} from './encodings.ts';

/** What one run did, for the build log and the tests. */
export interface PrecompressSummary {
  /** Compressible files looked at. */
  candidates: number;
  /** Siblings written, per coding. */
  written: Record<Encoding, number>;
  /** Compressible files left alone: under the size limit, already compressed, or not worth it. */
  skipped: number;
  /** Per coding: bytes of the originals that got such a sibling, and of those siblings. */
  bytes: Record<Encoding, { original: number; compressed: number }>;
  /** Relative paths (with `/`) of every sibling written, sorted. */
  files: string[];
}

/** How many files are compressed at once: enough to keep zlib's four pool threads busy. */
const CONCURRENCY = 4;

/** True for a file name that is one of this stage's outputs (`x.html.gz`, `x.css.br`). */
export function isSiblingName(fileName: string): boolean {
  return ENCODINGS.some(
    (encoding) =>
      fileName.endsWith(SIBLING_SUFFIX[encoding]) &&
      isCompressibleName(fileName.slice(0, -SIBLING_SUFFIX[encoding].length)),
  );
}

/** Lists every regular file under `root` as an absolute path, sorted, not following symlinks. */
async function listFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  await walk(root);
  return files.sort();
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Writes the compressed siblings of every compressible file under `root` and returns what it did. */
export async function precompressSite(root: string): Promise<PrecompressSummary> {
  const all = await listFiles(root);
  // Old outputs first: they are rewritten below when they still pay off.
  const stale = all.filter((file) => isSiblingName(file));
  await Promise.all(stale.map((file) => rm(file, { force: true })));
  const candidates = all.filter((file) => !isSiblingName(file) && isCompressibleName(file));

  const summary: PrecompressSummary = {
    candidates: candidates.length,
    written: { br: 0, gzip: 0 },
    skipped: 0,
    bytes: { br: { original: 0, compressed: 0 }, gzip: { original: 0, compressed: 0 } },
    files: [],
  };
  await forEachLimited(candidates, CONCURRENCY, async (file) => {
    const data = await readFile(file);
    const kept: Array<[Encoding, Buffer]> = [];
    if (isWorthCompressing(file, data)) {
      for (const encoding of ENCODINGS) {
        const compressed = await compressContent(encoding, file, data);
        if (compressionPays(data.length, compressed.length)) kept.push([encoding, compressed]);
      }
    }
    if (kept.length === 0) {
      summary.skipped += 1;
      return;
    }
    for (const [encoding, compressed] of kept) {
      const sibling = file + SIBLING_SUFFIX[encoding];
      await writeFile(sibling, compressed);
      summary.written[encoding] += 1;
      summary.bytes[encoding].original += data.length;
      summary.bytes[encoding].compressed += compressed.length;
      summary.files.push(relative(root, sibling).split(sep).join('/'));
    }
  });
  summary.files.sort();
  return summary;
}

/** One line for the build log: how many siblings, and how much smaller than the originals. */
export function describePrecompress(summary: PrecompressSummary, root: string): string {
  const percent = (encoding: Encoding): string => {
    const { original, compressed } = summary.bytes[encoding];
    return original === 0 ? '–' : `${((100 * compressed) / original).toFixed(1)} %`;
  };
  return (
    `compress: ${summary.candidates} text files in ${root}: ` +
    `${summary.written.gzip} .gz (${percent('gzip')} of their originals), ` +
    `${summary.written.br} .br (${percent('br')}), ` +
    `${summary.skipped} left as they are (under ${MIN_COMPRESS_BYTES} B, already compressed or not worth it)`
  );
}

// `tsx scripts/compress/precompress-site.ts [dist]`: the stage on its own, e.g. for variant builds.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2] ?? 'dist';
  console.log(describePrecompress(await precompressSite(root), root));
}
