/**
 * Stage 1: bytes → text → numbered lines. Accepts a UTF-8 BOM and CRLF/CR line endings
 * (both appear when the source is re-saved on Windows); rejects anything that is not UTF-8.
 */
import { Problems } from './errors.ts';
import type { SourceLine } from './model.ts';

/** Decodes the source bytes as strict UTF-8, reporting where decoding fails instead of guessing. */
export function decodeSource(bytes: Uint8Array, problems: Problems): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = findInvalidUtf8(bytes);
    const line = countLines(bytes, bad.offset);
    if (bad.atEnd) {
      // A multi-byte character cut at the very end means the file was cut short, not mis-encoded.
      problems.fail(
        line,
        'truncated-input',
        'the file to end with a complete UTF-8 character',
        `a cut ${bad.length}-byte sequence at byte ${bad.offset}`,
      );
    } else {
      problems.fail(
        line,
        'not-utf8',
        'UTF-8 text',
        `byte 0x${(bytes[bad.offset] ?? 0).toString(16).padStart(2, '0')} at byte ${bad.offset}`,
      );
    }
    return undefined;
  }
}

/** Splits text into numbered lines, dropping a leading BOM and normalising CRLF and CR to LF. */
export function splitLines(text: string): SourceLine[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => ({ number: index + 1, text: line }));
}

/** Checks that the text holds something besides whitespace (and a BOM). */
export function checkNotEmpty(lines: readonly SourceLine[], problems: Problems): boolean {
  const first = lines.find((line) => line.text.trim() !== '');
  if (first) return true;
  problems.fail(
    1,
    'empty-file',
    'the text of the compendium',
    lines.length <= 1 ? 'an empty file' : `${lines.length} blank lines`,
  );
  return false;
}

interface InvalidSequence {
  offset: number;
  length: number;
  atEnd: boolean;
}

/** Finds the first byte where UTF-8 decoding fails, and whether it is a sequence cut off by the end of the data. */
function findInvalidUtf8(bytes: Uint8Array): InvalidSequence {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return { offset: index, length: 1, atEnd: false };
    for (let next = 1; next < length; next += 1) {
      if (index + next >= bytes.length)
        return { offset: index, length: bytes.length - index, atEnd: true };
      const byte = bytes[index + next] ?? 0;
      if ((byte & 0xc0) !== 0x80) return { offset: index, length: next, atEnd: false };
    }
    // Overlong or surrogate encodings are rejected by the decoder too; report them at their lead byte.
    if (!isValidSequence(bytes, index, length)) return { offset: index, length, atEnd: false };
    index += length;
  }
  return { offset: Math.max(0, bytes.length - 1), length: 1, atEnd: false };
}

/** Rejects the few well-formed-looking sequences UTF-8 forbids (overlong, surrogates, > U+10FFFF). */
function isValidSequence(bytes: Uint8Array, index: number, length: number): boolean {
  const lead = bytes[index] ?? 0;
  const second = bytes[index + 1] ?? 0;
  if (length === 3 && lead === 0xe0 && second < 0xa0) return false;
  if (length === 3 && lead === 0xed && second > 0x9f) return false;
  if (length === 4 && lead === 0xf0 && second < 0x90) return false;
  if (length === 4 && lead === 0xf4 && second > 0x8f) return false;
  return true;
}

/** Counts the 1-based line a byte offset falls on. */
function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1)
    if (bytes[index] === 0x0a) line += 1;
  return line;
}
