/**
 * The one rule for what this site compresses and how, shared by the build stage that writes
 * `.gz` / `.br` siblings into `dist/` (`precompress-site.ts`) and by `scripts/serve.ts`, which
 * serves those siblings and compresses on the fly — with these same settings — only when a sibling
 * is missing. Both sides must agree, or a file the build left uncompressed on purpose would be
 * compressed per request after all.
 */
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, type BrotliOptions, type ZlibOptions } from 'node:zlib';

/** The content codings the site offers, in the order the server prefers them at equal q-values. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** File name suffix of each coding's precompressed sibling (`index.html` → `index.html.br`). */
export const SIBLING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Text formats (and WebAssembly) worth compressing. Pagefind's `.pf_*` files are gzip streams
 * already (the search inflates them itself, src/lib/search/pagefind-index.ts), so they are not
 * listed: compressing them again gains nothing, and they must reach the browser byte for byte.
 */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.wasm',
  '.bib',
  '.ris',
  '.webmanifest',
]);

/**
 * Files smaller than this travel in the first TCP segment together with their headers either way,
 * so compressing them saves a few dozen bytes at the cost of a Content-Encoding header. The nginx
 * example's `gzip_min_length 256` is the same limit.
 */
export const MIN_COMPRESS_BYTES = 256;

/** A compressed copy is kept only when it is at most this fraction of the original. */
export const MAX_COMPRESSED_RATIO = 0.9;

/** gzip at the highest level: it runs once per file at build time, not per request. */
export const GZIP_OPTIONS: ZlibOptions = { level: 9 };

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Returns the lower-cased extension of a file name (`a/b.HTML` → `.html`). */
function extensionOf(fileName: string): string {
  return extname(fileName).toLowerCase();
}

/** True when a file's extension names a text format (or WebAssembly) that the site compresses. */
export function isCompressibleName(fileName: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.has(extensionOf(fileName));
}

/** True when a buffer already starts like a gzip or zstd stream (magic bytes), whatever its name. */
export function looksCompressed(data: Uint8Array): boolean {
  const gzipMagic = data[0] === 0x1f && data[1] === 0x8b;
  const zstdMagic = data[0] === 0x28 && data[1] === 0xb5 && data[2] === 0x2f && data[3] === 0xfd;
  return gzipMagic || zstdMagic;
}

/** True when compressing this file's content is worth trying at all (name, size, not compressed). */
export function isWorthCompressing(fileName: string, data: Uint8Array): boolean {
  return (
    isCompressibleName(fileName) && data.length >= MIN_COMPRESS_BYTES && !looksCompressed(data)
  );
}

/** True when a compressed copy saves enough to be served instead of the original. */
export function compressionPays(originalBytes: number, compressedBytes: number): boolean {
  return compressedBytes <= originalBytes * MAX_COMPRESSED_RATIO;
}

function brotliOptions(fileName: string, size: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]:
        extensionOf(fileName) === '.wasm'
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

/**
 * Compresses `data` (the content of `fileName`) with one coding, off the main thread (zlib's
 * thread pool), so a server can call it without stalling other requests. The output depends only
 * on the input and the zlib build: gzip writes no file name and a zero mtime, and its OS byte is
 * set to 255 ("unknown"), which zlib would otherwise fill in from the platform it was built for.
 */
export async function compressContent(
  encoding: Encoding,
  fileName: string,
  data: Uint8Array,
): Promise<Buffer> {
  if (encoding === 'br') return brotliAsync(data, brotliOptions(fileName, data.length));
  const compressed = await gzipAsync(data, GZIP_OPTIONS);
  compressed[9] = 0xff;
  return compressed;
}
