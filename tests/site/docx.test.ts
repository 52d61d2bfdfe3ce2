/**
 * The built site carries the Word downloads: every report's file beside its page and the edition
 * under downloads/, byte for byte what the generator makes from content/ now, linked as plain
 * download links (no script) from each report's citation block and from the home page's contents.
 * What the files read as is checked in Node (tests/unit/docx-documents.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDocxFiles, type DocxFile } from '../../scripts/docx/build-docx.ts';
import { readEdition } from '../../scripts/docx/read-edition.ts';
import { mimeTypeOf, resolveRequestPath } from '../../scripts/serve.ts';
import { normaliseBase } from '../../src/lib/urls.ts';
import {
  editionDocxFileName,
  editionDocxPath,
  reportDocxFileName,
  reportDocxPath,
} from '../../src/lib/downloads.ts';
import { editionsFolder } from '../../src/lib/content-location.ts';
import { REAL_EDITION, reportPage } from '../helpers/pages.ts';

const DIST = process.env.XINFENG_DIST ?? 'dist';
const BASE = normaliseBase(process.env.BASE_PATH ?? '/');
const edition = readEdition(join(editionsFolder('content'), REAL_EDITION));

/** The links to .docx files on a built page, with their download attribute and text. */
function docxLinks(file: string): { href: string; download: unknown; text: string }[] {
  const links: { href: string; download: unknown; text: string }[] = [];
  visit(fromHtml(readFileSync(join(DIST, file), 'utf8')), 'element', (element: Element) => {
    const href = element.properties.href;
    if (element.tagName === 'a' && typeof href === 'string' && href.endsWith('.docx'))
      links.push({ href, download: element.properties.download, text: hastToString(element) });
  });
  return links;
}

describe('Word downloads in dist/', () => {
  let generated: DocxFile[] = [];
  beforeAll(async () => {
    generated = await generateDocxFiles('content');
  });

  it('holds every generated file, byte for byte, as a zip package', () => {
    // Each report, the edition, and each report again at its first-scheme address.
    expect(generated.length).toBe(2 * edition.reports.length + 1);
    for (const file of generated) {
      const path = join(DIST, file.path);
      expect(existsSync(path), file.path).toBe(true);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 4).toString('latin1'), file.path).toBe('PK\u0003\u0004');
      expect(bytes.equals(Buffer.from(file.bytes)), `${file.path} is stale`).toBe(true);
    }
  });

  it('links each report’s Word file from its citation block, with a Chinese file name', () => {
    for (const { meta } of edition.reports) {
      const links = docxLinks(join(reportPage(meta.id), 'index.html'));
      expect(links, meta.id).toEqual([
        {
          href: reportDocxPath(BASE, edition.publication, meta.id),
          download: reportDocxFileName(meta),
          text: 'Word',
        },
      ]);
      const target = resolveRequestPath(DIST, BASE, links[0]!.href);
      expect(target && existsSync(target), links[0]!.href).toBe(true);
    }
  });

  it('links the whole edition from the home page', () => {
    const links = docxLinks('index.html');
    expect(links).toEqual([
      {
        href: editionDocxPath(BASE, edition.publication),
        download: editionDocxFileName(edition.publication),
        text: '下载全刊 Word 文档（含目录）',
      },
    ]);
    const target = resolveRequestPath(DIST, BASE, links[0]!.href);
    expect(target && existsSync(target)).toBe(true);
  });

  it('is served with the Word MIME type', () => {
    expect(mimeTypeOf(generated[0]!.path)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});
