/**
 * `npm run index` (after `astro build`): writes the search data into `dist/`.
 *
 * - `dist/search/reports/<key>.json`: each report body block by block (element id + text), read
 *   from the built page itself so ids and text are exactly what the reader shows; the key
 *   (`2025-zk-05`) is unique across the library's editions and opaque to the browser.
 * - `dist/pagefind/`: a Pagefind index with one custom record per report whose words are the
 *   report's distinct normalised characters as ASCII codes (see src/lib/search/tokens.ts for why).
 *   Pagefind returns candidates; the browser checks them literally against the shards.
 * - `dist/search/manifest.json`: report metadata with its edition, each report's Pagefind result id, and the
 *   characters found in every report (left out of the index: they select nothing).
 * - `dist/search/jump.json` + `jump-pinyin.json`: quick-jump targets, and their pinyin computed
 *   here at build time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import * as pagefind from 'pagefind';
import { normaliseText } from '../../src/lib/search/normalise.ts';
import { characterTokens } from '../../src/lib/search/tokens.ts';
import { buildJumpEntries } from './jump-data.ts';
import type { LibraryReport, ReportMeta } from '../../src/lib/content-schema.ts';
import { readLibrary } from '../lib/report-files.ts';
import { isHeadingId } from '../../src/lib/ids.ts';
import { reportPath } from '../../src/lib/urls.ts';
import type {
  JumpEntry,
  JumpPinyinRow,
  JumpRow,
  ReportShard,
  SearchManifest,
  SearchReport,
  ShardBlock,
} from '../../src/lib/search/types.ts';

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

/** The normalised text of everything a report is searchable by. */
export function searchableText(meta: ReportMeta, blocks: ShardBlock[]): string {
  return normaliseText(
    [meta.title, meta.subtitle ?? '', meta.unit, ...meta.authors, ...blocks.map(([, t]) => t)].join(
      '',
    ),
  ).text;
}

/** The characters that occur in every one of the texts, in code point order. */
export function charactersInAll(texts: string[]): string {
  const [first, ...rest] = texts.map((text) => new Set(text));
  if (!first) return '';
  return [...first]
    .filter((character) => rest.every((set) => set.has(character)))
    .sort()
    .join('');
}

/**
 * The words of a report's Pagefind record: its characters not found in every report. A record
 * without words is not written at all, which happens when there is one report (every character
 * is everywhere) or when a report uses only characters all the others use; such a report keeps
 * all its characters. That selects nothing extra: a query made only of characters found
 * everywhere never reaches Pagefind (every report is a candidate), and any other query asks for
 * a character this report lacks.
 */
export function recordTokens(text: string, everywhere: string): string[] {
  const distinctive = characterTokens(text, everywhere);
  return distinctive.length > 0 ? distinctive : characterTokens(text);
}

