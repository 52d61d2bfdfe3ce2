/**
 * `npm run index` (after `astro build`): writes the search data into `dist/`.
 *
 * - `dist/pagefind/index/`: a Pagefind index with one custom record per report whose words are
 *   the report's normalised characters as codes, in text order, three per character (its 4-gram,
 *   its pair, itself; src/lib/search/tokens.ts says why): a query's whole-word lookups give
 *   exactly the reports that contain it, with the position of every hit, loading only the index
 *   chunks of its words. The browser reads the chunks itself (src/lib/search/pagefind-index.ts),
 *   so Pagefind's runtime, metadata and fragments are not kept; what it wrote is read back and
 *   checked word by word first (pagefind-files.ts).
 * - `dist/search/words/<n>.json`: the chunk directory, in groups: each chunk's first word and
 *   file, so a lookup costs one small group and one chunk; the manifest lists each group's first
 *   word.
 * - `dist/search/library.json`: the whole library's text, written only when it is smaller than
 *   what one query's index chunks cost (the real twelve reports); the browser then scans it.
 * - `dist/search/manifest.json`: the build version, the units, the editions (key and label), the
 *   chunk directory's groups, and per report (in record number order) its key, its unit, where
 *   its title ends and its edition — a few bytes per report.
 *   The key (`2025-zk-05`, `reportKey`) is unique across the library's editions and opaque to
 *   the browser: it names the report's files below.
 * - `dist/search/reports/<key>.json`: a report's metadata and outline (which index positions are
 *   which block, which text chunk holds it), fetched only for reports a result list shows.
 * - `dist/search/text/<key>/<n>.json`: the body text in chunks of a few blocks (element id + text,
 *   read from the built page itself so ids and text are exactly what the reader shows), fetched
 *   only for the sections a result list shows an excerpt of.
 * - `dist/search/jump/<n>.json`: quick-jump targets with their pinyin (computed here at build time),
 *   in buckets by character (src/lib/search/jump-buckets.ts).
 *
 * The stage reads its input (`IndexSource`: frontmatter fields + body blocks) for every edition of
 * the library (scripts/lib/report-files.ts) from the built site;
 * `writeSearchIndex` takes that input directly, which is how the benchmark indexes synthetic
 * libraries of 1,200 reports without building their pages.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import * as pagefind from 'pagefind';
import { indexReport } from '../../src/lib/search/outline.ts';
import { jumpBucketCount, jumpBucketOf } from '../../src/lib/search/jump-buckets.ts';
import { buildJumpEntries } from './jump-data.ts';
import { checkIndexChunks, readPagefindMeta, type PagefindMeta } from './pagefind-files.ts';
import type { LibraryReport } from '../../src/lib/content-schema.ts';
import { readLibrary } from '../lib/report-files.ts';
import { isHeadingId } from '../../src/lib/ids.ts';
import {
  jumpBucketPath,
  libraryPath,
  normaliseBase,
  reportPath,
  shardPath,
  textChunkPath,
  wordsGroupPath,
} from '../../src/lib/urls.ts';
import type {
  IndexSource,
  JumpRow,
  ManifestRow,
  ReportOutline,
  SearchManifest,
  SearchReport,
  ShardBlock,
  WordsGroup,
} from '../../src/lib/search/types.ts';

export type { IndexSource };

const hasClass = (node: Element, name: string): boolean => {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
};

/** Text of an element without its permalink `#` anchors. */
function blockText(node: Element): string {
  const copy: Element = structuredClone(node);
  visit(copy, 'element', (child, index, parent) => {
    if (parent && index !== undefined && child.tagName === 'a' && hasClass(child, 'permalink')) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return hastToString(copy).replace(/\s+/g, ' ').trim();
}

/**
 * Extracts the blocks (headings and paragraphs with ids) of the report body
 * (`[data-pagefind-body]`) from a built report page.
 */
export function extractBlocks(html: string): ShardBlock[] {
  const tree: Root = fromHtml(html);
  let body: Element | undefined;
  visit(tree, 'element', (node) => {
    if (!body && node.properties.dataPagefindBody !== undefined) body = node;
  });
  if (!body) throw new Error('report page without [data-pagefind-body]');
  const blocks: ShardBlock[] = [];
  visit(body, 'element', (node) => {
    if (!['h2', 'h3', 'p'].includes(node.tagName)) return undefined;
    const id = node.properties.id;
    if (typeof id === 'string' && id !== '') blocks.push([id, blockText(node)]);
    return SKIP;
  });
  return blocks;
}

/** Writes a file, creating its folder. */
function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** The file under `dist` that a site address (from src/lib/urls.ts, query string dropped) names. */
function fileOf(dist: string, address: string): string {
  return join(dist, address.replace(/\?.*$/, '').slice(normaliseBase('/').length));
}

/** The key of a report across the library, `2025-zk-05`: its files' name (opaque to the browser). */
export function reportKey(report: Pick<LibraryReport, 'edition' | 'id'>): string {
  return `${report.edition}-${report.id}`;
}

/** The report fields the search shows (a content record carries more). */
function toReport(meta: SearchReport): SearchReport {
  return {
    key: meta.key,
    edition: meta.edition,
    id: meta.id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    unit: meta.unit,
    authors: meta.authors,
    page: meta.page,
  };
}

// The gzipped size of the whole library's text up to which the browser scans it (the real twelve
// reports: about 80 KB) rather than reading the index chunks of the query.
const SCAN_LIMIT = 100 * 1024;

/**
 * The chunk directory in groups of about √n chunks: each chunk's first word and file name. A
 * lookup then costs one group (a kilobyte at 2,000 chunks) and grows with the root of the index.
 */
export function directoryGroups(chunks: PagefindMeta['chunks']): WordsGroup[] {
  const size = Math.max(16, Math.ceil(Math.sqrt(chunks.length)));
  const groups: WordsGroup[] = [];
  for (let start = 0; start < chunks.length; start += size)
    groups.push(chunks.slice(start, start + size).map(({ from, file }) => [from, file]));
  return groups;
}

/** What the index stage wrote, for its summary line. */
export interface IndexSummary {
  reports: number;
  /** Pagefind records read back and checked word by word: one per report. */
  records: number;
  words: number;
  chunks: number;
  jumpBuckets: number;
  scan: boolean;
  /** Milliseconds: Pagefind's indexing, the check of what it wrote, and the search files. */
  ms: { pagefind: number; check: number; files: number };
}

/**
 * Writes all search data for `sources` into `dist` (pagefind/ and search/); `editions` are the
 * library's editions newest first, with the label results name them by.
 */
export async function writeSearchIndex(
  dist: string,
  sources: readonly IndexSource[],
  editions: SearchManifest['editions'],
  options: {
    /** Keeps Pagefind's runtime and metadata, for a test that compares its reading with ours. */
    pagefindRuntime?: boolean;
  } = {},
): Promise<IndexSummary> {
  const pagefindFolder = join(dist, 'pagefind');
  const searchFolder = join(dist, 'search');
  rmSync(pagefindFolder, { recursive: true, force: true });
  // Only the data: search/index.html is the search page Astro built.
  for (const data of ['manifest.json', 'library.json', 'words', 'reports', 'text', 'jump'])
    rmSync(join(searchFolder, data), { recursive: true, force: true });
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const indexed = sources.map((source) => indexReport(source));
  let wordCount = 0;
  for (const [position, source] of sources.entries()) {
    const words = indexed[position]?.words ?? [];
    wordCount += words.length;
    const added = await index.addCustomRecord({
      url: reportPath('/', source.meta),
      content: words.join(' '),
      language: 'zh-cn',
      meta: { title: source.meta.key },
    });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: pagefindFolder });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  const pagefindDone = performance.now();
  const meta = readPagefindMeta(pagefindFolder);
  // Record numbers are manifest rows: Pagefind must have numbered the records as they were added,
  // which the check of every chunk proves (each position read must hold its own record's word).
  if (meta.records.length !== sources.length)
    throw new Error(
      `${meta.file}: expected ${sources.length} records, found ${meta.records.length}`,
    );
  checkIndexChunks(
    pagefindFolder,
    meta,
    indexed.map(({ words }) => words),
  );
  const checkDone = performance.now();
  // Only the index chunks are read (by the browser, src/lib/search/pagefind-index.ts): Pagefind's
  // runtime, metadata, fragments and UI would be a megabyte nobody loads.
  if (!options.pagefindRuntime)
    for (const name of readdirSync(pagefindFolder))
      if (name !== 'index') rmSync(join(pagefindFolder, name), { recursive: true, force: true });

  const version = createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 12);
  let chunkCount = 0;
  sources.forEach((source, position) => {
    const { outline, chunks } = indexed[position] ?? { outline: [], chunks: [] };
    const report = toReport(source.meta);
    const headings = source.blocks.filter(([id]) => isHeadingId(id));
    const data: ReportOutline = { report, blocks: outline, headings };
    writeFile(fileOf(dist, shardPath('/', report.key, version)), JSON.stringify(data));
    chunks.forEach((chunk, number) =>
      writeFile(
        fileOf(dist, textChunkPath('/', report.key, number, version)),
        JSON.stringify(chunk),
      ),
    );
    chunkCount += chunks.length;
  });

  const units = [...new Set(sources.map((source) => source.meta.unit))];
  const rows: ManifestRow[] = sources.map((source, position) => {
    const edition = editions.findIndex(({ key }) => key === source.meta.edition);
    if (edition < 0)
      throw new Error(
        `search index: report ${source.meta.key} is of edition ${source.meta.edition}, which the library does not list`,
      );
    return [
      source.meta.key,
      units.indexOf(source.meta.unit),
      indexed[position]?.titleEnd ?? 0,
      edition,
    ];
  });

  const jump = sources.flatMap(({ meta, blocks }) =>
    buildJumpEntries({ ...meta, headings: blocks.filter(([id]) => isHeadingId(id)) }),
  );
  const jumpBuckets = jumpBucketCount(
    jump.length,
    jump.reduce((sum, entry) => sum + entry.keys.length, 0),
  );
  const buckets: JumpRow[][] = Array.from({ length: jumpBuckets }, () => []);
  for (const entry of jump) {
    const row: JumpRow = [
      entry.text,
      entry.kind,
      entry.report,
      entry.anchor,
      entry.edition,
      entry.pinyin,
      entry.initials,
    ];
    for (const bucket of new Set(entry.keys.map((key) => jumpBucketOf(key, jumpBuckets))))
      buckets[bucket]?.push(row);
  }
  buckets.forEach((rows, bucket) =>
    writeFile(fileOf(dist, jumpBucketPath('/', bucket, version)), JSON.stringify(rows)),
  );

  // A small library's whole text costs about what the index chunks of one query do (one chunk of
  // the real twelve reports is 20–60 KB gzipped, and most queries need two) and answers every
  // later query without another request: the browser then scans it instead.
  const library: IndexSource[] = sources.map(({ meta, blocks }) => ({
    meta: toReport(meta),
    blocks,
  }));
  const libraryJson = JSON.stringify(library);
  const scan = gzipSync(libraryJson, { level: 9 }).length <= SCAN_LIMIT;
  if (scan) writeFile(fileOf(dist, libraryPath('/', version)), libraryJson);
  const groups = directoryGroups(meta.chunks);
  groups.forEach((group, number) =>
    writeFile(fileOf(dist, wordsGroupPath('/', number, version)), JSON.stringify(group)),
  );
  const manifest: SearchManifest = {
    version,
    units,
    reports: rows,
    index: groups.map((group) => group[0]?.[0] ?? ''),
    jumpBuckets,
    scan,
    editions,
  };
  writeFile(join(searchFolder, 'manifest.json'), JSON.stringify(manifest));
  return {
    reports: sources.length,
    records: meta.records.length,
    words: wordCount,
    chunks: chunkCount,
    jumpBuckets,
    scan,
    ms: {
      pagefind: pagefindDone - started,
      check: checkDone - pagefindDone,
      files: performance.now() - checkDone,
    },
  };
}

