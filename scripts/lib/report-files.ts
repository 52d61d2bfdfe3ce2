/**
 * Reads the split's output the way the site does: every edition folder
 * `content/editions/<edition>/` (src/lib/content-location.ts), its `reports/*.md` with frontmatter
 * validated by the content schema (src/lib/content-schema.ts, the same one Astro applies) and
 * body as an mdast tree from the split's own Markdown processor, and its `publication.json`
 * through the publication schema. The one reader of the content files for build stages and tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { contentRoot, editionsFolder } from '../../src/lib/content-location.ts';
import { compareEditionsNewestFirst, editionKeyOf } from '../../src/lib/editions.ts';
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

/** Reads every report file of `folder` (an edition's `reports/`), in table-of-contents order. */
export function readReportFiles(folder: string): ReportFile[] {
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

/** Reads `publication.json` of an edition folder. */
export function readPublicationFile(editionDir: string): Publication {
  const path = join(editionDir, 'publication.json');
  return parsePublicationFile(readFileSync(path, 'utf8'), path);
}

/** One edition of the library: its key (= folder name), publication data and reports in printed order. */
export interface EditionFiles {
  key: string;
  folder: string;
  publication: Publication;
  reports: ReportFile[];
}

/**
 * Reads every edition under `root/editions/`, newest first (src/lib/editions.ts). Throws when a
 * folder's name is not the key its own masthead gives (the split names folders that way, so a
 * mismatch means a hand-moved folder), or when there is no edition at all.
 */
export function readLibrary(root = contentRoot()): EditionFiles[] {
  const folder = editionsFolder(root);
  if (!existsSync(folder))
    throw new Error(
      `${folder} no-editions: expected the split's output (run npm run split), found no folder`,
    );
  const editions = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry): EditionFiles => {
      const editionDir = join(folder, entry.name);
      const publication = readPublicationFile(editionDir);
      const key = editionKeyOf(publication);
      if (key !== entry.name)
        throw new Error(
          `${join(editionDir, 'publication.json')}:1 edition-folder-mismatch: expected the folder ${key ?? '(no key)'} for "${publication.issue}", found ${entry.name}`,
        );
      return {
        key,
        folder: editionDir,
        publication,
        reports: readReportFiles(join(editionDir, 'reports')),
      };
    })
    .sort(compareEditionsNewestFirst);
  if (editions.length === 0)
    throw new Error(`${folder} no-editions: expected edition folders, found none`);
  return editions;
}
