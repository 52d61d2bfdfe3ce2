/**
 * Global setup of the `site` project: builds the real site once (split → astro build → Pagefind)
 * so every site test reads the same `dist/`, and beside it the large library's site
 * (large-site.ts). Set XINFENG_REUSE_DIST=1 to skip both while iterating locally on builds that
 * are already fresh; CI always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cleanBuildEnv } from '../../scripts/lib/build-variant.ts';
import { LARGE_SITE, buildLargeSite } from './large-site.ts';

export default async function buildSite(): Promise<void> {
  if (
    process.env.XINFENG_REUSE_DIST === '1' &&
    !process.env.CI &&
    existsSync('dist/index.html') &&
    existsSync(`${LARGE_SITE}/search/manifest.json`)
  )
    return;
  // Without vitest's leaked BASE_URL, so `BASE_PATH=/xinfeng/ npm test` builds for the sub-path.
  execFileSync('npm', ['run', '--silent', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: cleanBuildEnv(process.env),
  });
  await buildLargeSite('dist');
}
