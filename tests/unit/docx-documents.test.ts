/**
 * The Word files, generated from content/ as the build does, read back with real readers:
 * mammoth (as Word users' text) must give exactly the source blocks in order, and the package's
 * XML, read with JSZip and parsed as XML, must carry the GB/T 9704 layout the README promises.
 *
 * The expected text is derived here from the Markdown with remark and the frontmatter with yaml,
 * not through scripts/docx/read-edition.ts, so a block the reader drops cannot hide behind the
 * same loss in the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Element as HastElement } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { formatGbt2025 } from '../../src/lib/citation.ts';
import { buildCitationSource } from '../../src/lib/report-citation.ts';
import { distFileOf, editionDocxPath, reportDocxPath } from '../../src/lib/downloads.ts';
import { legacyReportFilePath, reportFilePath } from '../../src/lib/urls.ts';
import {
  buildDocxDownloads,
  generateDocxFiles,
  type DocxFile,
} from '../../scripts/docx/build-docx.ts';
import { packDocx } from '../../scripts/docx/package.ts';
import { readEdition } from '../../scripts/docx/read-edition.ts';
import {
  readPublicationFile,
  readReportFiles,
  type ReportFile,
} from '../../scripts/lib/report-files.ts';
import { editionDate, renderReportDocx, titleLines } from '../../scripts/docx/render.ts';

const CONTENT = 'content/editions/2025-zk';
const publication = readPublicationFile(CONTENT);

/** A report as the site's content reader gives it (frontmatter validated by the content schema). */
type SourceReport = ReportFile & { id: string; front: ReportFile['record'] };

/** One block as a reader shows it: its HTML tag and its text with whitespace collapsed. */
interface ReadBlock {
  tag: string;
  text: string;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

const sources: SourceReport[] = readReportFiles(join(CONTENT, 'reports')).map((file) => ({
  ...file,
  id: file.record.id,
  front: file.record,
}));

/** What a report must read as: title, subtitle, unit, writers, then every heading and paragraph. */
function expectedReportBlocks(source: SourceReport): ReadBlock[] {
  const { front } = source;
  const blocks: ReadBlock[] = [{ tag: 'h1', text: front.title }];
  if (front.subtitle) blocks.push({ tag: 'p', text: `——${front.subtitle}` });
  blocks.push({ tag: 'p', text: front.unit });
  if (front.authors.length > 0)
    blocks.push({ tag: 'p', text: `执笔人：${front.authors.join('、')}` });
  for (const node of source.body) {
    const tag =
      node.type === 'heading' ? `h${node.depth}` : node.type === 'paragraph' ? 'p' : node.type;
    blocks.push({ tag, text: normalise(mdastToString(node)) });
  }
  return blocks;
}

/** What mammoth made of a file: its top-level blocks as text, and as HTML elements. */
interface MammothReading {
  blocks: ReadBlock[];
  html: HastElement[];
}

const readings = new Map<Uint8Array, Promise<MammothReading>>();

/** Reads a file with mammoth once per test run (the edition takes a second), later calls share it. */
function readWithMammoth(bytes: Uint8Array): Promise<MammothReading> {
  let reading = readings.get(bytes);
  if (!reading) {
    reading = convertWithMammoth(bytes);
    readings.set(bytes, reading);
  }
  return reading;
}

/** Converts a .docx with mammoth and lists its top-level blocks; a line break reads as a space. */
async function convertWithMammoth(bytes: Uint8Array): Promise<MammothReading> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const tree = fromHtml(value, { fragment: true });
  visit(tree, 'element', (element, index, parent) => {
    if (element.tagName === 'br' && parent && index !== undefined)
      parent.children[index] = { type: 'text', value: ' ' };
  });
  const html = tree.children.filter((node): node is HastElement => node.type === 'element');
  return {
    blocks: html.map((element) => ({
      tag: element.tagName,
      text: normalise(hastToString(element)),
    })),
    html,
  };
}

