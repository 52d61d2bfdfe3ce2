/**
 * The split on a large input: a compendium of about 50 MB derived by code from the real one
 * (scripts/lib/derive-compendium.ts: the real reports again and again, each under a new
 * table-of-contents entry), split by the CLI into a scratch folder in a child process of its own,
 * so the peak memory measured is the split's alone. `npm run bench` reports it; run on its own
 * with `npx tsx scripts/bench-split.ts [--mb 50]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deriveCompendium } from './lib/derive-compendium.ts';

const SOURCE = join('content', 'source', 'nanjing-xinfeng-2025-supplement.txt');

/** What one large split cost. */
export interface SplitSizeResult {
  /** Size of the input in bytes. */
  bytes: number;
  reports: number;
  /** Wall-clock time of the split CLI, reading and writing included. */
  ms: number;
  /** CPU time (user + system) it took, which a busy machine inflates less than the wall clock. */
  cpuMs: number;
  /** Peak resident memory of the process that ran it. */
  peakRssBytes: number;
}

/** Derives a compendium of at least `megabytes` MB and splits it with the CLI in a child process. */
export function benchSplitSize(megabytes = 50): SplitSizeResult {
  const source = readFileSync(SOURCE, 'utf8');
  const perReport = Buffer.byteLength(deriveCompendium(source, 24)) / 24;
  const reports = Math.ceil((megabytes * 1024 * 1024) / perReport);
  const scratch = mkdtempSync(join(tmpdir(), 'xinfeng-split-size-'));
  try {
    const input = join(scratch, 'large.txt');
    const text = deriveCompendium(source, reports);
    writeFileSync(input, text);
    const report = join(scratch, 'measured.json');
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        input,
        join(scratch, 'out'),
        report,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const measured = JSON.parse(readFileSync(report, 'utf8')) as {
      ms: number;
      cpuMs: number;
      maxRssKb: number;
    };
    return {
      bytes: Buffer.byteLength(text),
      reports,
      ms: measured.ms,
      cpuMs: measured.cpuMs,
      peakRssBytes: measured.maxRssKb * 1024,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** In the child: runs the split CLI on `input` into `out` and writes its time and peak memory to `report`. */
async function runChild(input: string, out: string, report: string): Promise<void> {
  const { main } = await import('./split.ts');
  const log = console.log;
  console.log = () => {};
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await main([input, '--out', out]);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log = log;
  if (code !== 0) throw new Error(`the split of the large input exited ${code}`);
  // maxRSS is in kilobytes, for this process since it started.
  writeFileSync(
    report,
    JSON.stringify({
      ms,
      cpuMs: (used.user + used.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}

/** One line for the benchmark's output. */
export function describeSplitSize(result: SplitSizeResult): string {
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  return `split of a ${mb(result.bytes)} compendium (${result.reports} reports): ${seconds(result.ms)} (CPU ${seconds(result.cpuMs)}), peak memory ${mb(result.peakRssBytes)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const [input, out, report] = process.argv.slice(child + 1);
    await runChild(input ?? '', out ?? '', report ?? '');
  } else {
    const index = process.argv.indexOf('--mb');
    console.log(
      describeSplitSize(benchSplitSize(index >= 0 ? Number(process.argv[index + 1]) : 50)),
    );
  }
}
