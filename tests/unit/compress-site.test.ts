/**
 * The compress stage on a temporary folder: which files get `.gz` / `.br` siblings, that they
 * decompress to the original, that two runs write the same bytes, and that a rerun clears what an
 * earlier run left behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { buildStages } from '../../scripts/build.ts';
import { MIN_COMPRESS_BYTES } from '../../scripts/compress/encodings.ts';
import { precompressSite } from '../../scripts/compress/precompress-site.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const text = (line: string, bytes: number): Buffer =>
  Buffer.from(line.repeat(Math.ceil(bytes / Buffer.byteLength(line))));

/** A stand-in for `dist/`: what gets compressed and what must not. */
const FILES: Record<string, Buffer> = {
  'index.html': text('<p>南京新风 社区治理</p>\n', 5000),
  'reports/01/index.html': text('<p>报告一：推进基层治理</p>\n', 12000),
  'reports/01/cite.ris': text('TY  - RPRT\n', 400),
  '_astro/app.B1x2.js': text('export const a = 1;\n', 2000),
  '_astro/site.C3.css': text('body{color:#222}\n', 1500),
  'search/data.json': text('{"t":"社区"}', 3000),
  'pagefind/wasm.unknown.pagefind': gzipSync(text('wasm', 3000)),
  'pagefind/index/zh_1.pf_index': gzipSync(text('index', 3000)),
  'looks-like-json.json': gzipSync(text('{"already":"gzip"}', 3000)),
  'favicon.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  'tiny.txt': text('x', MIN_COMPRESS_BYTES - 1),
  // Incompressible bytes (a hash chain), as a text file: nothing to gain.
  'random.txt': Buffer.concat(
    Array.from({ length: 64 }, (_, index) => createHash('sha256').update(String(index)).digest()),
  ),
  'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 2000 }, () => 7)]),
};

function makeSite(files: Record<string, Buffer> = FILES): string {
  const root = mkdtempSync(join(tmpdir(), 'xinfeng-compress-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const COMPRESSED = [
  'index.html',
  'reports/01/index.html',
  'reports/01/cite.ris',
  '_astro/app.B1x2.js',
  '_astro/site.C3.css',
  'search/data.json',
];

describe('precompressSite', () => {
  test('writes a .gz and a .br beside each compressible file that decompress to it', async () => {
    const root = makeSite();
    const summary = await precompressSite(root);
    expect(summary.files).toEqual(
      COMPRESSED.flatMap((path) => [`${path}.br`, `${path}.gz`]).sort(),
    );
    for (const path of COMPRESSED) {
      const original = FILES[path] as Buffer;
      expect(gunzipSync(readFileSync(join(root, `${path}.gz`))).equals(original)).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(root, `${path}.br`))).equals(original)).toBe(
        true,
      );
    }
  });

  test('leaves small, binary, random and already-compressed files without siblings', async () => {
    const root = makeSite();
    const summary = await precompressSite(root);
    for (const path of [
      'pagefind/wasm.unknown.pagefind',
      'pagefind/index/zh_1.pf_index',
      'looks-like-json.json',
      'favicon.svg',
      'tiny.txt',
      'random.txt',
      'image.png',
    ]) {
      expect([
        path,
        existsSync(join(root, `${path}.gz`)),
        existsSync(join(root, `${path}.br`)),
      ]).toEqual([path, false, false]);
    }
    // The compressible-by-name ones among them count as skipped; the rest are not candidates.
    expect([summary.candidates, summary.skipped]).toEqual([COMPRESSED.length + 4, 4]);
  });

  test('two runs over the same files write byte-identical siblings', async () => {
    const hashes = async (): Promise<string[]> => {
      const root = makeSite();
      const summary = await precompressSite(root);
      return summary.files.map(
        (file) =>
          `${file} ${createHash('sha256')
            .update(readFileSync(join(root, file)))
            .digest('hex')}`,
      );
    };
    const [first, second] = [await hashes(), await hashes()];
    expect(second).toEqual(first);
  });

  test('gzip siblings carry no time, no file name and the same OS byte on every platform', async () => {
    const root = makeSite();
    await precompressSite(root);
    const header = readFileSync(join(root, 'index.html.gz')).subarray(0, 10);
    // ID1 ID2 CM FLG MTIME(4) XFL OS: no FNAME flag, MTIME 0, OS 255 (unknown).
    expect([...header.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]);
    expect([...header.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(header[9]).toBe(0xff);
  });

  test('a rerun removes siblings whose file is gone or no longer worth compressing', async () => {
    const root = makeSite();
    await precompressSite(root);
    rmSync(join(root, 'search/data.json'));
    writeFileSync(join(root, 'index.html'), 'now tiny');
    const summary = await precompressSite(root);
    for (const gone of ['search/data.json', 'index.html']) {
      expect(existsSync(join(root, `${gone}.gz`))).toBe(false);
      expect(existsSync(join(root, `${gone}.br`))).toBe(false);
    }
    expect(summary.files).toContain('reports/01/index.html.br');
  });

  test('keeps a sibling per coding only where that coding saves at least a tenth', async () => {
    // A real citation file (267 B): gzip -9 makes 246 B of it, too little gain to keep; brotli's
    // built-in dictionary gets 185 B.
    const citation = Buffer.from(
      [
        '@article{nanjingxinfeng2025-03,',
        '  author   = {顾明 and 薛莉 and 顾晓璐},',
        '  title    = {关于加强青年思想政治引领的研究与思考},',
        '  journal  = {南京新风},',
        '  year     = {2025},',
        '  number   = {增刊},',
        '  pages    = {9--14},',
        '  language = {zh},',
        '}',
        '',
      ].join('\n'),
    );
    expect(citation.length).toBe(267);
    const root = makeSite({ 'cite.bib': citation });
    expect((await precompressSite(root)).files).toEqual(['cite.bib.br']);
  });
});

test("compress is the build's last stage", () => {
  const names = buildStages().map((stage) => stage.name);
  expect(names.at(-1)).toBe('compress');
  expect(names.filter((name) => name === 'compress')).toHaveLength(1);
});
