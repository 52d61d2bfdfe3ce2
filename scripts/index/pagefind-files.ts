/**
 * Build-time only: what Pagefind wrote, read back — its metadata (the record order and the chunk
 * list, from which the index stage writes the browser's chunk directory) and a check that every
 * index chunk, read the way the browser reads it (src/lib/search/pagefind-index.ts), holds
 * exactly the words the stage added, at their positions. So a Pagefind release that numbered
 * records or wrote chunks differently stops the build with a message instead of shipping a
 * search that reads the index wrongly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeIndexChunk,
  readPagefindFile,
  wordHits,
} from '../../src/lib/search/pagefind-index.ts';

/** Pagefind's metadata as the index stage uses it. */
export interface PagefindMeta {
  /** The metadata file's name, for messages. */
  file: string;
  /** Each record's fragment hash, in record number order. */
  records: string[];
  /** The index chunks in word order: first and last word and file name (`index/<file>.pf_index`). */
  chunks: Array<{ from: string; to: string; file: string }>;
}

const metaError = (file: string, found: string): Error =>
  new Error(
    `${file}: expected Pagefind 1.6 metadata [version, [[record hash, …]], [[from, to, chunk hash], …], …], found ${found}`,
  );

const isChunkEntry = (value: unknown): value is [from: string, to: string, hash: string] =>
  Array.isArray(value) && value.slice(0, 3).filter((item) => typeof item === 'string').length === 3;

/** Reads the metadata file of the one language in `pagefindFolder`. */
export function readPagefindMeta(pagefindFolder: string): PagefindMeta {
  const names = readdirSync(pagefindFolder).filter((name) => name.endsWith('.pf_meta'));
  if (names.length !== 1)
    throw new Error(
      `${pagefindFolder}: expected one Pagefind metadata file (*.pf_meta), found ${names.length}`,
    );
  const file = join(pagefindFolder, names[0] ?? '');
  const value = readPagefindFile(new Uint8Array(readFileSync(file)), file);
  if (!Array.isArray(value)) throw metaError(file, typeof value);
  const [, pages, chunks] = value as unknown[];
  if (!Array.isArray(pages) || !Array.isArray(chunks))
    throw metaError(file, 'no record or chunk list');
  return {
    file,
    records: pages.map((page: unknown, index) => {
      if (!Array.isArray(page) || typeof page[0] !== 'string')
        throw metaError(file, `record ${index} without a hash`);
      return page[0];
    }),
    chunks: chunks.map((chunk: unknown, index) => {
      if (!isChunkEntry(chunk)) throw metaError(file, `chunk ${index} without from, to and hash`);
      const [from, to, hash] = chunk;
      return { from, to, file: hash };
    }),
  };
}

/**
 * Checks that the chunks, read as the browser reads them, hold every word of `records` (each
 * record's index words, by record number) at exactly its positions: each position read back
 * names its own word, positions rise within a record, no word is in two chunks, and the count of
 * positions read is the count of words added — so nothing is missing or made up.
 */
export function checkIndexChunks(
  pagefindFolder: string,
  meta: PagefindMeta,
  records: ReadonlyArray<readonly string[]>,
): void {
  const added = records.reduce((sum, words) => sum + words.length, 0);
  const seen = new Set<string>();
  let read = 0;
  for (const { file: hash } of meta.chunks) {
    const file = join(pagefindFolder, 'index', `${hash}.pf_index`);
    const chunk = decodeIndexChunk(new Uint8Array(readFileSync(file)), file);
    for (const word of chunk.words) {
      if (seen.has(word)) throw new Error(`${file}: the word ${word} is in two index chunks`);
      seen.add(word);
      for (const { record, positions } of wordHits(chunk, word, file)) {
        const words = records[record];
        if (!words)
          throw new Error(
            `${file}: the word ${word} names record ${record}, which was never added`,
          );
        let previous = -1;
        for (const position of positions) {
          if (position <= previous || words[position] !== word)
            throw new Error(
              `${file}: expected the word ${word} of record ${record} at a position that holds it, found position ${position} (${words[position] ?? 'past the end'})`,
            );
          previous = position;
        }
        read += positions.length;
      }
    }
  }
  if (read !== added)
    throw new Error(
      `${pagefindFolder}: expected the index chunks to hold the ${added} words added, found ${read}`,
    );
}
