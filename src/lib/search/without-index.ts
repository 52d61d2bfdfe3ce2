/**
 * The search's plain-JavaScript path, for engines where Pagefind cannot run: its WebAssembly needs
 * reference types (Chrome 96, Safari 15.1) and the CSP allows compiling it only through
 * 'wasm-unsafe-eval' (Chrome 97, Safari 16), so Chromium 86–96 and Safari 14–15 have no index.
 * A small library needs none anyway (`SearchManifest.scan`: library.json is scanned everywhere).
 * A larger one is put together here from every report's outline and text chunks — the files the
 * indexed path loads for the results it shows — and scanned the way the index stage numbers it
 * (scan.ts, outline.ts), so the positions, hence the results, are exactly those of the index;
 * they are only fetched less selectively.
 */
import type { SearchLoaders } from './flow.ts';
import { createScanLoaders } from './scan.ts';
import type { IndexSource, SearchManifest } from './types.ts';

/** Every report of the manifest as the index stage's input, read back from outlines and chunks. */
export async function readLibraryFiles(
  manifest: SearchManifest,
  loaders: Pick<SearchLoaders, 'outline' | 'text'>,
): Promise<IndexSource[]> {
  return Promise.all(
    manifest.reports.map(async ([key]): Promise<IndexSource> => {
      const outline = await loaders.outline(key, manifest.version);
      // Chunks are consecutive runs of blocks, so their blocks in chunk order are the body.
      const chunks = [...new Set(outline.blocks.map(([, , chunk]) => chunk))]
        .filter((chunk) => chunk >= 0)
        .sort((a, b) => a - b);
      const texts = await Promise.all(
        chunks.map((chunk) => loaders.text(key, chunk, manifest.version)),
      );
      return { meta: outline.report, blocks: texts.flat() };
    }),
  );
}

/** The loaders with candidates that need no index: the library's files scanned in memory. */
export function withoutIndex(loaders: Omit<SearchLoaders, 'candidates'>): SearchLoaders {
  let scanned: Promise<Omit<SearchLoaders, 'manifest'>> | undefined;
  const scan = (): Promise<Omit<SearchLoaders, 'manifest'>> => {
    scanned ??= loaders
      .manifest()
      .then(async (manifest) =>
        createScanLoaders(await readLibraryFiles(manifest, loaders), manifest),
      );
    scanned.catch(() => (scanned = undefined));
    return scanned;
  };
  return { ...loaders, candidates: async (term) => (await scan()).candidates(term) };
}
