/**
 * Reads an edition for the Word stage through the project's one content reader
 * (scripts/lib/report-files.ts: the content schemas and the split's Markdown processor) and turns
 * each body into the flat list of blocks a Word document is made of. `parseReport` takes a string,
 * so tests hand it one.
 */
import { join } from 'node:path';
import { contentRoot } from '../../src/lib/content-location.ts';
import type { PhrasingContent, RootContent } from 'mdast';
import type { Publication, ReportRecord } from '../../src/lib/content-schema.ts';
import {
  parseReportFile,
  readLibrary,
  readPublicationFile,
  readReportFiles,
  type ReportFile,
} from '../lib/report-files.ts';

/** One block of a report body, in reading order: a `##` section, a `###` subsection or a paragraph. */
export interface ReportBlock {
  kind: 'section' | 'subsection' | 'paragraph';
  /** The text as the reader sees it: Markdown escapes resolved (`1\.` is `1.`). */
  text: string;
}

/** A report as the Word stage needs it: validated frontmatter and the body's blocks. */
export interface EditionReport {
  meta: ReportRecord;
  blocks: ReportBlock[];
}

/** The publication and its reports in printed order. */
export interface Edition {
  publication: Publication;
  reports: EditionReport[];
}

/** The text of inline content, or undefined when anything besides plain text is in it. */
function plainText(children: readonly PhrasingContent[]): string | undefined {
  let text = '';
  for (const child of children) {
    if (child.type !== 'text') return undefined;
    text += child.value;
  }
  return text;
}

/** Describes an mdast node for an error message: its type, and the heading depth when it is one. */
function describeNode(node: RootContent): string {
  return node.type === 'heading' ? `a level-${node.depth} heading` : `a ${node.type} node`;
}

/** The block kind of a top-level node, or undefined for anything a report body must not hold. */
function blockKindOf(node: RootContent): ReportBlock['kind'] | undefined {
  if (node.type === 'paragraph') return 'paragraph';
  if (node.type === 'heading' && node.depth === 2) return 'section';
  if (node.type === 'heading' && node.depth === 3) return 'subsection';
  return undefined;
}

/**
 * Turns a report file (frontmatter already validated by scripts/lib/report-files.ts) into blocks.
 * Throws one error listing every block a Word document cannot hold, each as
 * `file:line rule: expected …, found …`.
 */
export function toEditionReport({ path, record, body }: ReportFile): EditionReport {
  const problems: string[] = [];
  const blocks: ReportBlock[] = [];
  for (const node of body) {
    const line = node.position?.start.line ?? 0;
    const kind = blockKindOf(node);
    const text =
      kind && 'children' in node ? plainText(node.children as PhrasingContent[]) : undefined;
    if (!kind || text === undefined) {
      problems.push(
        `${path}:${line} docx-unexpected-block: expected a ## or ### heading or a paragraph of plain text, found ${describeNode(node)}${kind ? ' with inline markup' : ''}`,
      );
      continue;
    }
    blocks.push({ kind, text });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { meta: record, blocks };
}

/** Parses one report file's text into the Word stage's model. */
export function parseReport(markdown: string, file: string): EditionReport {
  return toEditionReport(parseReportFile(markdown, file));
}

/** Reads the publication and every report of an edition folder (`content/editions/2025-zk`), reports in printed order. */
export function readEdition(editionDir: string): Edition {
  return {
    publication: readPublicationFile(editionDir),
    reports: readReportFiles(join(editionDir, 'reports')).map(toEditionReport),
  };
}

/** Reads every edition of the library under `root` (newest first), each with its key. */
export function readLibraryEditions(root = contentRoot()): Array<Edition & { key: string }> {
  return readLibrary(root).map((edition) => ({
    key: edition.key,
    publication: edition.publication,
    reports: edition.reports.map(toEditionReport),
  }));
}
