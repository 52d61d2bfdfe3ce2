/**
 * Global setup of the `site` project: builds the real site once (split → astro build → Pagefind)
 * so every site test reads the same `dist/`. Set XINFENG_REUSE_DIST=1 to skip the build while
 * iterating locally on a `dist/` that is already fresh; CI always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cleanBuildEnv } from '../../scripts/lib/build-variant.ts';

export default function buildSite(): void {
  if (process.env.XINFENG_REUSE_DIST === '1' && !process.env.CI && existsSync('dist/index.html'))
    return;
  // Without vitest's leaked BASE_URL, so `BASE_PATH=/xinfeng/ npm test` builds for the sub-path.
  execFileSync('npm', ['run', '--silent', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: cleanBuildEnv(process.env),
  });
}
