/**
 * A small built-site stand-in in a temporary folder, for testing the server without building the
 * real site: pages big enough to compress, a hashed asset, a file too small to compress, a
 * Pagefind-like fragment that is gzip data already, a 404 page, and — beside the root — a secret
 * that symlinks inside the root point at.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The fixture's folders and what its files hold. */
export interface SiteFixture {
  /** The served root (the stand-in for `dist/`). */
  root: string;
  /** A folder beside the root, never to be served. */
  outside: string;
  /** The text of `outside/secret.txt`, which no response may contain. */
  secret: string;
  /** Content of each file under the root, by path relative to it. */
  files: Record<string, Buffer>;
  remove(): void;
}

/** Text of `bytes` length or more that compresses well, as pages do. */
function page(title: string, bytes = 4000): string {
  const paragraph = `<p>${title}：推进基层治理现代化，服务群众“最后一公里”。</p>\n`;
  return `<!doctype html><title>${title}</title>\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`;
}

/** Creates the fixture; call `remove()` when done. */
export function createSiteFixture(): SiteFixture {
  const folder = mkdtempSync(join(tmpdir(), 'xinfeng-serve-'));
  const root = join(folder, 'dist');
  const outside = join(folder, 'outside');
  const secret = 'SECRET-OUTSIDE-THE-ROOT';
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(page('首页')),
    'reports/01/index.html': Buffer.from(page('报告一', 9000)),
    '404.html': Buffer.from(page('未找到', 600)),
    '_astro/app.B1x2.js': Buffer.from(`export const x = ${JSON.stringify('社区'.repeat(300))};\n`),
    'styles/site.css': Buffer.from(`body { color: #222; }\n`.repeat(40)),
    'favicon.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    'pagefind/fragment/zh_1.pf_fragment': gzipSync(
      Buffer.from('{"url":"/reports/01/"}'.repeat(30)),
    ),
    'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), secret);
  writeFileSync(join(outside, 'index.html'), secret);
  symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync(outside, join(root, 'escape-dir'), 'dir');
  return {
    root,
    outside,
    secret,
    files,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
