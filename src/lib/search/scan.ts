/**
 * The search's loaders without the index, over a whole library's text in memory: the positions a
 * lookup's word has in each report, found by numbering the text as the index stage does
 * (outline.ts) and scanning it. Used where the whole library's text costs less to fetch than the
 * index chunks of one query (the index stage decides, `SearchManifest.scan`), and by the tests as
 * an independent in-memory index to check the real one against.
 */
import type { IndexHit, SearchLoaders } from './flow.ts';
import { indexReport } from './outline.ts';
import { isHeadingId } from '../ids.ts';
import type { IndexSource, ReportOutline, SearchManifest, TextChunk } from './types.ts';

/** Every record (by number) holding the word `term`, with its positions. */
export function scanCandidates(
  records: ReadonlyArray<readonly string[]>,
  term: string,
): IndexHit[] {
  return records.flatMap((words, record) => {
    const positions: number[] = [];
    words.forEach((word, position) => {
      if (word === term) positions.push(position);
    });
    return positions.length > 0 ? [{ record, positions }] : [];
  });
}

/**
 * The candidates, outline and text loaders over a library in memory; `manifest` is the built
 * manifest, whose row order numbers the records (a report it does not list is left out).
 */
export function createScanLoaders(
  library: readonly IndexSource[],
  manifest: SearchManifest,
): Omit<SearchLoaders, 'manifest'> {
  const indexed = new Map(
    library.map((source) => [source.meta.key, { source, ...indexReport(source) }]),
  );
  const records = manifest.reports.map(([key]) => indexed.get(key)?.words ?? []);
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
