/**
 * Reads the word index Pagefind writes (`dist/pagefind/index/*.pf_index`) in plain JavaScript,
 * without Pagefind's runtime.
 *
 * Why: the search needs of the index only what Pagefind stores for a word — every record holding
 * it, with the word's positions — and none of its ranking. Its runtime (68 KB of script and
 * WebAssembly) and its metadata file (36 KB at 1,200 reports: a hash per record and the range of
 * every chunk) cost a first query more than the index chunk it needs, and the WebAssembly does
 * not run in Chromium before 97 or Safari before 16. Read here, a lookup costs one small group of
 * the chunk directory (`search/index/<n>.json`, written by the index stage) and the one chunk that
 * holds the word, in every engine, and a record is its number, which is the manifest row.
 *
 * The format (Pagefind 1.6, checked at build time by the index stage, which reads every chunk back
 * this way and compares it with the words it added): a file is gzip of the signature
 * `pagefind_dcd` and CBOR. A chunk is `[[word, [[record, locations, meta locations], …]], …]` with
 * words in sorted order. Record numbers and locations are each stored as the difference from the
 * previous one (the first from 0), and a negative location sets the weight of the ones after it
 * and is no position.
 */
import { decodeCBOR } from '@levischuck/tiny-cbor';
import { gunzipSync } from 'fflate';
import type { IndexHit } from './flow.ts';
import type { SearchManifest, WordsGroup } from './types.ts';
import { indexChunkPath, wordsGroupPath } from '../urls.ts';

const SIGNATURE = 'pagefind_dcd';

/** The CBOR value of a file Pagefind wrote (gzipped or not), after its signature. */
export function readPagefindFile(bytes: Uint8Array, file: string): unknown {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const plain = gzipped ? gunzipSync(bytes) : bytes;
  const signature = String.fromCharCode(...plain.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE)
    throw new Error(
      `${file}: expected a Pagefind file starting "${SIGNATURE}", found "${signature}"`,
    );
  // A plain Uint8Array: the decoder refuses subclasses such as Node's Buffer.
  const body = plain.subarray(SIGNATURE.length);
  return decodeCBOR(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
}

/** One word of a chunk as Pagefind wrote it. */
type ChunkWord = [word: string, records: unknown, ...rest: unknown[]];

/** A decoded index chunk: its words in sorted order, each with its records. */
export interface IndexChunk {
  words: string[];
  entries: ChunkWord[];
}

const shapeError = (file: string, found: string): Error =>
  new Error(
    `${file}: expected a Pagefind 1.6 index chunk, [[word, [[record, [locations]]]]], found ${found}`,
  );

/** Decodes an index chunk's bytes. */
export function decodeIndexChunk(bytes: Uint8Array, file: string): IndexChunk {
  const value = readPagefindFile(bytes, file);
  const list: unknown = Array.isArray(value) ? value[0] : undefined;
  if (!Array.isArray(list)) throw shapeError(file, 'no word list');
  const entries = list as ChunkWord[];
  const words = entries.map((entry, index) => {
    const word: unknown = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof word !== 'string') throw shapeError(file, `entry ${index} without a word`);
    return word;
  });
  return { words, entries };
}

/**
 * Index of the last of `sorted` (ascending, compared as Pagefind compares: by code unit, which
 * for its ASCII words is byte order) that is at most `term`, or -1 when all are greater.
 */
export function lastAtMost(sorted: readonly string[], term: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? '') <= term) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Positions from stored locations: differences summed, weight markers left out. */
function positionsOf(locations: readonly number[]): number[] {
  const positions: number[] = [];
  let position = 0;
  for (const location of locations) {
    if (location < 0) continue;
    position += location;
    positions.push(position);
  }
  return positions;
}

/** The records holding exactly `term` in a chunk, with its positions. */
export function wordHits(chunk: IndexChunk, term: string, file: string): IndexHit[] {
  const index = lastAtMost(chunk.words, term);
  if (index < 0 || chunk.words[index] !== term) return [];
  const records = chunk.entries[index]?.[1];
  if (!Array.isArray(records)) throw shapeError(file, `no record list for ${term}`);
  let number = 0;
  return records.map((record: unknown): IndexHit => {
    const [difference, locations] = Array.isArray(record) ? (record as unknown[]) : [];
    if (typeof difference !== 'number' || !Array.isArray(locations))
      throw shapeError(file, `a malformed record of ${term}`);
    number += difference;
    return { record: number, positions: positionsOf(locations as number[]) };
  });
}

/** The chunk directory as the manifest gives it and the files it reads. */
export interface IndexFiles {
  /** The first word of each group of the directory (the manifest's `index`). */
  groups: readonly string[];
  /** A group of the directory: its chunks' first words and file names, in order. */
  group(group: number): Promise<ReadonlyArray<readonly [from: string, file: string]>>;
  /** An index chunk's bytes, by file name. */
  chunk(file: string): Promise<Uint8Array>;
}

/**
 * The index files of a built site under `base`, as the manifest names them, read by the caller's
 * `json` and `bytes` fetchers (the browser's, or a test's over loopback).
 */
export function siteIndexFiles(
  manifest: Pick<SearchManifest, 'index' | 'version'>,
  base: string,
  fetchers: {
    json(url: string): Promise<WordsGroup>;
    bytes(url: string): Promise<Uint8Array>;
  },
): IndexFiles {
  return {
    groups: manifest.index,
    group: (group) => fetchers.json(wordsGroupPath(base, group, manifest.version)),
    chunk: (file) => fetchers.bytes(indexChunkPath(base, file)),
  };
}

/**
 * The candidates loader of the search flow over Pagefind's index: a term's chunk is the last one
 * whose first word is at most the term (a term between two chunks is in neither), looked up in
 * the directory group that holds it; each chunk is fetched and decoded once.
 */
export function indexCandidates(files: IndexFiles): (term: string) => Promise<IndexHit[]> {
  const decoded = new Map<string, Promise<IndexChunk>>();
  const load = (file: string): Promise<IndexChunk> => {
    let chunk = decoded.get(file);
    if (!chunk) {
      chunk = files.chunk(file).then((bytes) => decodeIndexChunk(bytes, file));
      chunk.catch(() => decoded.delete(file));
      decoded.set(file, chunk);
    }
    return chunk;
  };
  return async (term) => {
    const group = lastAtMost(files.groups, term);
    if (group < 0) return [];
    const entries = await files.group(group);
    const entry =
      entries[
        lastAtMost(
          entries.map(([from]) => from),
          term,
        )
      ];
    if (!entry) return [];
    return wordHits(await load(entry[1]), term, entry[1]);
  };
}
