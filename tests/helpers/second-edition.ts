/**
 * A second edition of the journal for tests, derived by code from the real 2025 增刊 text — never
 * typed in (SOURCE-NOTES: “More editions”). `asEdition` rewrites the masthead of any compendium as
 * another year and issue; `deriveSecondEdition` also keeps three reports of the real text, renumbered
 * from page 1, with titles of their own, so the two editions differ in everything a reader or a
 * citation could confuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCompendium } from '../../scripts/lib/derive-compendium.ts';

/** The real source, the one text every derived edition starts from. */
export const REAL_SOURCE = join('content', 'source', 'nanjing-xinfeng-2025-supplement.txt');

/** What the derived edition's masthead says. */
export interface EditionMasthead {
  year: number;
  /** The issue label under the year, e.g. `第1期`. */
  label: string;
  /** Printed month, for the colophon's 印刷日期 (default 3). */
  month?: number;
}

/**
 * Rewrites the masthead (everything before `目录`) as another edition: the year line, the issue
 * label line under it, the year that opens the collection title, and the print date.
 */
export function asEdition(text: string, year: number, label: string, month = 3): string {
  const lines = text.split('\n');
  const toc = lines.findIndex((line) => line.trim() === '目录');
  const yearIndex = lines.findIndex((line, index) => index < toc && /^\d{4}$/.test(line.trim()));
  const labelIndex = lines.findIndex((line, index) => index > yearIndex && line.trim() !== '');
  if (toc < 0 || yearIndex < 0 || labelIndex < 0 || labelIndex >= toc)
    throw new Error(
      'asEdition: expected a masthead with a year line and an issue label before 目录',
    );
  return lines
    .map((line, index) => {
      if (index >= toc) return line;
      if (index === yearIndex) return String(year);
      if (index === labelIndex) return label;
      if (line.startsWith('印刷日期：')) return `印刷日期：${year}年${month}月`;
      return line.replace(/^\d{4}(?= 年)/, String(year));
    })
    .join('\n');
}

/** Which reports of the real text the derived edition keeps (consecutive, their printed order there). */
export const KEPT_REPORTS = [2, 3, 4] as const;

/** What the derived titles start with, so no title of the derived edition equals a real one. */
export const TITLE_PREFIX = '再论';

/**
 * The second edition: the real text as `masthead`, with only the reports `KEPT_REPORTS` (renumbered
 * 01–03, pages from 1), each title prefixed with `TITLE_PREFIX`, and the back-cover credit kept —
 * assembled by the benchmarks' compendium deriver (scripts/lib/derive-compendium.ts).
 */
export function deriveSecondEdition(
  realText: string,
  masthead: EditionMasthead = { year: 2026, label: '第1期' },
): string {
  const derived = deriveCompendium(
    realText,
    KEPT_REPORTS.length,
    KEPT_REPORTS[0],
    1,
    (title) => `${TITLE_PREFIX}${title}`,
  );
  return asEdition(derived, masthead.year, masthead.label, masthead.month);
}

/** The second edition derived from the real source file. */
export function readSecondEdition(masthead?: EditionMasthead): string {
  return deriveSecondEdition(readFileSync(REAL_SOURCE, 'utf8'), masthead);
}
