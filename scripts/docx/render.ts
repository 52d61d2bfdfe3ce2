/**
 * Pure functions from the edition model (read-edition.ts) to `docx` Documents laid out after
 * GB/T 9704—2012 (gbt9704.ts): one document per report, and one for the whole edition with a cover,
 * a contents list and every report on a new page. Nothing here touches the disk or the clock; the
 * core properties (title, creator, dates) travel beside the Document for package.ts to write.
 */
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ISectionOptions,
  type ParagraphChild,
  InternalHyperlink,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import { formatGbt2025 } from '../../src/lib/citation.ts';
import type { Publication } from '../../src/lib/content-schema.ts';
import { buildCitationSource } from '../../src/lib/report-citation.ts';
import { formatAuthors, formatFullTitle } from '../../src/lib/reports.ts';
import { splitLeadIn } from '../../src/plugins/rehype-lead-in.ts';
import {
  BODY_LINE_POINTS,
  FIRST_LINE_CHARS,
  FONTS,
  LATIN_FONT,
  PAGE,
  PAGE_SETUP,
  TYPE_SIZE,
  pointsToHalfPoints,
  pointsToTwips,
  type FontFace,
} from './gbt9704.ts';
import type { Edition, EditionReport, ReportBlock } from './read-edition.ts';

/** What docProps/core.xml says about a document (package.ts writes it). */
export interface CoreProperties {
  title: string;
  subject: string;
  /** The author: a report's research group, the edition's publisher. */
  creator: string;
  description: string;
  keywords: string;
  /** BCP 47 tag of the text, `zh-CN`. */
  language: string;
  /** Creation and modification date, fixed from the publication so two builds are identical. */
  date: Date;
}

/** A Document and the core properties to package it with. */
export interface DocxSource {
  document: Document;
  core: CoreProperties;
}

/** The paragraph style ids the documents use; Heading1–3 are Word's own, so its navigation pane and inserted tables of contents see them. */
export const STYLE = {
  normal: 'Normal',
  title: 'Heading1',
  section: 'Heading2',
  subsection: 'Heading3',
  subtitle: 'Subtitle',
  byline: 'Byline',
  header: 'Header',
  footer: 'Footer',
  contentsHeading: 'ContentsHeading',
  contentsEntry: 'ContentsEntry',
  contentsByline: 'ContentsByline',
} as const;

/** The `w:rFonts` of a face: its name for Chinese text, Times New Roman for Latin letters and digits. */
function fontsOf(face: FontFace): IRunOptions['font'] {
  return { eastAsia: face.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT };
}

/** Exact line spacing of `points`, nothing before or after. */
function exactLines(
  points: number,
  after = 0,
): { line: number; lineRule: 'exact'; before: number; after: number } {
  return { line: pointsToTwips(points), lineRule: LineRuleType.EXACT, before: 0, after };
}

