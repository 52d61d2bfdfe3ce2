/**
 * The schemas of the split's output (frontmatter as in README, “What the build does”), in a plain module so unit tests can check that
 * malformed frontmatter is rejected with a message naming the field. src/content.config.ts hands
 * them to Astro, whose build then fails with `InvalidContentEntryDataError` naming file and field.
 */
import { z } from 'astro/zod';
import { EDITION_KEY } from './urls.ts';

/**
 * A report's id (its file name and URL segment) from its place in the table of contents: the
 * order zero-padded to at least two digits, so the ids of the first edition (`05`) stay as they
 * are and a compendium of 100 or 999 reports gets `100` … `999`.
 */
export function reportIdOf(order: number): string {
  return String(order).padStart(2, '0');
}

/** The file names of report files, for the content loader (`05.md`, `100.md`). */
export const REPORT_FILE_GLOB = '[0-9][0-9]*([0-9]).md';

/** Frontmatter of one `content/reports/NN.md`. */
export const reportSchema = z
  .object({
    /** Position in the printed table of contents, 1-based; decides ordering and prev/next. */
    order: z.number().int().positive(),
    /** The order zero-padded to at least two digits (`reportIdOf`), equal to the file name and the URL segment, e.g. `"05"`. */
    id: z.string().regex(/^\d{2,}$/, 'id must be at least two digits, e.g. "05"'),
    /** Title as in the table of contents, spacing normalised. */
    title: z.string().min(1),
    /** Subtitle without its leading `——`; absent when the report has none. */
    subtitle: z.string().min(1).optional(),
    /** Authoring research group, e.g. `市委党校课题组`. */
    unit: z.string().min(1),
    /** Writers from the closing `（执笔人：…）` line in printed order; empty when there is none. */
    authors: z.array(z.string().min(1)),
    /** Printed start page, from the table of contents. */
    page: z.number().int().positive(),
    /** Printed end page (next report's start − 1); absent for the last report. */
    endPage: z.number().int().positive().optional(),
    /** Number of `##` section headings in the body. */
    sections: z.number().int().nonnegative(),
    /** Number of `###` subsection headings in the body. */
    subsections: z.number().int().nonnegative(),
    /** Number of body paragraphs. */
    paragraphs: z.number().int().nonnegative(),
    /** Non-whitespace characters of the body text (drives the reading-time estimate). */
    characters: z.number().int().nonnegative(),
  })
  .strict()
  .refine((report) => report.endPage === undefined || report.endPage >= report.page, {
    message: 'endPage must not be before page',
    path: ['endPage'],
  })
  .refine((report) => report.id === reportIdOf(report.order), {
    message: 'id must be the order zero-padded to two digits',
    path: ['id'],
  });

const committeeSchema = z.object({
  /** Role as printed, e.g. `主任`, `责任编辑`. */
  role: z.string().min(1),
  /** Names holding the role, in printed order. */
  names: z.array(z.string().min(1)).min(1),
});

/** `content/publication.json`. */
export const publicationSchema = z.object({
  /** Journal name, `南京新风`. */
  journal: z.string().min(1),
  /** Latin form printed on the cover, `NAN JING XIN FENG`. */
  journalLatin: z.string().min(1),
  /** Motto under the masthead. */
  motto: z.string().min(1),
  /** Issue label, `2025 增刊`. */
  issue: z.string().min(1),
  /** Year of the issue. */
  year: z.number().int(),
  /** Title of this compendium, `2025 年全市机关党建课题研究优秀成果汇编`. */
  collectionTitle: z.string().min(1),
  /** The cover's bracketed notice, `内部资料 免费交流` ('' when the cover prints none). */
  notice: z.string(),
  /** Publisher as printed on the cover. */
  publisher: z.string().min(1),
  /** Sponsoring body (主办). */
  host: z.string().min(1),
  /** Editorial committee, roles in printed order. */
  committee: z.array(committeeSchema).min(1),
  /** Postal address of the editorial office. */
  address: z.string(),
  /** Postcode of the editorial office. */
  postcode: z.string(),
  /** Telephone number as printed. */
  phone: z.string(),
  /** Fax number as printed. */
  fax: z.string(),
  /** E-mail address of the editorial office. */
  email: z.string(),
  /** Intended readership (发行对象). */
  audience: z.string(),
  /** Print run as printed, e.g. `2000册`. */
  printRun: z.string(),
  /** Print date as printed, e.g. `2025年12月`. */
  printDate: z.string(),
  /** Printing permit number (准印号). */
  permit: z.string(),
  /** Printing company (承印单位). */
  printer: z.string(),
  /** Back-cover photo credit: the photo's title and its photographer. */
  coverPhoto: z.object({ title: z.string(), photographer: z.string() }),
});

/** The parsed `content/publication.json`. */
export type Publication = z.infer<typeof publicationSchema>;

/** A report's frontmatter after validation: the one declaration of the report record. */
export type ReportRecord = z.infer<typeof reportSchema>;

/** The fields that describe a report (what pages, search and citations use). */
export type ReportMeta = Pick<
  ReportRecord,
  'id' | 'order' | 'title' | 'subtitle' | 'unit' | 'authors' | 'page' | 'endPage'
>;

/** The counts the split derives from a report's body. */
export type ReportCounts = Pick<
  ReportRecord,
  'sections' | 'subsections' | 'paragraphs' | 'characters'
>;

/**
 * An edition's key, `2025-zk` or `2026-01`: the name of its folder `content/editions/<key>/`, which
 * the split derives from the masthead (src/lib/urls.ts `editionKey`), and its address segment.
 */
export const editionKeySchema = z
  .string()
  .regex(EDITION_KEY, 'edition key like "2025-zk" or "2026-01"');

/** An edition's key (see editionKeySchema). */
export type EditionKey = z.infer<typeof editionKeySchema>;

/** A report's metadata with the edition it belongs to: what pages, search and citations use across the library. */
export type LibraryReport = ReportMeta & { edition: EditionKey };

/** A committee role with its members, in printed order. */
export type CommitteeRole = z.infer<typeof committeeSchema>;
