/**
 * Reads an edition for the Word stage: `content/publication.json` and every
 * `content/reports/NN.md`, both through the content schemas (src/lib/content-schema.ts), and each
 * body through remark-parse into the flat list of blocks a Word document is made of. Only
 * `readEdition` touches the disk; `parseReport` takes a string, so tests hand it one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import {
  publicationSchema,
  reportSchema,
  type Publication,
  type ReportFrontmatter,
} from '../../src/lib/content-schema.ts';
import { parseMarkdown } from '../split/self-check.ts';

/** One block of a report body, in reading order: a `##` section, a `###` subsection or a paragraph. */
export interface ReportBlock {
  kind: 'section' | 'subsection' | 'paragraph';
  /** The text as the reader sees it: Markdown escapes resolved (`1\.` is `1.`). */
  text: string;
}

/** A report as the Word stage needs it: validated frontmatter and the body's blocks. */
export interface EditionReport {
  meta: ReportFrontmatter;
  blocks: ReportBlock[];
}

/** The publication and its reports in printed order. */
export interface Edition {
  publication: Publication;
  reports: EditionReport[];
}

/** Formats schema issues as `field: message`, joined, for an error naming the file. */
function describeIssues(issues: readonly { path: (string | number)[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
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
 * Parses one report file: frontmatter through the report schema, the body through remark into
 * blocks. Throws one error listing every problem, each as `file:line rule: expected …, found …`.
 */
export function parseReport(markdown: string, file: string): EditionReport {
  const tree = parseMarkdown(markdown);
  const [first, ...body] = tree.children;
  const problems: string[] = [];
  let meta: ReportFrontmatter | undefined;
  if (first?.type !== 'yaml') {
    problems.push(`${file}:1 docx-missing-frontmatter: expected YAML frontmatter, found none`);
  } else {
    const result = reportSchema.safeParse(parseYaml(first.value));
    if (result.success) meta = result.data;
    else
      problems.push(
        `${file}:1 docx-invalid-frontmatter: expected the report schema, found ${describeIssues(result.error.issues)}`,
      );
  }
  const blocks: ReportBlock[] = [];
  for (const node of body) {
    const line = node.position?.start.line ?? 0;
    const kind = blockKindOf(node);
    const text =
      kind && 'children' in node ? plainText(node.children as PhrasingContent[]) : undefined;
    if (!kind || text === undefined) {
      problems.push(
        `${file}:${line} docx-unexpected-block: expected a ## or ### heading or a paragraph of plain text, found ${describeNode(node)}${kind ? ' with inline markup' : ''}`,
      );
      continue;
    }
    blocks.push({ kind, text });
  }
  if (problems.length > 0 || !meta) throw new Error(problems.join('\n'));
  return { meta, blocks };
}

/** Parses `content/publication.json` through the publication schema. */
export function parsePublication(json: string, file: string): Publication {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(
      `${file}:1 docx-invalid-json: expected JSON, found ${(error as Error).message}`,
      { cause: error },
    );
  }
  const result = publicationSchema.safeParse(data);
  if (!result.success)
    throw new Error(
      `${file}:1 docx-invalid-publication: expected the publication schema, found ${describeIssues(result.error.issues)}`,
    );
  return result.data;
}

/** Reads the publication and every `NN.md` under `contentDir/reports`, reports in printed order. */
export function readEdition(contentDir = 'content'): Edition {
  const publicationFile = join(contentDir, 'publication.json');
  const publication = parsePublication(readFileSync(publicationFile, 'utf8'), publicationFile);
  const folder = join(contentDir, 'reports');
  const reports = readdirSync(folder)
    .filter((name) => /^\d{2}\.md$/.test(name))
    .map((name) => parseReport(readFileSync(join(folder, name), 'utf8'), join(folder, name)))
    .sort((a, b) => a.meta.order - b.meta.order);
  if (reports.length === 0)
    throw new Error(`${folder} docx-no-reports: expected NN.md files, found none`);
  return { publication, reports };
}
