/**
 * Builds the site into a folder of its own — astro build, the search index, the Word downloads,
 * the offline worker, then the compressed siblings — without touching `dist/` that other tests and
 * people read. Used by the determinism and sub-path tests and by the benchmark. Each stage runs as a
 * child process, the way `npm run build` runs it, and is timed.
 *
 * The split is not re-run here: it writes the shared `content/editions/`, and `npm run build`
 * (the tests' global setup) has just done it; the benchmark times it separately. A build of other
 * content (the two-edition library test) splits into a folder of its own and passes `contentDir`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface VariantOptions {
  /**
   * Folder to build into, inside the project (e.g. `dist-subpath-x/`, ignored by git) and not
   * `dist/`: Astro 5.18 writes its `.astro/` content modules into an outDir outside the root.
   */
  outDir: string;
  /** Base path, e.g. `/` or `/xinfeng/`; passed as BASE_PATH like a real deployment would. */
  base?: string;
  /**
   * Keep Astro's cache between builds (`node_modules/.astro`). Off by default: a fresh cache
   * folder makes the build clean, which is what determinism and honest timings need.
   */
  reuseCache?: boolean;
  /** Project root; the current directory by default. */
  root?: string;
  /** Content root to build from instead of `content/` (CONTENT_DIR, src/lib/content-location.ts). */
  contentDir?: string;
  /**
   * Run the Astro build only. A test that runs the later stages itself, in its own process as
   * `npm run build` does (the two-edition library test), saves a tsx start-up per stage.
   */
  astroOnly?: boolean;
}

/** Wall-clock milliseconds of each stage of one variant build (0 for a stage left out). */
export interface VariantTimings {
  astro: number;
  index: number;
  docx: number;
  offline: number;
  compress: number;
}

/** Runs a command synchronously and returns how long it took; its output is dropped unless it fails. */
export function timeCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): number {
  const start = performance.now();
  try {
    execFileSync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    const output = `${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? failure.message}`;
    throw new Error(`${command} ${args.join(' ')} failed:\n${output}`, { cause: error });
  }
  return performance.now() - start;
}

/**
 * Returns the environment without what a test runner leaks into it: vitest sets Vite's
 * `BASE_URL=/`, `MODE`, `DEV`, `PROD`, `SSR` and `NODE_ENV=test` in process.env, and an Astro
 * build started from a test inherits them — `BASE_URL=/` then wins over the configured base for
 * `import.meta.env.BASE_URL`, so a sub-path build links to `/` (seen with Astro 5.18.2).
 */
export function cleanBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (
      ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(name) ||
      name.startsWith('VITEST')
    )
      continue;
    clean[name] = value;
  }
  return clean;
}

/**
 * Builds the site into `options.outDir` (astro build, then `scripts/index/build-search-index.ts` and
 * `scripts/docx/build-docx.ts`, `scripts/offline/build-worker.ts` and
 * `scripts/compress/precompress-site.ts` on that folder, as `npm run build` runs them) and returns
 * the time each stage took.
 */
export function buildVariant(options: VariantOptions): VariantTimings {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.outDir);
  if (outDir === join(root, 'dist'))
    throw new Error('buildVariant never builds into dist/; use npm run build');
  if (!outDir.startsWith(root + sep))
    throw new Error(`buildVariant builds inside the project only, not into ${outDir}`);
  rmSync(outDir, { recursive: true, force: true });
  const cacheDir = options.reuseCache
    ? undefined
    : mkdtempSync(join(tmpdir(), 'xinfeng-astro-cache-'));
  const env: NodeJS.ProcessEnv = {
    ...cleanBuildEnv(process.env),
    ASTRO_TELEMETRY_DISABLED: '1',
    BASE_PATH: options.base ?? '/',
    ...(options.contentDir ? { CONTENT_DIR: resolve(root, options.contentDir) } : {}),
  };
  // The programmatic API is the only way to give Astro a private cache folder; the inline config
  // is merged over astro.config.mjs, which still reads BASE_PATH itself.
  const inlineConfig = JSON.stringify({
    root,
    outDir,
    logLevel: 'error',
    ...(cacheDir ? { cacheDir } : {}),
  });
  const astroScript = `import { build } from 'astro'; await build(${inlineConfig});`;
  try {
    const astro = timeCommand(process.execPath, ['--input-type=module', '-e', astroScript], {
      cwd: root,
      env,
    });
    if (options.astroOnly) return { astro, index: 0, docx: 0, offline: 0, compress: 0 };
    // The index script reads its target from SEARCH_DIST (default dist/).
    const index = timeCommand('npx', ['tsx', 'scripts/index/build-search-index.ts'], {
      cwd: root,
      env: { ...env, SEARCH_DIST: outDir },
    });
    const docx = timeCommand('npx', ['tsx', 'scripts/docx/build-docx.ts'], {
      cwd: root,
      env: { ...env, DOCX_DIST: outDir },
    });
    const offline = timeCommand('npx', ['tsx', 'scripts/offline/build-worker.ts', outDir], {
      cwd: root,
      env,
    });
    const compress = timeCommand('npx', ['tsx', 'scripts/compress/precompress-site.ts', outDir], {
      cwd: root,
      env,
    });
    return { astro, index, docx, offline, compress };
  } finally {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
}