/** The package's entries, unzipped with JSZip. */
async function openPackage(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function readXml(zip: JSZip, path: string): Promise<XmlRoot> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} missing from the package`);
  return fromXml(await file.async('string'));
}

/** Every element of an XML tree named `name`, in document order. */
function elementsNamed(tree: XmlRoot | XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  visit(tree, 'element', (element: XmlElement) => {
    if (element.name === name) found.push(element);
  });
  return found;
}

/** The first descendant element named `name`, or undefined. */
function first(tree: XmlRoot | XmlElement, name: string): XmlElement | undefined {
  return elementsNamed(tree, name)[0];
}

/** The concatenated `w:t` text of an XML tree. */
function textOf(tree: XmlRoot | XmlElement): string {
  return elementsNamed(tree, 'w:t')
    .map((t) => t.children.map((child) => ('value' in child ? child.value : '')).join(''))
    .join('');
}

/** The `w:style` with the given id from styles.xml. */
function styleById(styles: XmlRoot, id: string): XmlElement {
  const style = elementsNamed(styles, 'w:style').find(
    (element) => element.attributes['w:styleId'] === id,
  );
  if (!style) throw new Error(`style ${id} missing`);
  return style;
}

/** The edition as the Word stage reads it, for the few checks that feed it to the renderer directly. */
const edition = readEdition(CONTENT);
let files: DocxFile[] = [];
const fileOf = (path: string): Uint8Array => {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.bytes;
};
const reportFile = (id: string) => fileOf(distFileOf(reportDocxPath('/', publication, id)));
const editionFile = () => fileOf(distFileOf(editionDocxPath('/', publication)));

beforeAll(async () => {
  files = await generateDocxFiles('content');
});

describe('what a reader reads', () => {
  it('generates one file per report and one for the edition, and the same bytes at each first address', () => {
    const name = (id: string) => `xinfeng-2025-zengkan-${id}.docx`;
    expect(files.map((file) => file.path)).toEqual([
      ...sources.map((source) =>
        distFileOf(reportFilePath('/', { edition: '2025-zk', id: source.id }, name(source.id))),
      ),
      'downloads/xinfeng-2025-zengkan.docx',
      ...sources.map((source) => distFileOf(legacyReportFilePath('/', source.id, name(source.id)))),
    ]);
    for (const source of sources)
      expect(fileOf(`reports/${source.id}/${name(source.id)}`)).toEqual(reportFile(source.id));
  });

  test.each(sources.map((source) => [source.id, source] as const))(
    'report %s reads back as its title block and every heading and paragraph, in order',
    async (id, source) => {
      const { blocks } = await readWithMammoth(reportFile(id));
      expect(blocks).toEqual(expectedReportBlocks(source));
    },
  );

  it('sets the lead-in of every numbered point in bold, number included, as printed', async () => {
    for (const source of sources) {
      const { html } = await readWithMammoth(reportFile(source.id));
      const leads = html.flatMap((element) =>
        element.children.filter(
          (child): child is HastElement => child.type === 'element' && child.tagName === 'strong',
        ),
      );
      const numbered = source.body.filter(
        (node) => node.type === 'paragraph' && /^\d+\.\s/.test(mdastToString(node)),
      );
      expect(leads.length, source.id).toBe(numbered.length);
      for (const lead of leads)
        expect(hastToString(lead), source.id).toMatch(/^\d+\. .*[。！？；]$/);
    }
  });

  it('breaks a title too long for one line at its printed phrase space, and keeps a short one whole', () => {
    expect(titleLines('深化作风建设 破解基层治理“小马拉大车”问题研究')).toEqual([
      '深化作风建设',
      '破解基层治理“小马拉大车”问题研究',
    ]);
    expect(titleLines('深化“五个纪委”建设 带头打造廉洁机关')).toEqual([
      '深化“五个纪委”建设 带头打造廉洁机关',
    ]);
  });

  it('reads the edition as cover, contents and every report in printed order', async () => {
    const { blocks } = await readWithMammoth(editionFile());
    const cover = [
      publication.journal,
      publication.journalLatin,
      publication.motto,
      publication.issue,
      publication.collectionTitle,
      publication.host,
      publication.publisher,
      publication.printDate,
    ].map((text) => ({ tag: 'p', text: normalise(text) }));
    const contents = [
      { tag: 'p', text: '目录' },
      { tag: 'p', text: '（页码为印本页码，点击标题可跳转至正文）' },
      ...sources.flatMap(({ front }) => [
        {
          tag: 'p',
          text: normalise(
            `${front.title}${front.subtitle ? `——${front.subtitle}` : ''} ${front.page}`,
          ),
        },
        {
          tag: 'p',
          text:
            front.authors.length > 0
              ? `${front.unit} 执笔人：${front.authors.join('、')}`
              : front.unit,
        },
      ]),
    ];
    expect(blocks).toEqual([...cover, ...contents, ...sources.flatMap(expectedReportBlocks)]);
  });

  it('links every contents entry to the bookmark on its report’s title', async () => {
    const { html } = await readWithMammoth(editionFile());
    const links: string[] = [];
    const anchors: string[] = [];
    for (const element of html)
      visit(element, 'element', (node: HastElement) => {
        if (node.tagName !== 'a') return;
        if (typeof node.properties.href === 'string') links.push(node.properties.href);
        if (typeof node.properties.id === 'string' && element.tagName === 'h1')
          anchors.push(node.properties.id);
      });
    expect(links).toEqual(sources.map((source) => `#report_${source.id}`));
    expect(anchors).toEqual(sources.map((source) => `report_${source.id}`));
  });
});