/** A first-line indent of `chars` characters of `sizePoints`; Word reads the character count, other readers the twips. */
function firstLineIndent(
  chars: number,
  sizePoints: number,
): { firstLine: number; firstLineChars: number } {
  return { firstLine: pointsToTwips(chars * sizePoints), firstLineChars: chars * 100 };
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

/** Width of the type area in twips: the right tab stop of contents entries. */
const TYPE_AREA_WIDTH = convertMillimetersToTwip(PAGE.typeAreaWidthMm);

/** The paragraph styles of every document. */
function paragraphStyles(): IParagraphStyleOptions[] {
  const body = TYPE_SIZE.sanhao;
  const heading = (
    id: string,
    name: string,
    face: FontFace,
    outlineLevel: number,
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { font: fontsOf(face), size: pointsToHalfPoints(body) },
    paragraph: { keepNext: true, keepLines: true, outlineLevel },
  });
  const centred = (
    id: string,
    name: string,
    face: FontFace,
    size: number,
    line = BODY_LINE_POINTS,
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    run: { font: fontsOf(face), size: pointsToHalfPoints(size) },
    paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: exactLines(line) },
  });
  return [
    {
      id: STYLE.normal,
      name: 'Normal',
      quickFormat: true,
      run: { font: fontsOf(FONTS.body), size: pointsToHalfPoints(body) },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: exactLines(BODY_LINE_POINTS),
        indent: firstLineIndent(FIRST_LINE_CHARS, body),
      },
    },
    {
      // §7.3.1: 2号小标宋, centred on one or more lines. A fixed 36 pt keeps a two-line title's
      // lines apart; the 28 pt body pitch would set 22 pt characters almost touching.
      id: STYLE.title,
      name: 'heading 1',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: { font: fontsOf(FONTS.title), size: pointsToHalfPoints(TYPE_SIZE.erhao) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        indent: NO_INDENT,
        spacing: exactLines(36),
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
      },
    },
    heading(STYLE.section, 'heading 2', FONTS.section, 1),
    heading(STYLE.subsection, 'heading 3', FONTS.subsection, 2),
    centred(STYLE.subtitle, 'Subtitle', FONTS.subsection, body),
    centred(STYLE.byline, 'Byline', FONTS.subsection, body),
    centred(STYLE.header, 'header', FONTS.body, TYPE_SIZE.wuhao, 14),
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: STYLE.normal,
      run: { font: fontsOf(FONTS.body), size: pointsToHalfPoints(TYPE_SIZE.xiaowu) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: NO_INDENT, spacing: exactLines(12) },
    },
    centred(STYLE.contentsHeading, 'Contents Heading', FONTS.section, TYPE_SIZE.erhao, 36),
    {
      id: STYLE.contentsEntry,
      name: 'Contents Entry',
      basedOn: STYLE.normal,
      next: STYLE.contentsByline,
      paragraph: {
        alignment: AlignmentType.LEFT,
        indent: NO_INDENT,
        spacing: exactLines(BODY_LINE_POINTS),
        keepNext: true,
      },
    },
    {
      id: STYLE.contentsByline,
      name: 'Contents Byline',
      basedOn: STYLE.normal,
      next: STYLE.contentsEntry,
      run: { font: fontsOf(FONTS.subsection), size: pointsToHalfPoints(TYPE_SIZE.sihao) },
      paragraph: {
        alignment: AlignmentType.LEFT,
        indent: { firstLine: 0, firstLineChars: 0, left: pointsToTwips(FIRST_LINE_CHARS * body) },
        spacing: exactLines(22, pointsToTwips(10)),
      },
    },
  ];
}

/** Document-wide defaults: the body face and size, and Chinese as the text's language for proofing. */
const DOCUMENT_DEFAULTS = {
  run: {
    font: fontsOf(FONTS.body),
    size: pointsToHalfPoints(TYPE_SIZE.sanhao),
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  },
};

/** Characters of 2号 that fit a line of the type area (156 mm ≈ 442 pt / 22 pt = 20). */
const TITLE_CHARS_PER_LINE = Math.floor(((PAGE.typeAreaWidthMm / 25.4) * 72) / TYPE_SIZE.erhao);

/**
 * Splits a title into its printed lines. The printed titles mark their phrase breaks with a space
 * (深化作风建设 破解基层治理…); §7.3.1 wants a title that breaks to keep phrases whole, so a title
 * too long for one line breaks at those spaces, and a title that fits stays one line.
 */
export function titleLines(title: string, charsPerLine = TITLE_CHARS_PER_LINE): string[] {
  const phrases = title.split(' ').filter((phrase) => phrase !== '');
  return [...title].length <= charsPerLine || phrases.length < 2 ? [title] : phrases;
}

/** The runs of a title: its lines, joined by line breaks within one paragraph. */
function titleRuns(title: string): TextRun[] {
  return titleLines(title).map(
    (line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 }),
  );
}

