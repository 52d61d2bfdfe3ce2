/**
 * The typed model the split pipeline builds: source lines → blocks → reports.
 * Every block remembers the 1-based source lines it came from, so errors and the
 * self-check can point at the exact place in the compendium. What the split writes (frontmatter,
 * publication.json) is typed by the site's content schema, so the two cannot disagree.
 */
import type { ReportCounts, ReportMeta } from '../../src/lib/content-schema.ts';

export type { CommitteeRole, Publication, ReportCounts } from '../../src/lib/content-schema.ts';

/** One line of the source with its 1-based number (after BOM and line-ending normalisation). */
export interface SourceLine {
  number: number;
  text: string;
}

/** What a line of a report region is, judged from the line alone. */
export type BlockKind = 'section' | 'subsection' | 'numbered' | 'paragraph' | 'authors';

/** A run of text in a report region: one source line, or several after repair joined them. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** The source lines the text came from, in order (more than one after a repair). */
  lines: number[];
}

/** A join the repair stage made: the block starting at `line` absorbed the line `joinedLine`. */
export interface Repair {
  kind: 'paragraph' | 'heading';
  line: number;
  joinedLine: number;
  /** The last characters before and the first after the cut, for the summary and reviews. */
  before: string;
  after: string;
}

/** One entry of the table of contents. */
export interface TocEntry {
  order: number;
  page: number;
  title: string;
  subtitle?: string;
  unit: string;
  /** Line of the `- PAGE TITLE` entry. */
  line: number;
}

/** A body element of a report, the unit the Markdown is rendered from. */
export type BodyNode =
  | { type: 'section'; text: string; lines: number[] }
  | { type: 'subsection'; text: string; lines: number[] }
  | { type: 'paragraph'; text: string; numbered: boolean; lines: number[] };

/** One report: its frontmatter fields (declared once, by the content schema) and its body. */
export interface Report extends ReportMeta {
  body: BodyNode[];
  repairs: Repair[];
  /** The source lines of the body region (title, unit and authors lines excluded). */
  bodyLines: SourceLine[];
  /** Line of the report's title in the body of the compendium. */
  headerLine: number;
}

/** One generated report: its model, counts, file name and Markdown text. */
export interface SplitReport {
  report: Report;
  counts: ReportCounts;
  fileName: string;
  markdown: string;
}