describe('the GB/T 9704 layout in the XML', () => {
  let zip: JSZip;
  let styles: XmlRoot;
  let documentXml: XmlRoot;
  beforeAll(async () => {
    zip = await openPackage(reportFile('05'));
    styles = await readXml(zip, 'word/styles.xml');
    documentXml = await readXml(zip, 'word/document.xml');
  });

  const fontsOf = (style: XmlElement) => first(style, 'w:rFonts')?.attributes;

  it('sets the body in 3号 仿宋 with exact 28 pt lines, justified, indented two characters', () => {
    const normal = styleById(styles, 'Normal');
    expect(fontsOf(normal)?.['w:eastAsia']).toBe('仿宋_GB2312');
    expect(first(normal, 'w:sz')?.attributes['w:val']).toBe('32');
    expect(first(normal, 'w:spacing')?.attributes).toMatchObject({
      'w:line': '560',
      'w:lineRule': 'exact',
    });
    expect(first(normal, 'w:ind')?.attributes).toMatchObject({
      'w:firstLineChars': '200',
      'w:firstLine': '640',
    });
    expect(first(normal, 'w:jc')?.attributes['w:val']).toBe('both');
    const defaults = first(styles, 'w:docDefaults')!;
    expect(first(defaults, 'w:lang')?.attributes['w:eastAsia']).toBe('zh-CN');
  });

  it('sets the title in 2号 小标宋, 一、 headings in 黑体 and （一） headings in 楷体, as Word headings', () => {
    const title = styleById(styles, 'Heading1');
    expect(fontsOf(title)?.['w:eastAsia']).toBe('方正小标宋简体');
    expect(first(title, 'w:sz')?.attributes['w:val']).toBe('44');
    expect(first(title, 'w:jc')?.attributes['w:val']).toBe('center');
    const section = styleById(styles, 'Heading2');
    expect(fontsOf(section)?.['w:eastAsia']).toBe('黑体');
    expect(first(section, 'w:sz')?.attributes['w:val']).toBe('32');
    const subsection = styleById(styles, 'Heading3');
    expect(fontsOf(subsection)?.['w:eastAsia']).toBe('楷体_GB2312');
    expect(
      ['Heading1', 'Heading2', 'Heading3'].map(
        (id) => first(styleById(styles, id), 'w:outlineLvl')?.attributes['w:val'],
      ),
    ).toEqual(['0', '1', '2']);
    expect(first(styleById(styles, 'Heading2'), 'w:name')?.attributes['w:val']).toBe('heading 2');
  });

  it('declares the alternative names of every face in the font table, with the GB2312 character set', async () => {
    const table = await readXml(zip, 'word/fontTable.xml');
    const fonts = Object.fromEntries(
      elementsNamed(table, 'w:font').map((font) => [
        String(font.attributes['w:name']),
        [
          first(font, 'w:altName')?.attributes['w:val'],
          first(font, 'w:charset')?.attributes['w:val'],
        ],
      ]),
    );
    expect(fonts).toEqual({
      方正小标宋简体: ['华文中宋,宋体', '86'],
      黑体: ['SimHei', '86'],
      楷体_GB2312: ['楷体,KaiTi', '86'],
      仿宋_GB2312: ['仿宋,FangSong', '86'],
      宋体: ['SimSun', '86'],
    });
  });

  it('lays out A4 with the GB/T 9704 margins: 天头 37 mm, 订口 28 mm, a 156 × 225 mm type area', () => {
    const twipsToMm = (value: string | null | undefined) => (Number(value) / 1440) * 25.4;
    const size = first(documentXml, 'w:pgSz')!.attributes;
    const margin = first(documentXml, 'w:pgMar')!.attributes;
    const mm = {
      width: twipsToMm(size['w:w']),
      height: twipsToMm(size['w:h']),
      top: twipsToMm(margin['w:top']),
      bottom: twipsToMm(margin['w:bottom']),
      left: twipsToMm(margin['w:left']),
      right: twipsToMm(margin['w:right']),
    };
    const within = (value: number, expected: number) => Math.abs(value - expected) < 0.1;
    expect(within(mm.width, 210) && within(mm.height, 297), JSON.stringify(mm)).toBe(true);
    expect(within(mm.top, 37) && within(mm.left, 28), JSON.stringify(mm)).toBe(true);
    expect(within(mm.width - mm.left - mm.right, 156), JSON.stringify(mm)).toBe(true);
    expect(within(mm.height - mm.top - mm.bottom, 225), JSON.stringify(mm)).toBe(true);
  });

  it('heads every page with the journal and issue, and footers carry — page — and the citation', async () => {
    const rels = await readXml(zip, 'word/_rels/document.xml.rels');
    const target = Object.fromEntries(
      elementsNamed(rels, 'Relationship').map((rel) => [
        String(rel.attributes.Id),
        String(rel.attributes.Target),
      ]),
    );
    const part = async (reference: XmlElement) =>
      readXml(zip, `word/${target[String(reference.attributes['r:id'])]}`);
    const sectPr = first(documentXml, 'w:sectPr')!;
    const headers = elementsNamed(sectPr, 'w:headerReference');
    const footers = elementsNamed(sectPr, 'w:footerReference');
    expect(headers.map((header) => header.attributes['w:type']).sort()).toEqual([
      'default',
      'even',
    ]);
    for (const header of headers) expect(textOf(await part(header))).toBe('《南京新风》2025 增刊');
    const citation =
      '引用本文：任小艳, 刘玉东. 深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例[J]. 南京新风, 2025(增刊): 19-23.';
    const report05 = edition.reports.find((report) => report.meta.id === '05')!;
    expect(citation).toBe(
      `引用本文：${formatGbt2025(buildCitationSource(report05.meta, publication))}`,
    );
    const sides: Record<string, string> = {};
    for (const footer of footers) {
      const xml = await part(footer);
      const [number, cite] = elementsNamed(xml, 'w:p');
      expect(textOf(number!)).toBe('—  —');
      expect(
        elementsNamed(number!, 'w:instrText').map((field) => textOf({ ...field, name: 'w:t' })),
      ).toEqual(['PAGE']);
      expect(first(number!, 'w:rFonts')?.attributes['w:ascii']).toBe('宋体');
      expect(first(number!, 'w:sz')?.attributes['w:val']).toBe('28');
      expect(textOf(cite!)).toBe(citation);
      sides[String(footer.attributes['w:type'])] = String(
        first(number!, 'w:jc')?.attributes['w:val'],
      );
    }
    // §7.5: odd page numbers on the right, even on the left.
    expect(sides).toEqual({ default: 'right', even: 'left' });
    const settings = await readXml(zip, 'word/settings.xml');
    expect(first(settings, 'w:evenAndOddHeaders')).toBeDefined();
  });

  it('names the report, its research group and the print month in the core properties', async () => {
    const core = await readXml(zip, 'docProps/core.xml');
    const value = (name: string) => textOf({ ...first(core, name)!, name: 'w:t' });
    expect(value('dc:title')).toBe(
      '深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例',
    );
    expect(value('dc:creator')).toBe('市委党校课题组');
    expect(value('dc:language')).toBe('zh-CN');
    expect(value('dcterms:created')).toBe('2025-12-01T00:00:00Z');
    expect(value('dcterms:modified')).toBe('2025-12-01T00:00:00Z');
  });
});

