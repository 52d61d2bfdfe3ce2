/**
 * The site's link checker: every URL an HTML page of a build makes the browser navigate to or
 * fetch stays on the site, under the base path, names a file that exists and, with a fragment, an
 * element of that page. Used by the build test (the real build) and the sub-path test (a build for
 * `/xinfeng/`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { resolveRequestPath } from '../serve.ts';
import { listHtmlFiles, urlPathOfHtmlFile } from './page-weight.ts';

const ORIGIN = 'http://site.invalid';
/** Attributes that make the browser navigate or fetch. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  form: ['action'],
  source: ['src'],
};

interface ParsedPage {
  ids: Set<string>;
  urls: string[];
}

function parsePage(html: string): ParsedPage {
  const ids = new Set<string>();
  const urls: string[] = [];
  visit(fromHtml(html), 'element', (element: Element) => {
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
    for (const attribute of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = element.properties[attribute];
      if (typeof value === 'string') urls.push(value);
    }
  });
  return { ids, urls };
}

/** Lists every broken URL of every page of `outDir` built for `base`, as `file: url → problem`. */
export function findBrokenLinks(outDir: string, base: string): string[] {
  const files = listHtmlFiles(outDir);
  const parsed = new Map(
    files.map((file) => [file, parsePage(readFileSync(join(outDir, file), 'utf8'))]),
  );
  const idsOf = (file: string): Set<string> => {
    if (!parsed.has(file)) parsed.set(file, parsePage(readFileSync(file, 'utf8')));
    return (parsed.get(file) as ParsedPage).ids;
  };
  const broken: string[] = [];
  for (const file of files) {
    const pageUrl = new URL(urlPathOfHtmlFile(file, base), ORIGIN);
    for (const raw of (parsed.get(file) as ParsedPage).urls) {
      if (/^(mailto|tel|data):/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== ORIGIN) {
        broken.push(`${file}: ${raw} leaves the site`);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        broken.push(`${file}: ${raw} is outside ${base}`);
        continue;
      }
      const target = resolveRequestPath(outDir, base, url.pathname);
      if (!target || !existsSync(target) || !statSync(target).isFile()) {
        broken.push(`${file}: ${raw} → no file`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html')) {
        const ids =
          url.pathname === pageUrl.pathname ? (parsed.get(file) as ParsedPage).ids : idsOf(target);
        if (!ids.has(fragment)) broken.push(`${file}: ${raw} → no element with id "${fragment}"`);
      }
    }
  }
  return broken;
}
