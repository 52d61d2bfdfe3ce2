/**
 * "Cite this report": references in GB/T 7714—2025 and GB/T 7714—2015 form, BibTeX and RIS.
 *
 * Every report is a journal article in a supplement without volume number, so the journal part is
 * `南京新风, 2025(增刊): 19-23` in both editions (both write a supplement in the issue position,
 * e.g. `2024, 45(增刊1): 730570` in the 2025 edition's §8.5.3 examples).
 *
 * What differs between the editions for these reports — our reading of the 2025 edition, whose
 * revision notes say it "changed the rules for personal authors and other title information":
 * - other title information (our subtitles): the 2015 edition puts a colon before it
 *   (`题名: 其他题名信息`) and leaves including it to the cataloguer; the 2025 edition says it
 *   "shall be recorded according to how the resource presents it" (§7.2.3), and its examples keep
 *   a printed dash subtitle as printed (§7.3 `…漂绿? ——基于公益诉讼试点的证据[J]`, §9.3.1.3
 *   `…离散分布规律——布拉德福定律[J/OL]`), so `——以华侨路街道为例` keeps its dash. Where the
 *   resource itself uses a colon, 2025 examples show the colon; our reports all print a dash;
 * - personal authors: the changes concern Latin-script names (initials, particles); Chinese
 *   names are written in full in both, the first three followed by `, 等` when there are more.
 * Either edition: with no personal author (one report has no 执笔人 line) the research group is
 * the corporate author. Punctuation is ASCII followed by a space, as most Chinese journals print it.
 */
import type { ReportMeta } from './content-schema.ts';
import { formatFullTitle } from './reports.ts';

/** What a reference is built from: the report's own fields and where it was published. */
export type CitationSource = Pick<
  ReportMeta,
  'title' | 'subtitle' | 'unit' | 'authors' | 'page' | 'endPage'
> & {
  journal: string;
  year: number;
  /** The issue as it goes between the parentheses: `增刊`, or `1` for 第1期 (report-citation.ts). */
  issue: string;
  /** Absolute URL of the report page, when the deployment address is known. */
  url?: string;
};

/** GB/T 7714 lists at most this many authors before `等`. */
const MAX_LISTED_AUTHORS = 3;

/** Returns the responsible-person part of a GB/T 7714 reference (same rule in 2015 and 2025). */
export function formatGbtAuthors(source: Pick<CitationSource, 'authors' | 'unit'>): string {
  if (source.authors.length === 0) return source.unit;
  const listed = source.authors.slice(0, MAX_LISTED_AUTHORS).join(', ');
  return source.authors.length > MAX_LISTED_AUTHORS ? `${listed}, 等` : listed;
}

/** Returns the page part, `19-23`, or the start page alone when the end is unknown. */
export function formatGbtPages(page: number, endPage?: number): string {
  return endPage !== undefined && endPage > page ? `${page}-${endPage}` : `${page}`;
}

function formatGbtTail(source: CitationSource): string {
  return `[J]. ${source.journal}, ${source.year}(${source.issue}): ${formatGbtPages(source.page, source.endPage)}.`;
}

/** Formats a reference after GB/T 7714—2025 (in force from 2026-07-01). */
export function formatGbt2025(source: CitationSource): string {
  return `${formatGbtAuthors(source)}. ${formatFullTitle(source)}${formatGbtTail(source)}`;
}

/** Formats a reference after GB/T 7714—2015. */
export function formatGbt2015(source: CitationSource): string {
  const title = source.subtitle ? `${source.title}: ${source.subtitle}` : source.title;
  return `${formatGbtAuthors(source)}. ${title}${formatGbtTail(source)}`;
}

/** Escapes the characters BibTeX treats specially inside a braced field. */
export function escapeBibtex(text: string): string {
  return text.replace(/[{}&%$#_]/g, (char) => `\\${char}`);
}

/** Formats a BibTeX `@article` entry; a corporate author is double-braced so it is not split. */
export function formatBibtex(source: CitationSource, key: string): string {
  const author =
    source.authors.length > 0
      ? source.authors.map(escapeBibtex).join(' and ')
      : `{${escapeBibtex(source.unit)}}`;
  const pages =
    source.endPage !== undefined && source.endPage > source.page
      ? `${source.page}--${source.endPage}`
      : `${source.page}`;
  const fields: [string, string][] = [
    ['author', author],
    ['title', escapeBibtex(formatFullTitle(source))],
    ['journal', escapeBibtex(source.journal)],
    ['year', String(source.year)],
    ['number', escapeBibtex(source.issue)],
    ['pages', pages],
    ['language', 'zh'],
  ];
  if (source.url) fields.push(['url', source.url]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}},`).join('\n');
  return `@article{${key},\n${body}\n}\n`;
}

/** Formats an RIS record (`TY  - JOUR` … `ER  - `) with CRLF line ends as the RIS format specifies. */
export function formatRis(source: CitationSource): string {
  const tag = (name: string, value: string | number): string => `${name}  - ${value}`;
  const lines: string[] = [tag('TY', 'JOUR')];
  if (source.authors.length > 0) {
    for (const author of source.authors) lines.push(tag('AU', author));
    lines.push(tag('AD', source.unit));
  } else {
    lines.push(tag('AU', source.unit));
  }
  lines.push(
    tag('TI', formatFullTitle(source)),
    tag('T2', source.journal),
    tag('PY', source.year),
    tag('IS', source.issue),
    tag('SP', source.page),
  );
  if (source.endPage !== undefined && source.endPage > source.page)
    lines.push(tag('EP', source.endPage));
  lines.push(tag('LA', 'zh'));
  if (source.url) lines.push(tag('UR', source.url));
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The BibTeX key of a report, unique across the library: `nanjingxinfeng-2025-zk-05` for report 05
 * of the 2025 增刊, `nanjingxinfeng-2026-01-02` for report 02 of 2026 第1期.
 */
export function citationKey(edition: string, id: string): string {
  return `nanjingxinfeng-${edition}-${id}`;
}
