/**
 * The plain-text summary table the CLI prints after a split. Columns are padded by display
 * width (CJK characters take two columns in a terminal), so the table lines up.
 */
import type { SplitReport } from './model.ts';

/** Display width of a string in a monospace terminal: wide (CJK, full-width) characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** Formats the summary table: report, unit, pages, sections, paragraphs, characters, breaks repaired, plus a total row. */
export function formatSummary(reports: readonly SplitReport[]): string {
  const header = ['报告', '单位', '页码', '节', '小节', '段落', '字数', '修复断行'];
  const rows = reports.map(({ report, counts }) => [
    `${report.id} ${shorten(report.title, 18)}`,
    report.unit,
    report.endPage === undefined ? `${report.page}–` : `${report.page}–${report.endPage}`,
    String(counts.sections),
    String(counts.subsections),
    String(counts.paragraphs),
    String(counts.characters),
    String(report.repairs.length),
  ]);
  const sum = (pick: (entry: SplitReport) => number): string =>
    String(reports.reduce((total, entry) => total + pick(entry), 0));
  const total = [
    `合计 ${reports.length} 篇`,
    '',
    '',
    sum((entry) => entry.counts.sections),
    sum((entry) => entry.counts.subsections),
    sum((entry) => entry.counts.paragraphs),
    sum((entry) => entry.counts.characters),
    sum((entry) => entry.report.repairs.length),
  ];
  const table = [header, ...rows, total];
  const widths = header.map((_, column) =>
    Math.max(...table.map((row) => displayWidth(row[column] ?? ''))),
  );
  // Text columns align left, number columns right.
  const format = (row: string[]): string =>
    row
      .map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - displayWidth(cell));
        return column < 3 ? cell + padding : padding + cell;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(header), rule, ...rows.map(format), rule, format(total)].join('\n');
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}
