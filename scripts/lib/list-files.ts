/** Lists the regular files under a folder, the one walker of the build's output for stages, benchmarks and tests. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every regular file under `root`, as a path relative to it with `/` separators, sorted by code unit. */
export function listFilesUnder(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}
