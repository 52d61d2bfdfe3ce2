/**
 * An oddity check on the printed numbering: `一、二、三` for sections, `（一）（二）` restarting under
 * each section, `1. 2. 3.` restarting under each heading. The source has at least one slip
 * (report 1 prints `（二）` twice); the text is kept as printed and the slip becomes a warning.
 */
import { Problems, quote } from './errors.ts';
import type { Report } from './model.ts';

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Converts 1–99 to Chinese numerals as printed in headings (十, 十一, 二十一). */
export function toChineseNumeral(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value] ?? '';
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? '' : (CHINESE_DIGITS[tens] ?? '')}十${CHINESE_DIGITS[value % 10] ?? ''}`;
}

/** Warns where a heading or numbered paragraph breaks its sequence. */
export function checkNumbering(report: Report, problems: Problems): void {
  let section = 0;
  let subsection = 0;
  let item = 0;
  for (const node of report.body) {
    const line = node.lines[0] ?? report.headerLine;
    if (node.type === 'section') {
      section += 1;
      subsection = 0;
      item = 0;
      expectPrefix(
        new RegExp(`^${toChineseNumeral(section)}、`),
        `"${toChineseNumeral(section)}、…"`,
        node.text,
        line,
        report,
        problems,
      );
    } else if (node.type === 'subsection') {
      subsection += 1;
      item = 0;
      const numeral = toChineseNumeral(subsection);
      expectPrefix(
        new RegExp(`^[（(]${numeral}[）)]`),
        `"（${numeral}）…"`,
        node.text,
        line,
        report,
        problems,
      );
    } else if (node.numbered) {
      item += 1;
      expectPrefix(
        new RegExp(`^${item}[.．](?!\\d)`),
        `"${item}. …"`,
        node.text,
        line,
        report,
        problems,
      );
    }
  }
}

function expectPrefix(
  pattern: RegExp,
  expected: string,
  text: string,
  line: number,
  report: Report,
  problems: Problems,
): void {
  if (!pattern.test(text))
    problems.warn(
      line,
      'numbering-sequence',
      `${expected} next in report ${report.id}`,
      quote(text, 12),
    );
}