describe('deterministic bytes', () => {
  it('dates every zip entry of every file to the print month, not the build time', async () => {
    for (const file of files) {
      const zip = await openPackage(file.bytes);
      const dates = new Set(Object.values(zip.files).map((entry) => entry.date.toISOString()));
      expect([...dates], file.path).toEqual(['2025-12-01T00:00:00.000Z']);
    }
  });

  it('generates identical bytes twice in one process', async () => {
    const again = await generateDocxFiles('content');
    expect(
      again.map((file) => Buffer.from(file.bytes).equals(Buffer.from(fileOf(file.path)))),
    ).toEqual(files.map(() => true));
  });

  it('packs identical bytes in another time zone', async () => {
    const report = edition.reports[0]!;
    const pack = () => packDocx(renderReportDocx(report, edition.publication));
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = await pack();
      process.env.TZ = 'Asia/Shanghai';
      const east = await pack();
      expect(new Date(Date.UTC(2025, 11, 1)).getHours()).toBe(8);
      expect(Buffer.from(west).equals(Buffer.from(east))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the build stage', () => {
  it('dates the documents from the print month and names the field when it cannot read it', () => {
    expect(editionDate({ printDate: '2025年12月' }).toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(() => editionDate({ printDate: '十二月' })).toThrow(
      'content/publication.json printDate: expected "YYYY年M月", found "十二月"',
    );
  });

  it('refuses to write into a folder that holds no built site', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'docx-empty-'));
    try {
      await expect(buildDocxDownloads(empty, CONTENT)).rejects.toThrow(
        `${empty}/index.html: expected a built site (run astro build first), found none`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
