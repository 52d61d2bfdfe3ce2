/**
 * `npm run build`: the stages that turn the source into the site, in the order the data flows
 * (README, “What the build does”): split → astro build → fidelity → search index → Word downloads
 * → offline worker → compress. Each stage runs in this process, so the command is the same in a
 * POSIX shell, cmd.exe and PowerShell; the first stage that fails stops the build with its own
 * message and exit code 1.
 *
 * The deployment path comes from BASE_PATH, read in astro.config.mjs; OFFLINE=off (read in
 * scripts/offline/switch.ts) leaves out the offline copy.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** One stage of the build: a name for the log and the work, which throws or resolves to false on failure. */
export interface BuildStage {
  name: string;
  run(): Promise<boolean | undefined>;
}

/** The build's stages; `dist` is the folder Astro writes and the later stages read. */
export function buildStages(dist = 'dist'): BuildStage[] {
  return [
    {
      name: 'split',
      run: async () => {
        const { main } = await import('./split.ts');
        return (await main([])) === 0;
      },
    },
    {
      name: 'astro build',
      run: async () => {
        // Astro would otherwise try to send usage data from an office intranet.
        process.env.ASTRO_TELEMETRY_DISABLED = '1';
        const { build } = await import('astro');
        // force: Astro 5 caches rendered Markdown by content digest, not by the rehype plugins'
        // code, so a changed plugin would otherwise ship the pages it rendered before.
        await build({ logLevel: 'warn', force: true });
        return true;
      },
    },
    {
      // Before the index: every page shows the source's characters, or nothing is indexed.
      name: 'fidelity',
      run: async () => {
        const { checkRenderedSite, describeFidelity } =
          await import('./fidelity/check-rendered-text.ts');
        const result = await checkRenderedSite(dist);
        for (const problem of result.problems) console.error(problem);
        if (result.problems.length > 0) return false;
        console.log(describeFidelity(result));
        return true;
      },
    },
    {
      name: 'search index',
      run: async () => {
        const { buildSearchIndex, describeSearchIndex } =
          await import('./index/build-search-index.ts');
        console.log(describeSearchIndex(await buildSearchIndex(dist), dist));
        return true;
      },
    },
    {
      name: 'word downloads',
      run: async () => {
        const { buildDocxDownloads, describeDocxDownloads } = await import('./docx/build-docx.ts');
        console.log(describeDocxDownloads(await buildDocxDownloads(dist)));
        return true;
      },
    },
    {
      // After the index: the worker lists the index files too, with the hash of every file.
      name: 'offline worker',
      run: async () => {
        const { writeServiceWorker, describeServiceWorker } =
          await import('./offline/build-worker.ts');
        console.log(describeServiceWorker(await writeServiceWorker(dist), dist));
        return true;
      },
    },
    {
      // Last, so it compresses every file the earlier stages wrote.
      name: 'compress',
      run: async () => {
        const { describePrecompress, precompressSite } =
          await import('./compress/precompress-site.ts');
        console.log(describePrecompress(await precompressSite(dist), dist));
        return true;
      },
    },
  ];
}

/** Runs the stages in order and returns the exit code: 0, or 1 at the first stage that fails. */
export async function runBuild(stages: readonly BuildStage[]): Promise<number> {
  for (const stage of stages) {
    const started = performance.now();
    let ok: boolean;
    try {
      ok = (await stage.run()) !== false;
    } catch (error) {
      console.error(
        `build: ${stage.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      ok = false;
    }
    if (!ok) {
      console.error(`build: stopped at ${stage.name}; nothing after it ran.`);
      return 1;
    }
    console.log(
      `build: ${stage.name} done in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  }
  return 0;
}

/**
 * Reads `npm run build -- --base /xinfeng/ --site https://host/xinfeng/ --offline off` into the
 * environment variables the stages read (BASE_PATH, SITE_URL, OFFLINE), so a deployment option is
 * one spelling in every shell (`BASE_PATH=… npm run build` works in POSIX shells only).
 */
export function applyBuildOptions(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const { values } = parseArgs({
    args: [...argv],
    options: { base: { type: 'string' }, site: { type: 'string' }, offline: { type: 'string' } },
    strict: true,
  });
  if (values.base !== undefined) env.BASE_PATH = values.base;
  if (values.site !== undefined) env.SITE_URL = values.site;
  if (values.offline !== undefined) env.OFFLINE = values.offline;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    applyBuildOptions(process.argv.slice(2), process.env);
    process.exitCode = await runBuild(buildStages());
  } catch (error) {
    console.error(
      `build: ${error instanceof Error ? error.message : String(error)}\n` +
        'usage: npm run build -- [--base /PATH/] [--site https://HOST/PATH/] [--offline on|off]',
    );
    process.exitCode = 1;
  }
}
