/**
 * CLI entry of the split (`npm run split`): the only module of the pipeline that touches the
 * disk. Reads content/source/*.txt, writes content/reports/NN.md and content/publication.json
 * through a temporary folder that is swapped in whole, so a failed run leaves both untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SplitMessage } from './split/errors.ts';
import { splitCompendiumBytes, type SplitSuccess } from './split/split-compendium.ts';
import { formatSummary } from './split/summary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'content', 'source');

/**
 * Runs the split and returns the process exit code. Arguments: an optional source file
 * (default: the one .txt in content/source/) and `--out DIR` (default: content/), the folder
 * that receives `reports/` and `publication.json` — tests point it at a temporary folder.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outDir = path.resolve(
    outIndex >= 0 ? (argv[outIndex + 1] ?? '.') : path.join(root, 'content'),
  );
  const positional = argv.filter((_, index) => index !== outIndex && index !== outIndex + 1);
  const sourceFile = positional[0] ? path.resolve(positional[0]) : await findSource();
  const bytes = new Uint8Array(await readFile(sourceFile));
  const result = splitCompendiumBytes(bytes, path.basename(sourceFile));
  if (!result.ok) {
    printMessages('warning', result.warnings);
    printMessages('error', result.errors);
    console.error(
      `split: ${result.errors.length} problem(s); ${path.relative(root, outDir) || '.'}/reports/ left as it was.`,
    );
    return 1;
  }
  // Other builds may be reading (or splitting into) the same folder; an unchanged output is left alone.
  const upToDate = await isUpToDate(result, outDir);
  if (!upToDate) await writeOutput(result, outDir);
  console.log(formatSummary(result.reports));
  if (result.warnings.length > 0)
    console.log(`\n${result.warnings.map((warning) => `warning: ${warning.message}`).join('\n')}`);
  const action = upToDate ? 'already up to date' : 'written';
  console.log(
    `\n${result.reports.length} reports ${action}, ${result.repairs.length} breaks repaired, ${result.warnings.length} warning(s).`,
  );
  return 0;
}

/** The single .txt file in content/source/. */
export async function findSource(): Promise<string> {
  const files = (await readdir(sourceDir)).filter((file) => file.endsWith('.txt')).sort();
  if (files.length !== 1)
    throw new Error(`expected one .txt file in content/source/, found ${files.length}`);
  return path.join(sourceDir, files[0] as string);
}

/** Whether the output folder already holds exactly these files with exactly this content. */
async function isUpToDate(result: SplitSuccess, contentDir: string): Promise<boolean> {
  const reportsDir = path.join(contentDir, 'reports');
  if (!existsSync(reportsDir) || !existsSync(path.join(contentDir, 'publication.json')))
    return false;
  const names = (await readdir(reportsDir)).sort();
  if (names.join('\n') !== result.reports.map((report) => report.fileName).join('\n')) return false;
  for (const report of result.reports) {
    if ((await readFile(path.join(reportsDir, report.fileName), 'utf8')) !== report.markdown)
      return false;
  }
  return (
    (await readFile(path.join(contentDir, 'publication.json'), 'utf8')) === result.publicationJson
  );
}

/** Writes every file into a sibling temporary folder, then swaps it in with renames (restoring the old folder if the swap fails). */
async function writeOutput(result: SplitSuccess, contentDir: string): Promise<void> {
  const reportsDir = path.join(contentDir, 'reports');
  const publicationFile = path.join(contentDir, 'publication.json');
  await mkdir(contentDir, { recursive: true });
  const staging = await mkdtemp(path.join(contentDir, '.reports-new-'));
  const retired = staging.replace('.reports-new-', '.reports-old-');
  const publicationTemp = path.join(contentDir, `.publication-${process.pid}.json`);
  let swapped = false;
  try {
    for (const { fileName, markdown } of result.reports)
      await writeFile(path.join(staging, fileName), markdown);
    await writeFile(publicationTemp, result.publicationJson);
    if (existsSync(reportsDir)) await rename(reportsDir, retired);
    await rename(staging, reportsDir);
    swapped = true;
    await rename(publicationTemp, publicationFile);
  } catch (error) {
    // Put the previous reports back, so a failed write never leaves the folder missing.
    if (!swapped && existsSync(retired) && !existsSync(reportsDir))
      await rename(retired, reportsDir);
    await rm(publicationTemp, { force: true });
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(retired, { recursive: true, force: true });
  }
}

function printMessages(level: 'error' | 'warning', messages: readonly SplitMessage[]): void {
  for (const message of messages)
    console.error(`${level === 'warning' ? 'warning: ' : ''}${message.message}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Bad input is reported above as located problems; only an unexpected failure (disk, bug) lands here.
      console.error(`split: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
