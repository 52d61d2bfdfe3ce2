/**
 * Reads the split's output the way the site does: every `content/reports/*.md`, its frontmatter
 * validated by the content schema (src/lib/content-schema.ts, the same one Astro applies) and its
 * body as an mdast tree from the split's own Markdown processor, and `content/publication.json`
 * through the publication schema. The one reader of the content files for build stages and tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import {
  publicationSchema,
  reportSchema,
  type Publication,
  type ReportRecord,
} from '../../src/lib/content-schema.ts';
import { parseMarkdown } from '../split/self-check.ts';

/** One report file: where it is, its validated frontmatter and its body blocks. */
export interface ReportFile {
  path: string;
  record: ReportRecord;
  /** Top-level Markdown nodes after the frontmatter: headings and paragraphs. */
  body: RootContent[];
}

/** Formats schema issues as `field: message`, joined, for an error naming the file. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses one report file; throws `file:1 rule: expected …, found …` when the frontmatter is
 * missing or does not match the schema.
 */
export function parseReportFile(source: string, path: string): ReportFile {
  const [front, ...body] = parseMarkdown(source).children;
  if (front?.type !== 'yaml')
    throw new Error(`${path}:1 missing-frontmatter: expected YAML frontmatter, found none`);
  const parsed = reportSchema.safeParse(parseYaml(front.value));
  if (!parsed.success)
    throw new Error(
      `${path}:1 invalid-frontmatter: expected the report schema, found ${describeIssues(parsed.error.issues)}`,
    );
  return { path, record: parsed.data, body };
}

/** Reads every report file of `folder`, in table-of-contents order. */
export function readReportFiles(folder = join('content', 'reports')): ReportFile[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const path = join(folder, name);
      return parseReportFile(readFileSync(path, 'utf8'), path);
    })
    .sort((a, b) => a.record.order - b.record.order);
  if (files.length === 0)
    throw new Error(`${folder} no-reports: expected report files, found none`);
  return files;
}

/** Parses `content/publication.json` text through the publication schema. */
export function parsePublicationFile(json: string, path: string): Publication {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${path}:1 invalid-json: expected JSON, found ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = publicationSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `${path}:1 invalid-publication: expected the publication schema, found ${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}

/** Reads `publication.json` of a content folder. */
export function readPublicationFile(contentDir = 'content'): Publication {
  const path = join(contentDir, 'publication.json');
  return parsePublicationFile(readFileSync(path, 'utf8'), path);
}
