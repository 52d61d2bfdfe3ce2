/**
 * Build integration over `dist/`: the reader's pages exist, every heading of the split Markdown
 * arrives as an h2/h3 with its place-based id, ids are unique, every internal link and fragment
 * resolves and no resource points to another origin (inline code is tests/site/csp.test.ts's, and
 * the requests pages really make are tests/site/self-contained.test.ts's).
 *
 * The expected heading ids are counted here independently of src/lib/ids.ts, so a numbering bug
 * there cannot hide behind the same bug in the test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { parseBlockId } from '../../src/lib/ids.ts';
import { findBrokenLinks } from '../../scripts/lib/link-check.ts';
import { readReportFiles, type ReportFile } from '../../scripts/lib/report-files.ts';
import { editionsFolder } from '../../src/lib/content-location.ts';
import {
  aboutPath,
  editionAboutPath,
  editionPath,
  legacyReportPath,
  normaliseBase,
  reportPath,
} from '../../src/lib/urls.ts';
import { REAL_EDITION, reportPage } from '../helpers/pages.ts';
import { listHtmlFiles, urlPathOfHtmlFile } from '../../scripts/lib/page-weight.ts';

const DIST = process.env.XINFENG_DIST ?? 'dist';
const BASE = normaliseBase(process.env.BASE_PATH ?? '/');

interface ParsedPage {
  file: string;
  urlPath: string;
  html: string;
  tree: Root;
  ids: string[];
}

const pages = new Map<string, ParsedPage>();

function elements(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

function classesOf(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The `##`/`###` headings of a report body with the place-based ids the reader gives them. */
function expectedHeadings(
  body: readonly RootContent[],
): { tag: string; id: string; text: string }[] {
  let section = 0;
  let subsection = 0;
  const headings: { tag: string; id: string; text: string }[] = [];
  for (const node of body) {
    if (node.type !== 'heading') continue;
    const text = mdastToString(node);
    if (node.depth === 2) {
      section += 1;
      subsection = 0;
      headings.push({ tag: 'h2', id: `s${section}`, text });
    } else {
      subsection += 1;
      headings.push({ tag: 'h3', id: `s${section}-${subsection}`, text });
    }
  }
  return headings;
}

/** Text of a heading without its permalink. */
function headingText(element: Element): string {
  const copy: Element = {
    ...element,
    children: element.children.filter(
      (child) => !(child.type === 'element' && classesOf(child).includes('permalink')),
    ),
  };
  return hastToString(copy).trim();
}

const reportFiles = new Map(
  readReportFiles(join(editionsFolder('content'), REAL_EDITION, 'reports')).map((file) => [
    file.record.id,
    file,
  ]),
);
const real = (id: string) => ({ edition: REAL_EDITION, id });

/** The pages a reader reads: all but the redirect pages at first-scheme addresses, which have no settings or styles. */
const readerPages = () =>
  [...pages.values()].filter((page) => !page.html.includes('<a id="moved"'));
const reportIds = [...reportFiles.keys()];
const reportFile = (id: string): ReportFile => {
  const file = reportFiles.get(id);
  if (!file) throw new Error(`no report ${id} in content/editions/${REAL_EDITION}/reports`);
  return file;
};

beforeAll(() => {
  for (const file of listHtmlFiles(DIST)) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const tree = fromHtml(html);
    const ids = elements(tree, (element) => typeof element.properties.id === 'string').map(
      (element) => String(element.properties.id),
    );
    const urlPath = urlPathOfHtmlFile(file, BASE);
    pages.set(urlPath, { file, urlPath, html, tree, ids });
  }
});

