/**
 * Two clean builds give byte-identical output: one extra build (astro build + search index, with a
 * fresh Astro cache, into a folder of its own) is compared file by file with the `dist/` that the
 * global setup just built. The split's own determinism is checked by its stale-output test.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildVariant } from '../../scripts/lib/build-variant.ts';
import { listFilesUnder } from '../../scripts/lib/list-files.ts';

/** Maps every file under `root` (relative path with `/`) to the SHA-256 of its bytes. */
function hashTree(root: string): Map<string, string> {
  return new Map(
    listFilesUnder(root).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex'),
    ]),
  );
}

/** Describes how two trees differ: files only in one of them, and files whose bytes differ. */
function diffTrees(first: Map<string, string>, second: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [path, hash] of first) {
    if (!second.has(path)) differences.push(`only in the first build: ${path}`);
    else if (second.get(path) !== hash) differences.push(`bytes differ: ${path}`);
  }
  for (const path of second.keys())
    if (!first.has(path)) differences.push(`only in the second build: ${path}`);
  return differences.sort();
}

describe('deterministic build', () => {
  let scratch = '';
  let outDir = '';
  beforeAll(() => {
    scratch = mkdtempSync('dist-determinism-');
    outDir = join(scratch, 'dist');
    buildVariant({ outDir });
  }, 300_000);
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the tree differ reports missing, extra and changed files', () => {
    const first = new Map([
      ['a.html', '1'],
      ['b.js', '2'],
      ['c.css', '3'],
    ]);
    const second = new Map([
      ['a.html', '1'],
      ['b.js', '9'],
      ['d.txt', '4'],
    ]);
    expect(diffTrees(first, second)).toEqual([
      'bytes differ: b.js',
      'only in the first build: c.css',
      'only in the second build: d.txt',
    ]);
  });

  test('a clean rebuild produces a byte-identical tree, search index included', () => {
    const original = hashTree(process.env.XINFENG_DIST ?? 'dist');
    const rebuilt = hashTree(outDir);
    expect([...original.keys()].some((path) => path.startsWith('pagefind/'))).toBe(true);
    expect(original.size).toBeGreaterThan(20);
    expect(diffTrees(original, rebuilt)).toEqual([]);
  });
});
