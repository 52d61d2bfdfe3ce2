/**
 * The old-engine floor: Chromium 86, the oldest Chromium the offices run, from the npm package
 * chrome-aws-lambda@5.3.1, which ships it as one brotli-compressed binary (`bin/chromium.br`).
 * The package itself inflates it with `lambdafs` into /tmp and, on AWS Lambda only, also unpacks
 * `aws.tar.br` (Amazon Linux's NSS and font libraries) and `swiftshader.tar.br` (a software GL).
 * Here the binary alone is enough: Debian's chromium package brings the shared libraries it links
 * against, and `--disable-gpu` leaves GL unused. Node's own zlib does the brotli part.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chmod, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Folder of the installed chrome-aws-lambda package and its version. */
function lambdaPackage(): { folder: string; version: string } {
  const manifest = require.resolve('chrome-aws-lambda/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { folder: dirname(manifest), version };
}

/** Where the inflated binary of one package version lives (kept between runs, like any cache). */
export function chromium86Path(): string {
  const { version } = lambdaPackage();
  return join('node_modules', '.cache', `chrome-aws-lambda-${version}`, 'chromium');
}

/**
 * Inflates `bin/chromium.br` into the cache once and returns the executable's path. Writes to a
 * file of its own first and renames it, so an interrupted run never leaves half a binary behind.
 */
export async function ensureChromium86(): Promise<string> {
  const target = chromium86Path();
  if (existsSync(target)) return target;
  const source = join(lambdaPackage().folder, 'bin', 'chromium.br');
  if (!existsSync(source))
    throw new Error(`${source}: missing; expected the Chromium binary of chrome-aws-lambda`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(partial));
    await chmod(partial, 0o755);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return target;
}