describe('pages', () => {
  it('builds the home, about and 404 pages and one page per report with its citation files', () => {
    expect(reportIds.length).toBeGreaterThanOrEqual(12);
    for (const path of ['index.html', 'about/index.html', '404.html'])
      expect(existsSync(join(DIST, path)), path).toBe(true);
    for (const path of [editionPath('/', REAL_EDITION), editionAboutPath('/', REAL_EDITION)])
      expect(existsSync(join(DIST, path, 'index.html')), path).toBe(true);
    for (const id of reportIds) {
      for (const name of ['index.html', 'cite.bib', 'cite.ris']) {
        expect(existsSync(join(DIST, reportPage(id), name)), `${reportPage(id)}${name}`).toBe(true);
      }
    }
  });

  it('keeps every first-scheme address: a redirect page per report and the same citation and Word files', () => {
    for (const id of reportIds) {
      const legacy = legacyReportPath('/', id).slice(1);
      const page = pages.get(legacyReportPath(BASE, id));
      expect(page, legacy).toBeDefined();
      const canonical = elements(
        page!.tree,
        (element) => element.tagName === 'link' && String(element.properties.rel) === 'canonical',
      )[0];
      expect(String(canonical?.properties.href), legacy).toMatch(
        new RegExp(`${reportPath(BASE, real(id))}$`),
      );
      expect(page!.html, legacy).toContain(
        `<noscript><meta http-equiv="refresh" content="0; url=${reportPath(BASE, real(id))}"></noscript>`,
      );
      for (const name of ['cite.bib', 'cite.ris', `xinfeng-2025-zengkan-${id}.docx`])
        expect(readFileSync(join(DIST, legacy, name)), `${legacy}${name}`).toEqual(
          readFileSync(join(DIST, reportPage(id), name)),
        );
    }
    const about = pages.get(aboutPath(BASE));
    expect(about?.html).toContain(`href="${editionAboutPath(BASE, REAL_EDITION)}"`);
  });

  it('links the home page to every report in printed order', () => {
    const home = pages.get(BASE);
    expect(home).toBeDefined();
    const links = elements(
      home!.tree,
      (element) => element.tagName === 'a' && classesOf(element).includes('contents-link'),
    );
    expect(links.map((link) => String(link.properties.href))).toEqual(
      reportIds.map((id) => reportPath(BASE, real(id))),
    );
  });

  it('says 页面未找到 on the 404 page and links back to the home page', () => {
    const notFound = readFileSync(join(DIST, '404.html'), 'utf8');
    expect(notFound).toContain('页面未找到');
    expect(notFound).toContain(`href="${BASE}"`);
  });

  it('declares lang="zh-CN", a viewport, a description and the CSP on every page', () => {
    for (const page of pages.values()) {
      const html = elements(page.tree, (element) => element.tagName === 'html')[0];
      expect(html?.properties.lang, page.file).toBe('zh-CN');
      const metas = elements(page.tree, (element) => element.tagName === 'meta');
      const named = (name: string) =>
        metas.find((meta) => meta.properties.name === name)?.properties.content;
      expect(named('viewport'), page.file).toBe('width=device-width, initial-scale=1');
      expect((named('description') ?? '').length, page.file).toBeGreaterThan(10);
      const csp = metas.find(
        (meta) => String(meta.properties.httpEquiv) === 'Content-Security-Policy',
      );
      expect(String(csp?.properties.content), page.file).toContain("script-src 'self'");
    }
  });
});

describe('report pages', () => {
  it('renders every heading of the Markdown as an h2/h3 with its id, in order', () => {
    for (const id of reportIds) {
      const page = pages.get(reportPath(BASE, real(id)));
      expect(page, id).toBeDefined();
      const body = elements(page!.tree, (element) => classesOf(element).includes('report-body'))[0];
      expect(body, id).toBeDefined();
      const rendered = elements(
        { type: 'root', children: [body!] },
        (element) => element.tagName === 'h2' || element.tagName === 'h3',
      ).map((element) => ({
        tag: element.tagName,
        id: String(element.properties.id),
        text: headingText(element),
      }));
      expect(rendered, id).toEqual(expectedHeadings(reportFile(id).body));
    }
  });

  it('gives every paragraph of the body a place-based id', () => {
    for (const id of reportIds) {
      const page = pages.get(reportPath(BASE, real(id)))!;
      const body = elements(page.tree, (element) => classesOf(element).includes('report-body'))[0]!;
      const paragraphs = elements(
        { type: 'root', children: [body] },
        (element) => element.tagName === 'p',
      );
      expect(paragraphs.length, id).toBeGreaterThan(5);
      for (const paragraph of paragraphs)
        expect(parseBlockId(String(paragraph.properties.id))?.kind, id).toBe('paragraph');
    }
  });

  it('lists every section in the navigation, links prev/next in order and offers both citations', () => {
    for (const [index, id] of reportIds.entries()) {
      const page = pages.get(reportPath(BASE, real(id)))!;
      const headingIds = expectedHeadings(reportFile(id).body).map((heading) => heading.id);
      const toc = elements(
        page.tree,
        (element) => element.tagName === 'nav' && classesOf(element).includes('toc'),
      )[0]!;
      const tocLinks = elements(
        { type: 'root', children: [toc] },
        (element) => element.tagName === 'a',
      ).map((a) => String(a.properties.href));
      expect(tocLinks, id).toEqual(headingIds.map((headingId) => `#${headingId}`));
      const rel = (value: string) =>
        elements(
          page.tree,
          (element) => element.tagName === 'a' && String(element.properties.rel) === value,
        )[0]?.properties.href;
      expect(rel('prev'), id).toBe(
        index > 0 ? reportPath(BASE, real(reportIds[index - 1]!)) : undefined,
      );
      expect(rel('next'), id).toBe(
        index < reportIds.length - 1 ? reportPath(BASE, real(reportIds[index + 1]!)) : undefined,
      );
      expect(page.ids, id).toEqual(
        expect.arrayContaining(['cite', 'cite-gbt2025', 'cite-gbt2015', 'main']),
      );
    }
  });
  it('sets apart the lead-in of every numbered paragraph of the Markdown', () => {
    for (const id of reportIds) {
      const numbered = reportFile(id).body.filter(
        (node) => node.type === 'paragraph' && /^\d+\. /.test(mdastToString(node)),
      ).length;
      const page = pages.get(reportPath(BASE, real(id)))!;
      const leads = elements(
        page.tree,
        (element) => element.tagName === 'strong' && classesOf(element).includes('lead'),
      );
      expect(leads.length, id).toBe(numbered);
    }
  });

  it('offers the citation files under a name that says which report they cite', () => {
    for (const id of reportIds) {
      const page = pages.get(reportPath(BASE, real(id)))!;
      const downloads = elements(
        page.tree,
        (element) =>
          element.tagName === 'a' && /\/cite\.(bib|ris)$/.test(String(element.properties.href)),
      ).map((element) => String(element.properties.download));
      const { title } = reportFile(id).record;
      expect(downloads, id).toEqual([`${id} ${title}.bib`, `${id} ${title}.ris`]);
    }
  });

  it('writes citation files that name the report, its pages and the journal', () => {
    for (const id of reportIds) {
      const { title, page } = reportFile(id).record;
      const bib = readFileSync(join(DIST, reportPage(id), 'cite.bib'), 'utf8');
      const ris = readFileSync(join(DIST, reportPage(id), 'cite.ris'), 'utf8');
      expect(bib, id).toMatch(new RegExp(`^@article\\{nanjingxinfeng-2025-zk-${id},`));
      expect(bib, id).toContain(title);
      expect(bib, id).toContain('journal  = {南京新风}');
      expect(ris.startsWith('TY  - JOUR\r\n'), id).toBe(true);
      expect(ris, id).toContain(`SP  - ${page}\r\n`);
      expect(ris.endsWith('ER  - \r\n'), id).toBe(true);
    }
  });
});

