/**
 * How a report becomes index words and an outline: header fields first (title, subtitle, unit,
 * authors), then the body blocks, `WORDS_PER_CHARACTER` words per normalised character (tokens.ts),
 * and the body in text chunks of a few blocks. Outline starts and `titleEnd` count characters. Pure, so the index stage and the browser's index-free path
 * (scan.ts) number positions the same way.
 */
import { normaliseText } from './normalise.ts';
import { textWords } from './tokens.ts';
import type { HeaderField, IndexSource, OutlineBlock, TextChunk } from './types.ts';

// A chunk closes once it holds this many characters: a few kilobytes gzipped, so an excerpt
// costs one small file, and a report of 5,000 characters has three or four of them.
const CHUNK_CHARACTERS = 1500;

/** Groups body blocks into text chunks of about `size` characters; returns each block's chunk. */
export function chunkBlocks(
  blocks: readonly (readonly [string, string])[],
  size = CHUNK_CHARACTERS,
): number[] {
  let chunk = 0;
  let filled = 0;
  return blocks.map(([, text]) => {
    if (filled >= size) {
      chunk += 1;
      filled = 0;
    }
    filled += text.length;
    return chunk;
  });
}

/** The index words of a report, its outline and its text chunks. */
export function indexReport(source: IndexSource): {
  words: string[];
  outline: OutlineBlock[];
  chunks: TextChunk[];
  titleEnd: number;
} {
  const { meta, blocks } = source;
  const fields: Array<[HeaderField, string]> = [
    ['title', meta.title],
    ['subtitle', meta.subtitle ?? ''],
    ['unit', meta.unit],
    ['authors', meta.authors.join(' ')],
  ];
  const words: string[] = [];
  const outline: OutlineBlock[] = [];
  let characters = 0;
  const add = (text: string): void => {
    const normalised = normaliseText(text).text;
    words.push(...textWords(normalised));
    characters += [...normalised].length;
  };
  let titleEnd = 0;
  for (const [field, text] of fields) {
    if (text === '') continue;
    outline.push([field, characters, -1]);
    add(text);
    if (field === 'title' || field === 'subtitle') titleEnd = characters;
  }
  const chunkOf = chunkBlocks(blocks);
  const chunks: TextChunk[] = [];
  blocks.forEach((block, position) => {
    const chunk = chunkOf[position] ?? 0;
    outline.push([block[0], characters, chunk]);
    add(block[1]);
    (chunks[chunk] ??= []).push(block);
  });
  return { words, outline, chunks, titleEnd };
}
