/**
 * How a report becomes index words and an outline: header fields first (title, subtitle, unit,
 * authors), then the body blocks, one word per normalised character (tokens.ts), and the body in
 * text chunks of a few blocks. Pure, so the index stage and the browser's index-free path
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
  let titleEnd = 0;
  for (const [field, text] of fields) {
    if (text === '') continue;
    outline.push([field, words.length, -1]);
    words.push(...textWords(normaliseText(text).text));
    if (field === 'title' || field === 'subtitle') titleEnd = words.length;
  }
  const chunkOf = chunkBlocks(blocks);
  const chunks: TextChunk[] = [];
  blocks.forEach((block, position) => {
    const chunk = chunkOf[position] ?? 0;
    outline.push([block[0], words.length, chunk]);
    words.push(...textWords(normaliseText(block[1]).text));
    (chunks[chunk] ??= []).push(block);
  });
  return { words, outline, chunks, titleEnd };
}