/** The lines under a report's title: subtitle after a double em dash, the research group, the writers. */
export function bylineTexts(meta: EditionReport['meta']): { subtitle?: string; lines: string[] } {
  const lines = [meta.unit];
  if (meta.authors.length > 0) lines.push(`执笔人：${formatAuthors(meta.authors)}`);
  return { subtitle: meta.subtitle ? `——${meta.subtitle}` : undefined, lines };
}

/** The name of the bookmark on a report's title in the edition, which its contents entry links to. */
export function reportBookmark(id: string): string {
  // Word's bookmark names take letters, digits and underscores only, starting with a letter.
  return `report_${id}`;
}

/**
 * Wraps runs in a bookmark with our own numeric id: docx's Bookmark draws ids from a counter shared
 * by the whole process, so the same document built twice in one run would differ. docx documents
 * BookmarkStart/End as paragraph children but leaves them out of its ParagraphChild type, hence the
 * casts.
 */
function bookmarked(
  bookmark: { name: string; id: number },
  runs: readonly ParagraphChild[],
): ParagraphChild[] {
  return [
    new BookmarkStart(bookmark.name, bookmark.id) as unknown as ParagraphChild,
    ...runs,
    new BookmarkEnd(bookmark.id) as unknown as ParagraphChild,
  ];
}

/** A report's title block: title (bookmarked in the edition), subtitle, unit and writers. */
function reportHeading(
  report: EditionReport,
  bookmark?: { name: string; id: number },
): Paragraph[] {
  const { subtitle, lines } = bylineTexts(report.meta);
  const title: ParagraphChild[] = titleRuns(report.meta.title);
  const children: ParagraphChild[] = bookmark ? bookmarked(bookmark, title) : title;
  const paragraphs = [new Paragraph({ style: STYLE.title, children })];
  if (subtitle) paragraphs.push(new Paragraph({ style: STYLE.subtitle, text: subtitle }));
  // One blank 28 pt line between the title block and the body, as the standard leaves under a title.
  lines.forEach((line, index) =>
    paragraphs.push(
      new Paragraph({
        style: STYLE.byline,
        text: line,
        spacing:
          index === lines.length - 1
            ? exactLines(BODY_LINE_POINTS, pointsToTwips(BODY_LINE_POINTS))
            : undefined,
      }),
    ),
  );
  return paragraphs;
}

/** One body block as a paragraph; a numbered point keeps its printed number and sets its lead-in in bold, as printed. */
export function renderBlock(block: ReportBlock): Paragraph {
  if (block.kind === 'section') return new Paragraph({ style: STYLE.section, text: block.text });
  if (block.kind === 'subsection')
    return new Paragraph({ style: STYLE.subsection, text: block.text });
  const leadIn = splitLeadIn(block.text);
  if (!leadIn) return new Paragraph({ style: STYLE.normal, text: block.text });
  const [lead, rest] = leadIn;
  // TextRun takes `string | IRunOptions`; the rule reads `bold` as the deprecated String#bold.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const runs = [new TextRun({ text: lead, bold: true })];
  if (rest !== '') runs.push(new TextRun(rest));
  return new Paragraph({ style: STYLE.normal, children: runs });
}

/** The running header: journal and issue, `《南京新风》2025 增刊`. */
export function headerText(publication: Pick<Publication, 'journal' | 'issue'>): string {
  return `《${publication.journal}》${publication.issue}`;
}

function runningHeader(publication: Publication): Header {
  return new Header({
    children: [new Paragraph({ style: STYLE.header, text: headerText(publication) })],
  });
}

/**
 * A page number as §7.5 sets it: 4号 宋体 between two em dashes, `— 1 —`, one character in from the
 * right edge on odd pages and from the left edge on even pages.
 */
function pageNumberParagraph(side: 'odd' | 'even'): Paragraph {
  const oneCharacter = pointsToTwips(TYPE_SIZE.sihao);
  const face = FONTS.pageNumber;
  return new Paragraph({
    style: STYLE.footer,
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
    spacing: exactLines(TYPE_SIZE.sihao),
    children: [
      new TextRun({
        font: { eastAsia: face.name, ascii: face.name, hAnsi: face.name, cs: face.name },
        size: pointsToHalfPoints(TYPE_SIZE.sihao),
        children: ['— ', PageNumber.CURRENT, ' —'],
      }),
    ],
  });
}

