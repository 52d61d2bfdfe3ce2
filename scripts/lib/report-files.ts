/**
 * Reads the split's output the way the site does: every `content/reports/*.md`, its frontmatter
 * validated by the content schema (src/lib/content-schema.ts, the same one Astro applies) and its
 * body as an mdast tree. The one reader of report files for build scripts and tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { reportSchema, type ReportRecord } from '../../src/lib/content-schema.ts';

/** One report file: where it is, its validated frontmatter and its body blocks. */
export interface ReportFile {
  path: string;
  record: ReportRecord;
  /** Top-level Markdown nodes after the frontmatter: headings and paragraphs. */
  body: RootContent[];
}

/** Parses one report file; throws naming the file and the field when the frontmatter is invalid. */
export function parseReportFile(source: string, path: string): ReportFile {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(source);
  const [front, ...body] = tree.children;
  if (front?.type !== 'yaml') throw new Error(`${path}:1: expected a YAML frontmatter block`);
  const parsed = reportSchema.safeParse(parseYaml(front.value));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`${path}: invalid frontmatter: ${problems.join('; ')}`);
  }
  return { path, record: parsed.data, body };
}

/** Reads every report file of `folder`, in table-of-contents order. */
export function readReportFiles(folder = join('content', 'reports')): ReportFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const path = join(folder, name);
      return parseReportFile(readFileSync(path, 'utf8'), path);
    })
    .sort((a, b) => a.record.order - b.record.order);
}
