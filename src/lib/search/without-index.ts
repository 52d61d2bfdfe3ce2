/**
 * The search's plain-JavaScript path, for engines where Pagefind cannot run: its WebAssembly needs
 * reference types (Chrome 96, Safari 15.1) and the CSP allows compiling it only through
 * 'wasm-unsafe-eval' (Chrome 97, Safari 16), so Chromium 86–96 and Safari 14–15 have no index.
 * There every report is a candidate: the flow of flow.ts reads every text shard and matches it
 * literally, so the results are exactly those of the indexed path, only fetched less selectively.
 */
import type { SearchLoaders } from './flow.ts';

/** The loaders with candidates that need no index: every report of the manifest. */
export function withoutIndex(loaders: Omit<SearchLoaders, 'candidates'>): SearchLoaders {
  return {
    ...loaders,
    async candidates() {
      const manifest = await loaders.manifest();
      return new Set(manifest.reports.map((report) => report.pagefindId));
    },
  };
}
