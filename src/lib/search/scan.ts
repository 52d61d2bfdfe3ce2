/**
 * The search's loaders without Pagefind, over a whole library's text in memory: the positions a
 * lookup's word has in each report, found by numbering the text as the index stage does
 * (outline.ts) and scanning it. Used where the whole library's text costs less to fetch than the
 * index chunks of one query (the index stage decides, `SearchManifest.scan`), by the unit tests
 * as an in-memory index, and by the path for browsers that cannot run Pagefind's WebAssembly
 * (without-index.ts), which rebuilds the library from the outlines and text chunks.
 */
import type { IndexHit, SearchLoaders } from './flow.ts';
import { indexReport } from './outline.ts';
import { isHeadingId } from '../ids.ts';
import type { IndexSource, ReportOutline, SearchManifest, TextChunk } from './types.ts';

/** Every record holding a word that starts with `term`, with its positions. */
export function scanCandidates(
  records: ReadonlyArray<{ pagefindId: string; words: readonly string[] }>,
  term: string,
): IndexHit[] {
  return records.flatMap(({ pagefindId, words }) => {
    const positions: number[] = [];
    words.forEach((word, position) => {
      if (word.startsWith(term)) positions.push(position);
    });
    return positions.length > 0 ? [{ pagefindId, positions }] : [];
  });
}

/**
 * The candidates, outline and text loaders over a library in memory; `manifest` is the built
 * manifest (its rows name each report's record; a report without one is keyed by its key).
 */
export function createScanLoaders(
  library: readonly IndexSource[],
  manifest: SearchManifest,
): Omit<SearchLoaders, 'manifest'> {
  const recordOf = new Map(manifest.reports.map(([key, pagefindId]) => [key, pagefindId]));
  const indexed = new Map(
    library.map((source) => [source.meta.key, { source, ...indexReport(source) }]),
  );
  const records = [...indexed.values()].map((entry) => ({
    pagefindId: recordOf.get(entry.source.meta.key) ?? entry.source.meta.key,
    words: entry.words,
  }));
  const find = (key: string): NonNullable<ReturnType<typeof indexed.get>> => {
    const entry = indexed.get(key);
    if (!entry) throw new Error(`search: no report ${key} in the library`);
    return entry;
  };
  return {
    candidates: (term) => Promise.resolve(scanCandidates(records, term)),
    outline: (key): Promise<ReportOutline> => {
      const entry = find(key);
      return Promise.resolve({
        report: entry.source.meta,
        blocks: entry.outline,
        headings: entry.source.blocks.filter(([block]) => isHeadingId(block)),
      });
    },
    text: (key, chunk): Promise<TextChunk> => Promise.resolve(find(key).chunks[chunk] ?? []),
  };
}
