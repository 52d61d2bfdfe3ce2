/**
 * Packs a DocxSource into the bytes of a .docx, identical on every build.
 *
 * docx 9.15 has no option for the two things that change between runs: docProps/core.xml always
 * gets `new Date()` as its created/modified dates, and its zip (fflate) stamps every entry with
 * the current time. So the core properties are written here and handed to Packer as an override
 * (its documented way to replace a part), and the package is re-zipped with fflate — the zip
 * library docx itself uses — with every entry dated from the publication.
 *
 * The font table is written here too: docx lists only embedded fonts in it, and ours carries the
 * alternative names Word and WPS may use when a GB/T 9704 face is missing (gbt9704.ts, FONTS).
 */
import { Packer } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { FONTS, GB2312_CHARSET, type FontFace } from './gbt9704.ts';
import type { CoreProperties, DocxSource } from './render.ts';

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Writes docProps/core.xml (OPC core properties, ECMA-376 Part 2 §11) with a fixed date. */
export function renderCoreXml(core: CoreProperties): string {
  const date = core.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (name: string, value: string): string =>
    value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    text('dc:title', core.title) +
    text('dc:subject', core.subject) +
    text('dc:creator', core.creator) +
    text('cp:keywords', core.keywords) +
    text('dc:description', core.description) +
    text('dc:language', core.language) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Writes word/fontTable.xml: each face with its alternative names (`w:altName`, a comma-separated
 * list, ECMA-376 §17.8.3.1) and the GB2312 character set, so a reader without the face
 * substitutes a simplified-Chinese one of the listed names rather than a Latin default.
 */
export function renderFontTableXml(faces: readonly FontFace[]): string {
  const fonts = faces
    .map(
      (face) =>
        `<w:font w:name="${escapeXml(face.name)}">` +
        `<w:altName w:val="${escapeXml(face.alternatives.join(','))}"/>` +
        `<w:charset w:val="${GB2312_CHARSET}"/>` +
        '<w:family w:val="auto"/><w:pitch w:val="variable"/>' +
        '</w:font>',
    )
    .join('');
  return (
    XML_DECLARATION +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/**
 * The zip timestamp of every entry. fflate writes the DOS date from the local-time fields of a
 * Date, so a Date whose local fields equal the edition date's UTC fields gives the same bytes in
 * every time zone.
 */
export function zipTimestamp(date: Date): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/** Re-zips a package's entries in their order, each dated `date`, at the highest compression level. */
export function rezip(bytes: Uint8Array, date: Date): Uint8Array {
  const mtime = zipTimestamp(date);
  const entries: Zippable = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) entries[path] = [data, { mtime }];
  return zipSync(entries, { level: 9 });
}

/** Packs a document into .docx bytes that depend only on its content and its core properties. */
export async function packDocx(source: DocxSource): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(source.document, false, [
    { path: 'docProps/core.xml', data: renderCoreXml(source.core) },
    { path: 'word/fontTable.xml', data: renderFontTableXml(Object.values(FONTS)) },
  ]);
  return rezip(packed, source.core.date);
}
