/**
 * Synthetic libraries as search sites for the benchmark and the large-library quality test: the
 * generator's reports fed straight into the index stage's `writeSearchIndex`, optionally beside a
 * copy of the real built site's pages and scripts (so Chromium can type into the real search box).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString as mdastToString } from 'mdast-util-to-string';
import { readLibrary } from '../lib/report-files.ts';
import {
  writeSearchIndex,
  type IndexSource,
  type IndexSummary,
} from '../index/build-search-index.ts';
import { precompressSite } from '../compress/precompress-site.ts';
import { writeServiceWorker } from '../offline/build-worker.ts';
import {
  SYNTHETIC_EDITION,
  checkPlantedStrings,
  generateLibrary,
  trainMarkov,
} from './synthetic-library.ts';

/** The real report paragraphs (every edition's), the Markov model's training text. */
export function realParagraphs(contentDir?: string): string[] {
  return readLibrary(contentDir).flatMap(({ reports }) =>
    reports.flatMap(({ body }) =>
      body.filter((node) => node.type === 'paragraph').map((node) => mdastToString(node)),
    ),
  );
}

/**
 * A synthetic library of `reports` reports (seeded, so every run builds the same one) of about
 * `characters` body characters each (the real reports have about 5,000).
 */
export function syntheticSources(reports: number, characters = 5000, seed = 20251): IndexSource[] {
  const paragraphs = realParagraphs();
  checkPlantedStrings(paragraphs.join('\n'));
  return generateLibrary(trainMarkov(paragraphs), { reports, seed, characters });
}

/** A built synthetic search site: its folder, the sources, the index summary and build time. */
export interface SyntheticSite {
  root: string;
  sources: IndexSource[];
  summary: IndexSummary;
  buildMs: number;
  remove(): void;
}

/** Where and how a synthetic site is built. */
export interface SyntheticSiteOptions {
  /** A built site whose pages and scripts are copied first (its own search data replaced). */
  shell?: string;
  /** The folder to build in (emptied first); a new temporary folder by default. */
  root?: string;
  /** Keeps Pagefind's runtime (`writeSearchIndex`). */
  pagefindRuntime?: boolean;
}

/** Indexes a synthetic library into a folder, beside a copy of a built site's pages if asked. */
export async function buildSyntheticSite(
  sources: IndexSource[],
  { shell, root: folder, pagefindRuntime }: SyntheticSiteOptions = {},
): Promise<SyntheticSite> {
  if (folder) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  }
  const root = folder ?? mkdtempSync(join(tmpdir(), 'xinfeng-synthetic-'));
  if (shell)
    cpSync(shell, root, {
      recursive: true,
      // The shell's own search data and compressed siblings would be stale next to the new index.
      filter: (path) =>
        !/^[\\/](pagefind|search[\\/](reports|text|jump|manifest))|\.(br|gz)$/.test(
          path.slice(shell.length),
        ),
    });
  const started = performance.now();
  const summary = await writeSearchIndex(root, sources, [SYNTHETIC_EDITION], {
    pagefindRuntime,
  });
  const buildMs = performance.now() - started;
  if (shell) {
    // As `npm run build` does after the index: the shell's offline worker lists the shell's own
    // search files with their hashes, which a browser would find changed.
    await writeServiceWorker(root);
    // As `npm run build` does last: the server would otherwise send a file's first request
    // uncompressed while it compresses it in the background.
    await precompressSite(root);
  }
  return {
    root,
    sources,
    summary,
    buildMs,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