describe('links and ids', () => {
  it('has no duplicate id on any page', () => {
    for (const page of pages.values()) {
      const duplicates = page.ids.filter((id, index) => page.ids.indexOf(id) !== index);
      expect(duplicates, page.file).toEqual([]);
    }
  });

  it('resolves every internal link, asset and #fragment on every page under the base', () => {
    expect(findBrokenLinks(DIST, BASE)).toEqual([]);
  });
});

describe('self-contained and CSP-safe output', () => {
  it('points no resource URL at another origin', () => {
    const foreign: string[] = [];
    for (const page of pages.values()) {
      for (const element of elements(page.tree, (element) =>
        ['link', 'script', 'img', 'iframe', 'source', 'video', 'audio', 'object', 'embed'].includes(
          element.tagName,
        ),
      )) {
        const reference =
          element.properties.src ?? element.properties.href ?? element.properties.data;
        if (typeof reference === 'string' && /^(https?:)?\/\//i.test(reference))
          foreign.push(`${page.file}: ${reference}`);
      }
    }
    const assets = join(DIST, '_astro');
    for (const name of existsSync(assets) ? readdirSync(assets) : []) {
      if (!name.endsWith('.css')) continue;
      for (const match of readFileSync(join(assets, name), 'utf8').matchAll(
        /url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/gi,
      )) {
        foreign.push(`_astro/${name}: ${match[1]}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('ships no Vite preload helper: lazy chunks are plain import() (scripts/lib/vite-lean-preload.ts)', () => {
    const scripts = readdirSync(join(DIST, '_astro')).filter((name) => name.endsWith('.js'));
    expect(scripts.filter((name) => name.startsWith('preload-helper'))).toEqual([]);
    for (const name of scripts) {
      const code = readFileSync(join(DIST, '_astro', name), 'utf8');
      // Markers of Vite's own helper: it injects modulepreload links and dispatches this event.
      expect(code, name).not.toContain('modulepreload');
      expect(code, name).not.toContain('vite:preloadError');
    }
  });

  it('ships boot.js as one small classic script from src/scripts/boot.ts', () => {
    const boot = readFileSync(join(DIST, 'boot.js'), 'utf8');
    expect(boot).toContain('xf-font-size');
    expect(boot).not.toMatch(/\b(import|export)\b/);
    for (const page of readerPages()) {
      const head = elements(page.tree, (element) => element.tagName === 'head')[0];
      const first =
        head &&
        elements({ type: 'root', children: [head] }, (element) => element.tagName === 'script')[0];
      expect(first?.properties.src, page.file).toBe(`${BASE}boot.js`);
      expect(first?.properties.type, page.file).toBeUndefined();
    }
  });

  it('links the shared site stylesheet plus at most one page stylesheet, and a local favicon', () => {
    const sheetsByPage = readerPages().map((page) => {
      const links = elements(page.tree, (element) => element.tagName === 'link');
      expect(
        links.some(
          (link) =>
            String(link.properties.rel) === 'icon' &&
            String(link.properties.href) === `${BASE}favicon.svg`,
        ),
        page.file,
      ).toBe(true);
      return links
        .filter((link) => String(link.properties.rel) === 'stylesheet')
        .map((link) => String(link.properties.href));
    });
    for (const sheets of sheetsByPage) expect(sheets.length).toBeLessThanOrEqual(2);
    const shared = sheetsByPage.reduce((common, sheets) =>
      common.filter((href) => sheets.includes(href)),
    );
    expect(shared).toHaveLength(1);
  });
});