/** The footer text citing a report, GB/T 7714—2025 as on its page. */
export function footerCitation(report: EditionReport, publication: Publication): string {
  return `引用本文：${formatGbt2025(buildCitationSource(report.meta, publication))}`;
}

/** Odd and even footers: the page number, then the citation when there is one. */
function footers(citation?: string): NonNullable<ISectionOptions['footers']> {
  const footer = (side: 'odd' | 'even'): Footer =>
    new Footer({
      children: [
        pageNumberParagraph(side),
        ...(citation ? [new Paragraph({ style: STYLE.footer, text: citation })] : []),
      ],
    });
  return { default: footer('odd'), even: footer('even') };
}

/** The options every document shares: styles, odd/even footers. */
function documentOptions(sections: ISectionOptions[]): ConstructorParameters<typeof Document>[0] {
  return {
    sections,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: DOCUMENT_DEFAULTS }, paragraphStyles: paragraphStyles() },
  };
}

/** Reads the print date `2025年12月` as the first of that month (UTC); the documents carry it as their date. */
export function editionDate(publication: Pick<Publication, 'printDate'>): Date {
  const match = /^(\d{4})年(\d{1,2})月/.exec(publication.printDate);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12)
    throw new Error(
      `content/publication.json printDate: expected "YYYY年M月", found "${publication.printDate}"`,
    );
  return new Date(Date.UTC(Number(match[1]), month - 1, 1));
}

/** The Word document of one report: title block, body, running header, page numbers and its citation. */
export function renderReportDocx(report: EditionReport, publication: Publication): DocxSource {
  const document = new Document(
    documentOptions([
      {
        properties: { page: PAGE_SETUP },
        headers: { default: runningHeader(publication), even: runningHeader(publication) },
        footers: footers(footerCitation(report, publication)),
        children: [...reportHeading(report), ...report.blocks.map(renderBlock)],
      },
    ]),
  );
  return {
    document,
    core: {
      title: formatFullTitle(report.meta),
      subject: `${headerText(publication)}，第 ${report.meta.page} 页起`,
      creator: report.meta.unit,
      description: formatGbt2025(buildCitationSource(report.meta, publication)),
      keywords: [
        publication.journal,
        publication.issue,
        report.meta.unit,
        ...report.meta.authors,
      ].join('; '),
      language: 'zh-CN',
      date: editionDate(publication),
    },
  };
}

/** The cover's lines, top to bottom: masthead, motto, issue, collection title, host, publisher, date. */
export function coverTexts(publication: Publication): string[] {
  return [
    publication.journal,
    publication.journalLatin,
    publication.motto,
    publication.issue,
    publication.collectionTitle,
    publication.host,
    publication.publisher,
    publication.printDate,
  ];
}

function coverParagraphs(publication: Publication): Paragraph[] {
  const [journal, latin, motto, issue, title, host, publisher, date] = coverTexts(publication);
  const line = (
    text: string | undefined,
    face: FontFace,
    size: number,
    before: number,
    latinFace = false,
  ): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: NO_INDENT,
      spacing: { ...exactLines(size * 1.5), before: pointsToTwips(before) },
      children: [
        new TextRun({
          text: text ?? '',
          font: latinFace
            ? { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: LATIN_FONT }
            : fontsOf(face),
          size: pointsToHalfPoints(size),
        }),
      ],
    });
  return [
    line(journal, FONTS.title, TYPE_SIZE.chuhao, 96),
    line(latin, FONTS.body, TYPE_SIZE.sihao, 0, true),
    line(motto, FONTS.subsection, TYPE_SIZE.sanhao, 12),
    line(issue, FONTS.section, TYPE_SIZE.yihao, 72),
    line(title, FONTS.title, TYPE_SIZE.erhao, 24),
    line(host, FONTS.subsection, TYPE_SIZE.sanhao, 168),
    line(publisher, FONTS.subsection, TYPE_SIZE.sanhao, 0),
    line(date, FONTS.subsection, TYPE_SIZE.sanhao, 0),
  ];
}

