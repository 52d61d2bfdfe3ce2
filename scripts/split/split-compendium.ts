/**
 * The whole split as one pure function: source text in, report files and publication data out,
 * or the list of located problems. Only scripts/split.ts touches the disk, so tests (and the
 * mutation checks) call this directly.
 */
import { Problems, type SplitMessage } from './errors.ts';
import { groupReports } from './group.ts';
import type { Publication, Repair, SplitReport } from './model.ts';
import { checkNumbering } from './numbering.ts';
import { parsePublication } from './publication.ts';
import { checkNotEmpty, decodeSource, splitLines } from './read-lines.ts';
import { countReport, frontmatterOf, renderReport } from './render.ts';
import { checkCharacters, checkMarkdown } from './self-check.ts';
import { parseToc } from './toc.ts';
import type { ZodType } from 'astro/zod';
import { publicationSchema, reportSchema } from '../../src/lib/content-schema.ts';

/** A successful split: everything the CLI writes, plus warnings and repairs for the summary. */
export interface SplitSuccess {
  ok: true;
  reports: SplitReport[];
  publication: Publication;
  /** The text of content/publication.json. */
  publicationJson: string;
  warnings: SplitMessage[];
  repairs: Repair[];
}

/** A failed split: every fatal problem found, plus the warnings. */
export interface SplitFailure {
  ok: false;
  errors: SplitMessage[];
  warnings: SplitMessage[];
}

export type SplitResult = SplitSuccess | SplitFailure;

/** Splits the text of a compendium into reports and publication data (pure; BOM and CRLF accepted). */
export function splitCompendium(text: string, fileName: string): SplitResult {
  const problems = new Problems(fileName);
  const lines = splitLines(text);
  if (!checkNotEmpty(lines, problems)) return failure(problems);
  const toc = parseToc(lines, problems);
  // A broken table of contents would make every later check report its consequences, not its cause.
  if (!toc || problems.hasErrors()) return failure(problems);
  const { reports, trailer } = groupReports(lines, toc.entries, toc.endIndex, problems);
  const tocIndex = lines.findIndex((line) => line.number === toc.line);
  const publication = parsePublication(lines.slice(0, tocIndex), trailer, toc.line, problems);
  if (problems.hasErrors() || !publication) return failure(problems);

  const rendered = reports.map((report) => {
    const markdown = renderReport(report);
    checkNumbering(report, problems);
    checkCharacters(report, problems);
    checkMarkdown(report, markdown, problems);
    checkSchema(
      reportSchema,
      frontmatterOf(report),
      report.headerLine,
      'schema-invalid-report',
      problems,
    );
    return { report, counts: countReport(report), fileName: `${report.id}.md`, markdown };
  });
  checkSchema(publicationSchema, publication, toc.line, 'schema-invalid-publication', problems);
  if (problems.hasErrors()) return failure(problems);
  return {
    ok: true,
    reports: rendered,
    publication,
    publicationJson: `${JSON.stringify(publication, null, 2)}\n`,
    // Sorted by line, so the summary reads in source order whatever stage found them.
    warnings: [...problems.warnings].sort((a, b) => a.line - b.line),
    repairs: reports.flatMap((report) => report.repairs),
  };
}

/**
 * Validates what the split would write with the schema the site applies to it, so nothing the
 * split writes can fail the build after content/ was replaced (a page 0, a 20-digit page).
 */
function checkSchema(
  schema: ZodType,
  data: unknown,
  line: number,
  ruleId: 'schema-invalid-report' | 'schema-invalid-publication',
  problems: Problems,
): void {
  const parsed = schema.safeParse(data);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '(root)';
    problems.fail(
      line,
      ruleId,
      `a valid "${field}" (${issue.message})`,
      JSON.stringify(valueAt(data, issue.path)),
    );
  }
}

/** The value at a schema issue's path, for the message. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value ?? null;
}

/** Decodes the bytes of a compendium as strict UTF-8 and splits it. */
export function splitCompendiumBytes(bytes: Uint8Array, fileName: string): SplitResult {
  const problems = new Problems(fileName);
  const text = decodeSource(bytes, problems);
  if (text === undefined) return failure(problems);
  return splitCompendium(text, fileName);
}

function failure(problems: Problems): SplitFailure {
  return { ok: false, errors: problems.errors, warnings: problems.warnings };
}