/** Reads the Pagefind result id (fragment name) of every written record, keyed by record URL. */
function readFragmentIds(pagefindFolder: string): Map<string, string> {
  const ids = new Map<string, string>();
  const folder = join(pagefindFolder, 'fragment');
  for (const name of readdirSync(folder)) {
    const raw = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    // Fragments start with a short signature before their JSON.
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
    ids.set(fragment.url, name.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/** The key of a report across the library, `2025-zk-05`: its shard's name (opaque to the browser). */
export function reportKey(report: Pick<LibraryReport, 'edition' | 'id'>): string {
  return `${report.edition}-${report.id}`;
}

/** Builds all search data for the built site in `dist` from the library under `contentDir`. */
export async function buildSearchIndex(
  dist: string,
  contentDir?: string,
): Promise<{ reports: number; tokens: number; everywhere: number }> {
  const library = readLibrary(contentDir);
  const metadata: LibraryReport[] = library.flatMap((edition) =>
    edition.reports.map((file) => ({ ...file.record, edition: edition.key })),
  );
  const shards: ReportShard[] = metadata.map((meta) => ({
    id: reportKey(meta),
    blocks: extractBlocks(
      readFileSync(join(dist, reportPath('/', meta).slice(1), 'index.html'), 'utf8'),
    ),
  }));

  const pagefindFolder = join(dist, 'pagefind');
  rmSync(pagefindFolder, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const texts = metadata.map((meta, position) =>
    searchableText(meta, shards[position]?.blocks ?? []),
  );
  const everywhere = charactersInAll(texts);
  let tokenCount = 0;
  for (const [position, meta] of metadata.entries()) {
    const tokens = recordTokens(texts[position] ?? '', everywhere);
    tokenCount += tokens.length;
    const added = await index.addCustomRecord({
      url: reportPath('/', meta),
      content: tokens.join(' '),
      language: 'zh-cn',
      meta: { title: meta.title },
    });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: pagefindFolder });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  // Only the search API is used, on the main thread (noWorker): the UI bundles and the worker
  // Pagefind writes are 450 KB nobody loads.
  for (const name of readdirSync(pagefindFolder)) {
    if (/^pagefind-(component-ui|modular-ui|ui|highlight|worker)\./.test(name))
      rmSync(join(pagefindFolder, name));
  }
  const fragmentIds = readFragmentIds(pagefindFolder);

  const searchFolder = join(dist, 'search');
  mkdirSync(join(searchFolder, 'reports'), { recursive: true });
  const shardJson = shards.map((shard) => JSON.stringify(shard));
  const version = createHash('sha256')
    .update(shardJson.join('\n'))
    .update(JSON.stringify(metadata))
    .digest('hex')
    .slice(0, 12);
  shards.forEach((shard, position) =>
    writeFileSync(join(searchFolder, 'reports', `${shard.id}.json`), shardJson[position] ?? ''),
  );

  const reports: SearchReport[] = metadata.map((meta) => {
    const pagefindId = fragmentIds.get(reportPath('/', meta));
    if (!pagefindId) throw new Error(`pagefind wrote no record for report ${reportKey(meta)}`);
    return {
      key: reportKey(meta),
      edition: meta.edition,
      id: meta.id,
      pagefindId,
      title: meta.title,
      ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
      unit: meta.unit,
      authors: meta.authors,
      page: meta.page,
    };
  });
  const editions = library.map(({ key, publication }) => ({ key, label: publication.issue }));
  const manifest: SearchManifest = { version, reports, everywhere, editions };
  writeFileSync(join(searchFolder, 'manifest.json'), JSON.stringify(manifest));

  const jump: JumpEntry[] = metadata.flatMap((meta, position) =>
    buildJumpEntries({
      ...meta,
      headings: (shards[position]?.blocks ?? []).filter(([id]) => isHeadingId(id)),
    }),
  );
  const rows: JumpRow[] = jump.map((entry) => [
    entry.text,
    entry.kind,
    entry.report,
    entry.anchor,
    entry.edition,
  ]);
  const pinyinRows: JumpPinyinRow[] = jump.map((entry) => [entry.pinyin, entry.initials]);
  writeFileSync(join(searchFolder, 'jump.json'), JSON.stringify(rows));
  writeFileSync(join(searchFolder, 'jump-pinyin.json'), JSON.stringify(pinyinRows));
  return { reports: reports.length, tokens: tokenCount, everywhere: everywhere.length };
}

/** One line saying what the index stage wrote. */
export function describeSearchIndex(
  summary: Awaited<ReturnType<typeof buildSearchIndex>>,
  dist: string,
): string {
  return (
    `search index: ${summary.reports} reports, ${summary.tokens} character words ` +
    `(${summary.everywhere} characters found in every report left out) → ${dist}/pagefind, ${dist}/search`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.env.SEARCH_DIST ?? 'dist';
  console.log(describeSearchIndex(await buildSearchIndex(dist), dist));
}