/** The heading of the contents list and the note on its page numbers. */
export const CONTENTS_HEADING = '目录';
export const CONTENTS_NOTE = '（页码为印本页码，点击标题可跳转至正文）';

/** A contents entry's two lines: the full title with its printed page, then unit and writers. */
export function contentsEntryTexts(meta: EditionReport['meta']): {
  title: string;
  page: string;
  byline: string;
} {
  const byline =
    meta.authors.length > 0
      ? `${meta.unit}\u3000执笔人：${formatAuthors(meta.authors)}`
      : meta.unit;
  return { title: formatFullTitle(meta), page: String(meta.page), byline };
}

/**
 * The contents list: a static list, each title linked to its report's bookmark, with the page of
 * the printed issue. Not a Word TOC field: its page numbers exist only after Word lays the pages
 * out in the reader's fonts (a field shows nothing, or a prompt, until updated), while the
 * printed pages are fixed facts the citations also use.
 */
function contentsParagraphs(edition: Edition): Paragraph[] {
  const paragraphs = [
    new Paragraph({ style: STYLE.contentsHeading, text: CONTENTS_HEADING }),
    new Paragraph({
      style: STYLE.byline,
      spacing: exactLines(BODY_LINE_POINTS, pointsToTwips(BODY_LINE_POINTS)),
      children: [new TextRun({ text: CONTENTS_NOTE, size: pointsToHalfPoints(TYPE_SIZE.sihao) })],
    }),
  ];
  for (const report of edition.reports) {
    const { title, page, byline } = contentsEntryTexts(report.meta);
    paragraphs.push(
      new Paragraph({
        style: STYLE.contentsEntry,
        // The page number stands at the right edge of the type area behind a dot leader, as printed.
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA_WIDTH, leader: 'dot' }],
        children: [
          new InternalHyperlink({
            anchor: reportBookmark(report.meta.id),
            children: [new TextRun(title)],
          }),
          new TextRun({ children: [new Tab(), page] }),
        ],
      }),
      new Paragraph({ style: STYLE.contentsByline, text: byline }),
    );
  }
  return paragraphs;
}

/**
 * The Word document of the whole edition: a cover, the contents list (pages numbered from 1 there),
 * then every report in its own section, starting on a new page, with its citation in the footer.
 * The reports inherit the contents section's header, as Word does for a section without its own.
 */
export function renderEditionDocx(edition: Edition): DocxSource {
  const { publication } = edition;
  const cover: ISectionOptions = {
    properties: { page: PAGE_SETUP },
    children: coverParagraphs(publication),
  };
  const contents: ISectionOptions = {
    properties: { type: SectionType.NEXT_PAGE, page: { ...PAGE_SETUP, pageNumbers: { start: 1 } } },
    headers: { default: runningHeader(publication), even: runningHeader(publication) },
    footers: footers(),
    children: contentsParagraphs(edition),
  };
  const reports = edition.reports.map((report): ISectionOptions => ({
    properties: { type: SectionType.NEXT_PAGE, page: PAGE_SETUP },
    footers: footers(footerCitation(report, publication)),
    children: [
      ...reportHeading(report, { name: reportBookmark(report.meta.id), id: report.meta.order }),
      ...report.blocks.map(renderBlock),
    ],
  }));
  const document = new Document(documentOptions([cover, contents, ...reports]));
  return {
    document,
    core: {
      title: `${headerText(publication)}：${publication.collectionTitle}`,
      subject: publication.collectionTitle,
      creator: publication.publisher,
      description: `${publication.host}主办。收录 ${edition.reports.length} 篇课题研究报告。`,
      keywords: [publication.journal, publication.issue].join('; '),
      language: 'zh-CN',
      date: editionDate(publication),
    },
  };
}
