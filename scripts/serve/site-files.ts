/**
 * The files the server may send and their representations (identity, br, gzip), kept in memory.
 *
 * - Only files whose real path lies inside the root are found: a symlink out of `dist/` is a 404.
 * - A compressed representation is the precompressed sibling (`x.html.br`) when one exists, is a
 *   regular file and is not older than the original (a stale sibling from an earlier build would
 *   otherwise win); else the file is compressed once, off the main thread, with the build's own
 *   settings, and the result is kept.
 * - Every representation is checked against the file's current `stat` on each request, so a
 *   rebuild while the server runs is served at once; bodies are cached up to a byte limit (least
 *   recently used first out).
 * - Entity tags hash the bytes sent, so a rebuild that writes identical files (the build is
 *   deterministic) keeps every client's cached copy valid.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import {
  SIBLING_SUFFIX,
  compressContent,
  compressionPays,
  isWorthCompressing,
  type Encoding,
} from '../compress/encodings.ts';

/** A regular file inside the root, as `stat` saw it on this request. */
export interface FoundFile {
  /** Real path (symlinks resolved), inside the root. */
  path: string;
  size: number;
  modifiedMs: number;
  /** Changes whenever the file does (inode, size, times). */
  signature: string;
}

export type Lookup =
  { kind: 'file'; file: FoundFile } | { kind: 'directory' } | { kind: 'missing' };

/** One representation of a file, ready to send. */
export interface Representation {
  encoding: Encoding | 'identity';
  body: Buffer;
  /** Strong entity tag with its quotes; differs per encoding. */
  etag: string;
  /** The original file's modification time, sent as Last-Modified whatever the encoding. */
  modifiedMs: number;
}

interface CacheEntry {
  signature: string;
  value: Promise<Representation | null>;
  bytes: number;
}

const TAG_SUFFIX: Record<Encoding | 'identity', string> = { identity: '', br: '-br', gzip: '-gz' };

/** Returns the strong entity tag of a body sent with `encoding`. */
export function entityTag(body: Uint8Array, encoding: Encoding | 'identity'): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return `"${hash}${TAG_SUFFIX[encoding]}"`;
}

function signatureOf(stats: { ino: number; size: number; mtimeMs: number; ctimeMs: number }) {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** True for the errors that mean "no such file here" rather than a failing disk. */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP';
}

/** The site's files under one root, with a bounded in-memory cache of their representations. */
export class SiteFiles {
  readonly #root: string;
  #realRoot: string | undefined;
  readonly #cache = new Map<string, CacheEntry>();
  /** Requested path → its real path, while the file's signature holds (one entry per file found). */
  readonly #realPaths = new Map<string, { path: string; signature: string; inside: boolean }>();
  readonly #cacheLimit: number;
  #cachedBytes = 0;

  /** `cacheBytes` bounds the bodies kept in memory (64 MiB by default; the site is ~2 MB). */
  constructor(root: string, cacheBytes = 64 * 1024 * 1024) {
    this.#root = root;
    this.#cacheLimit = cacheBytes;
  }

  async #rootPath(): Promise<string> {
    // Resolved on first use, so a server may start before its root is built.
    this.#realRoot ??= await realpath(this.#root);
    return this.#realRoot;
  }

  /** Looks up an absolute path under the root: a file, a directory, or missing (also when outside). */
  async find(path: string): Promise<Lookup> {
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      if (isMissing(error)) return { kind: 'missing' };
      throw error;
    }
    if (!stats.isFile() && !stats.isDirectory()) return { kind: 'missing' };
    const signature = signatureOf(stats);
    // The real path is resolved again whenever what `path` leads to changes (another inode, new
    // times): a symlink swapped to another target changes it. One system call fewer per request.
    let real = stats.isFile() ? this.#realPaths.get(path) : undefined;
    if (real?.signature !== signature) {
      let resolved: string;
      let root: string;
      try {
        [resolved, root] = await Promise.all([realpath(path), this.#rootPath()]);
      } catch (error) {
        if (isMissing(error)) return { kind: 'missing' };
        throw error;
      }
      real = {
        path: resolved,
        signature,
        inside: resolved === root || resolved.startsWith(root + sep),
      };
      if (stats.isFile()) this.#realPaths.set(path, real);
    }
    if (!real.inside) return { kind: 'missing' };
    if (stats.isDirectory()) return { kind: 'directory' };
    return {
      kind: 'file',
      file: { path: real.path, size: stats.size, modifiedMs: stats.mtimeMs, signature },
    };
  }

  /**
   * Returns the file as `encoding`, or null when it has no such representation: not a
   * compressible file, too small, already compressed, or compression would not pay.
   */
  async representation(
    file: FoundFile,
    encoding: Encoding | 'identity',
  ): Promise<Representation | null> {
    if (encoding === 'identity') {
      return this.#cached(`identity:${file.path}`, file.signature, async () => {
        const body = await readFile(file.path);
        return { encoding, body, etag: entityTag(body, encoding), modifiedMs: file.modifiedMs };
      });
    }
    const siblingPath = file.path + SIBLING_SUFFIX[encoding];
    const sibling = await lstat(siblingPath).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    // lstat, not stat: a sibling that is a symlink could point anywhere, so it is not used.
    if (sibling?.isFile() && sibling.mtimeMs >= file.modifiedMs) {
      return this.#cached(`sibling:${siblingPath}`, signatureOf(sibling), async () => {
        const body = await readFile(siblingPath);
        return { encoding, body, etag: entityTag(body, encoding), modifiedMs: file.modifiedMs };
      });
    }
    return this.#cached(`${encoding}:${file.path}`, file.signature, async () => {
      const original = await this.representation(file, 'identity');
      if (!original || !isWorthCompressing(file.path, original.body)) return null;
      const body = await compressContent(encoding, file.path, original.body);
      if (!compressionPays(original.body.length, body.length)) return null;
      return { encoding, body, etag: entityTag(body, encoding), modifiedMs: file.modifiedMs };
    });
  }

  /** Returns the cached value for `key` while `signature` holds, else computes and keeps it. */
  #cached(
    key: string,
    signature: string,
    compute: () => Promise<Representation | null>,
  ): Promise<Representation | null> {
    const hit = this.#cache.get(key);
    if (hit && hit.signature === signature) {
      // Re-inserted, so the Map's order runs from least to most recently used.
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit.value;
    }
    if (hit) this.#forget(key, hit);
    const entry: CacheEntry = { signature, value: compute(), bytes: 0 };
    this.#cache.set(key, entry);
    entry.value.then(
      (representation) => {
        if (this.#cache.get(key) !== entry) return;
        entry.bytes = representation?.body.length ?? 0;
        this.#cachedBytes += entry.bytes;
        this.#evict();
      },
      // A failed read is not kept: the next request tries again.
      () => {
        if (this.#cache.get(key) === entry) this.#cache.delete(key);
      },
    );
    return entry.value;
  }

  #forget(key: string, entry: CacheEntry): void {
    this.#cache.delete(key);
    this.#cachedBytes -= entry.bytes;
  }

  /** Drops the least recently used entries until the bodies fit the limit. */
  #evict(): void {
    for (const [key, entry] of this.#cache) {
      if (this.#cachedBytes <= this.#cacheLimit) return;
      this.#forget(key, entry);
    }
  }
}
