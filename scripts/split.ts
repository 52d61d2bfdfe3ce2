/**
 * CLI entry of the split (`npm run split`): the only module of the pipeline that touches the
 * disk. Reads every content/source/*.txt (one compendium each: a 增刊 or a regular issue),
 * identifies each edition from its own masthead (scripts/split/edition.ts) and writes
 * content/editions/<edition>/reports/NN.md and publication.json through a temporary folder that is
 * swapped in whole, so a failed run — any file with any problem — leaves content/ untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITIONS_FOLDER } from '../src/lib/content-location.ts';
import { identifyEditions, type IdentifiedEdition, type SplitSource } from './split/edition.ts';
import type { SplitMessage } from './split/errors.ts';
import { splitCompendiumBytes } from './split/split-compendium.ts';
import { formatSummary } from './split/summary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'content', 'source');

/**
 * Runs the split and returns the process exit code. Arguments: source files (default: every .txt
 * in content/source/) and `--out DIR` (default: content/), the folder that receives
 * `editions/<edition>/` — tests point it at a temporary folder.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outDir = path.resolve(
    outIndex >= 0 ? (argv[outIndex + 1] ?? '.') : path.join(root, 'content'),
  );
  const positional = argv.filter((_, index) => index !== outIndex && index !== outIndex + 1);
  const sourceFiles =
    positional.length > 0 ? positional.map((file) => path.resolve(file)) : await findSources();
  const sources: SplitSource[] = [];
  const errors: SplitMessage[] = [];
  const warnings: SplitMessage[] = [];
  for (const sourceFile of sourceFiles) {
    const bytes = new Uint8Array(await readFile(sourceFile));
    const result = splitCompendiumBytes(bytes, path.basename(sourceFile));
    warnings.push(...result.warnings);
    if (!result.ok) errors.push(...result.errors);
    else
      sources.push({
        file: path.basename(sourceFile),
        text: new TextDecoder().decode(bytes),
        result,
      });
  }
  const identified = identifyEditions(sources);
  errors.push(...identified.errors);
  const where = `${path.relative(root, outDir) || '.'}/${EDITIONS_FOLDER}/`;
  if (errors.length > 0) {
    printMessages('warning', warnings);
    printMessages('error', errors);
    console.error(`split: ${errors.length} problem(s); ${where} left as it was.`);
    return 1;
  }
  const files = outputFiles(identified.editions);
  // Other builds may be reading (or splitting into) the same folder; an unchanged output is left alone.
  const upToDate = await isUpToDate(files, path.join(outDir, EDITIONS_FOLDER));
  if (!upToDate) await writeOutput(files, outDir);
  for (const edition of identified.editions) {
    const { result } = edition;
    console.log(`\n${edition.key} (${result.publication.issue}, ${edition.file}):`);
    console.log(formatSummary(result.reports));
  }
  if (warnings.length > 0)
    console.log(`\n${warnings.map((warning) => `warning: ${warning.message}`).join('\n')}`);
  const action = upToDate ? 'already up to date' : 'written';
  const reports = identified.editions.reduce((sum, e) => sum + e.result.reports.length, 0);
  const repairs = identified.editions.reduce((sum, e) => sum + e.result.repairs.length, 0);
  console.log(
    `\n${identified.editions.length} edition(s), ${reports} reports ${action} to ${where}, ${repairs} breaks repaired, ${warnings.length} warning(s).`,
  );
  return 0;
}

/** Every .txt file in content/source/, at least one. */
export async function findSources(): Promise<string[]> {
  const files = (await readdir(sourceDir)).filter((file) => file.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error('expected .txt files in content/source/, found none');
  return files.map((file) => path.join(sourceDir, file));
}

/** The output as paths relative to the editions folder (`2025-zk/reports/05.md`) and their text. */
function outputFiles(editions: readonly IdentifiedEdition[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const { key, result } of editions) {
    for (const report of result.reports)
      files.set(`${key}/reports/${report.fileName}`, report.markdown);
    files.set(`${key}/publication.json`, result.publicationJson);
  }
  return files;
}

/** Lists the files under `folder` as `/`-separated relative paths. */
async function listTree(folder: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory())
      names.push(...(await listTree(path.join(folder, entry.name), `${relative}/`)));
    else names.push(relative);
  }
  return names;
}

/** Whether the editions folder already holds exactly these files with exactly this content. */
async function isUpToDate(files: Map<string, string>, editionsDir: string): Promise<boolean> {
  if (!existsSync(editionsDir)) return false;
  const names = (await listTree(editionsDir)).sort();
  if (names.join('\n') !== [...files.keys()].sort().join('\n')) return false;
  for (const [name, text] of files) {
    if ((await readFile(path.join(editionsDir, name), 'utf8')) !== text) return false;
  }
  return true;
}

/** Writes every file into a sibling temporary folder, then swaps it in with renames (restoring the old folder if the swap fails). */
async function writeOutput(files: Map<string, string>, contentDir: string): Promise<void> {
  const editionsDir = path.join(contentDir, EDITIONS_FOLDER);
  await mkdir(contentDir, { recursive: true });
  const staging = await mkdtemp(path.join(contentDir, '.editions-new-'));
  const retired = staging.replace('.editions-new-', '.editions-old-');
  let swapped = false;
  try {
    for (const [name, text] of files) {
      await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
      await writeFile(path.join(staging, name), text);
    }
    if (existsSync(editionsDir)) await rename(editionsDir, retired);
    await rename(staging, editionsDir);
    swapped = true;
  } catch (error) {
    // Put the previous editions back, so a failed write never leaves the folder missing.
    if (!swapped && existsSync(retired) && !existsSync(editionsDir))
      await rename(retired, editionsDir);
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
