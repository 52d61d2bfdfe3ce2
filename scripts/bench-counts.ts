/**
 * `npm run bench:counts [-- --counts 1,2,13,100,250]`: builds whole sites from compendia of that
 * many reports, derived by code from the real one (scripts/lib/derive-compendium.ts), and checks
 * that every report has its page, its search shard and its Pagefind record. Each build runs in a
 * scratch copy of the project (src/, scripts/, public/ and the config, node_modules linked), so
 * content/ and dist/ stay as they are. Minutes of Astro per count, so this is a one-off check
 * beside `npm run bench`, not a test; tests/unit/split-counts.test.ts checks the rules in Node.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { reportIdOf } from '../src/lib/content-schema.ts';
import type { SearchManifest } from '../src/lib/search/types.ts';
import { LEGACY_EDITION, reportPath } from '../src/lib/urls.ts';
import { reportKey } from './index/build-search-index.ts';
import { deriveCompendium } from './lib/derive-compendium.ts';
import { buildVariant } from './lib/build-variant.ts';
import { printTable } from './lib/print-table.ts';
import { main as runSplit } from './split.ts';

const SOURCE = join('content', 'source', 'nanjing-xinfeng-2025-supplement.txt');
const COPIED = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** What one count's build produced. */
interface CountResult {
  count: number;
  splitMs: number;
  buildMs: number;
  pages: number;
  shards: number;
  records: number;
  problems: string[];
}

/** Splits and builds a compendium of `count` reports in a scratch project and checks its output. */
async function buildCount(count: number): Promise<CountResult> {
  const root = mkdtempSync(join(tmpdir(), `xinfeng-counts-${count}-`));
  try {
    for (const entry of COPIED) cpSync(entry, join(root, entry), { recursive: true });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'junction');
    mkdirSync(join(root, 'content', 'source'), { recursive: true });
    const source = join(root, 'content', 'source', `derived-${count}.txt`);
    writeFileSync(source, deriveCompendium(readFileSync(SOURCE, 'utf8'), count));
    const started = performance.now();
    const log = console.log;
    console.log = () => {};
    const code = await runSplit([source, '--out', join(root, 'content')]).finally(() => {
      console.log = log;
    });
    const splitMs = performance.now() - started;
    if (code !== 0) throw new Error(`split of ${count} reports exited ${code}`);
    const timings = buildVariant({ root, outDir: 'dist-counts' });
    const dist = join(root, 'dist-counts');
    // The derived compendium keeps the real masthead, so it is the 2025 增刊 edition.
    const edition = LEGACY_EDITION;
    const ids = Array.from({ length: count }, (_, index) => reportIdOf(index + 1));
    const problems: string[] = [];
    const pages = ids.filter((id) =>
      existsSync(join(dist, reportPath('/', { edition, id }).slice(1), 'index.html')),
    ).length;
    const shards = ids.filter((id) =>
      existsSync(join(dist, 'search', 'reports', `${reportKey({ edition, id })}.json`)),
    ).length;
    const manifest = JSON.parse(
      readFileSync(join(dist, 'search', 'manifest.json'), 'utf8'),
    ) as SearchManifest;
    // The index stage stops unless Pagefind wrote one record per manifest row, each holding all
    // of its report's words.
    const records = manifest.reports.length;
    if (pages !== count) problems.push(`${count - pages} report pages missing`);
    if (shards !== count) problems.push(`${count - shards} search shards missing`);
    if (records !== count) problems.push(`${count - records} Pagefind records missing`);
    const buildMs =
      timings.astro + timings.index + timings.docx + timings.offline + timings.compress;
    return { count, splitMs, buildMs, pages, shards, records, problems };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const index = process.argv.indexOf('--counts');
  const counts = (index >= 0 ? (process.argv[index + 1] ?? '') : '1,2,13,100,250')
    .split(',')
    .map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 1 || count > 999))
    throw new Error(`--counts takes report counts from 1 to 999, found ${process.argv[index + 1]}`);
  const results: CountResult[] = [];
  for (const count of counts) {
    console.error(`building ${count} report(s)…`);
    results.push(await buildCount(count));
  }
  printTable(
    ['reports', 'split', 'build', 'pages', 'shards', 'records', 'result'],
    results.map((result) => [
      String(result.count),
      `${(result.splitMs / 1000).toFixed(1)} s`,
      `${(result.buildMs / 1000).toFixed(1)} s`,
      String(result.pages),
      String(result.shards),
      String(result.records),
      result.problems.join('; ') || 'ok',
    ]),
  );
  return results.every((result) => result.problems.length === 0) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
