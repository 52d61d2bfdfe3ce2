/**
 * What a first visit to a built page costs, computed from `dist/` alone: the HTML, the stylesheets
 * and scripts it references, and every module those scripts import statically — the files a
 * browser fetches before anyone opens search (search code is loaded by dynamic `import()`, which is
 * deliberately not followed). Sizes are gzip level 9, the level `scripts/serve.ts` serves, so the
 * byte budgets in `tests/site/budgets.test.ts` and the benchmark agree with what is transferred.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { init as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { resolveRequestPath } from '../serve.ts';
import { normaliseBase } from '../../src/lib/urls.ts';
import { listFilesUnder } from './list-files.ts';

/** The three kinds of resource a first visit is budgeted by. */
export type ResourceKind = 'html' | 'css' | 'js';

/** One file fetched on first visit. */
export interface PageResource {
  kind: ResourceKind;
  /** Path as the browser requests it, including the base, e.g. `/xinfeng/_astro/app.Bx1.js`. */
  urlPath: string;
  /** Raw size in bytes. */
  bytes: number;
  /** Size after gzip -9, as served. */
  gzipBytes: number;
}

/** Everything a page loads before search is opened, with gzipped totals per kind. */
export interface PageWeight {
  /** Page path including the base, e.g. `/reports/05/`. */
  urlPath: string;
  resources: PageResource[];
  gzip: Record<ResourceKind, number>;
  /** HTML + CSS + JS, gzipped. */
  gzipTotal: number;
  /** Number of files fetched (one request each). */
  requests: number;
}

/** URLs a page's markup makes the browser fetch as stylesheets and scripts before any interaction. */
export interface InitialReferences {
  stylesheets: string[];
  scripts: string[];
}

/** Returns the gzip -9 size of a buffer or string, the compression `scripts/serve.ts` applies. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 }).length;
}

function classList(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function relList(element: Element): string[] {
  const value = element.properties.rel;
  return Array.isArray(value) ? value.map((item) => item.toLowerCase()) : [];
}

/**
 * Lists the stylesheets (`<link rel=stylesheet>`) and scripts (`<script src>` of any type and
 * `<link rel=modulepreload>`) a page's HTML references, resolved against the page URL; order
 * follows the document and duplicates are dropped.
 */
export function findInitialReferences(html: string, pageUrl: URL): InitialReferences {
  const tree = fromHtml(html);
  const stylesheets = new Set<string>();
  const scripts = new Set<string>();
  visit(tree, 'element', (element: Element) => {
    const rel = relList(element);
    if (element.tagName === 'link' && typeof element.properties.href === 'string') {
      const href = new URL(element.properties.href, pageUrl).href;
      if (rel.includes('stylesheet')) stylesheets.add(href);
      if (rel.includes('modulepreload')) scripts.add(href);
    }
    if (element.tagName === 'script' && typeof element.properties.src === 'string') {
      scripts.add(new URL(element.properties.src, pageUrl).href);
    }
  });
  return { stylesheets: [...stylesheets], scripts: [...scripts] };
}

/**
 * Lists the modules a JavaScript module imports statically (`import … from`, `import '…'`,
 * `export … from`), resolved against its URL; dynamic `import()` is left out on purpose because
 * it is how lazily loaded code (search) stays out of the first visit.
 */
export async function findStaticImports(code: string, moduleUrl: URL): Promise<string[]> {
  await initModuleLexer;
  const [imports] = parseModule(code);
  return imports
    .filter((entry) => entry.d === -1 && typeof entry.n === 'string')
    .map((entry) => new URL(entry.n as string, moduleUrl).href);
}

/**
 * Measures a built page: reads its HTML from `distDir`, follows its stylesheets, scripts and their
 * static imports, and sums the gzipped sizes. Throws when a referenced same-origin file is missing,
 * because a budget computed over a broken page would be meaningless.
 */
export async function measurePageWeight(
  distDir: string,
  base: string,
  pagePath: string,
): Promise<PageWeight> {
  const origin = 'http://site.invalid';
  const normalisedBase = normaliseBase(base);
  const readSite = (urlPath: string): Buffer => {
    const file = resolveRequestPath(distDir, normalisedBase, urlPath);
    if (!file) throw new Error(`${urlPath} lies outside the base path ${normalisedBase}`);
    return readFileSync(file);
  };
  const resources: PageResource[] = [];
  const add = (kind: ResourceKind, urlPath: string, body: Buffer): void => {
    resources.push({ kind, urlPath, bytes: body.length, gzipBytes: gzipSize(body) });
  };

  const pageUrl = new URL(pagePath, origin);
  const html = readSite(pageUrl.pathname);
  add('html', pageUrl.pathname, html);
  const references = findInitialReferences(html.toString('utf8'), pageUrl);
  const foreign = [...references.stylesheets, ...references.scripts].filter(
    (href) => new URL(href).origin !== origin,
  );
  if (foreign.length > 0)
    throw new Error(`${pagePath} references other origins: ${foreign.join(', ')}`);

  for (const href of references.stylesheets)
    add('css', new URL(href).pathname, readSite(new URL(href).pathname));
  const queue = [...references.scripts];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const href = queue.shift() as string;
    const url = new URL(href);
    if (seen.has(url.pathname) || url.origin !== origin) continue;
    seen.add(url.pathname);
    const body = readSite(url.pathname);
    add('js', url.pathname, body);
    queue.push(...(await findStaticImports(body.toString('utf8'), url)));
  }

  const gzip: Record<ResourceKind, number> = { html: 0, css: 0, js: 0 };
  for (const resource of resources) gzip[resource.kind] += resource.gzipBytes;
  return {
    urlPath: pageUrl.pathname,
    resources,
    gzip,
    gzipTotal: gzip.html + gzip.css + gzip.js,
    requests: resources.length,
  };
}

/**
 * Returns the plain text of a report page's body (`.report-body`), one line per block, which is
 * what the reader came for; the budget charges the page only for what it adds on top of it.
 */
export function extractReportText(html: string): string {
  const tree: Root = fromHtml(html);
  let text = '';
  visit(tree, 'element', (element: Element) => {
    if (text === '' && classList(element).includes('report-body')) text = hastToString(element);
  });
  return text.replace(/\s*\n\s*/g, '\n').trim();
}

/** Lists every `.html` file under `distDir` as a sorted path relative to it, with `/` separators. */
export function listHtmlFiles(distDir: string): string[] {
  return listFilesUnder(distDir).filter((file) => file.endsWith('.html'));
}

/** Maps a dist-relative HTML file to the URL path a browser uses for it (`reports/05/index.html` → `/reports/05/`). */
export function urlPathOfHtmlFile(file: string, base: string): string {
  return normaliseBase(base) + file.replace(/(^|\/)index\.html$/, '$1');
}
