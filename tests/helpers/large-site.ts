/**
 * A library past the scan size, so the browser reads Pagefind's index: a seeded synthetic library
 * (scripts/bench/synthetic-library.ts) indexed beside a copy of the built site's pages and scripts,
 * built once per run by the site project's global setup. Its reports have no pages of their own;
 * tests search it (every engine, and without WebAssembly) and page through its results.
 */
import { buildSyntheticSite, syntheticSources } from '../../scripts/bench/library-site.ts';

export const LARGE_SITE = 'tests/artifacts/large-site';

/** Reports in the large library: enough for several result pages of a phrase planted in 100. */
export const LARGE_SITE_REPORTS = 150;

/** Builds the large library's site from the built site in `dist`. */
export async function buildLargeSite(dist: string): Promise<void> {
  // Shorter reports than the real ones (2,000 characters): the same design in a few seconds.
  const site = await buildSyntheticSite(syntheticSources(LARGE_SITE_REPORTS, 2000), {
    shell: dist,
    root: LARGE_SITE,
  });
  if (site.summary.scan) throw new Error('large-site: the library is small enough to be scanned');
}