/**
 * Reads the index stage's input from the library under `contentDir` (every edition, newest first)
 * and the built report pages in `dist`, with the editions' labels.
 */
export function readIndexSources(
  dist: string,
  contentDir?: string,
): { sources: IndexSource[]; editions: SearchManifest['editions'] } {
  const library = readLibrary(contentDir);
  const sources = library.flatMap((edition) =>
    edition.reports.map(({ record }): IndexSource => {
      const meta = { ...record, edition: edition.key };
      return {
        meta: { ...meta, key: reportKey(meta) },
        blocks: extractBlocks(
          readFileSync(fileOf(dist, reportPath('/', meta)) + 'index.html', 'utf8'),
        ),
      };
    }),
  );
  const editions = library.map(({ key, publication }) => ({ key, label: publication.issue }));
  return { sources, editions };
}

/** Builds all search data for the built site in `dist` from the library under `contentDir`. */
export function buildSearchIndex(dist: string, contentDir?: string): Promise<IndexSummary> {
  const { sources, editions } = readIndexSources(dist, contentDir);
  return writeSearchIndex(dist, sources, editions);
}

/** One line saying what the index stage wrote. */
export function describeSearchIndex(summary: IndexSummary, dist: string): string {
  return (
    `search index: ${summary.reports} reports, ${summary.words} index words, ` +
    `${summary.chunks} text chunks, ${summary.jumpBuckets} quick-jump bucket(s)` +
    `${summary.scan ? ', small enough to scan (library.json)' : ''} → ${dist}/pagefind, ${dist}/search`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.env.SEARCH_DIST ?? 'dist';
  console.log(describeSearchIndex(await buildSearchIndex(dist), dist));
}
