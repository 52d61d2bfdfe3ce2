import { describe, expect, it } from 'vitest';
import {
  splitCompendium,
  splitCompendiumBytes,
  type SplitResult,
} from '../../scripts/split/split-compendium.ts';
import { listCases } from '../fixtures/split/load.ts';

const FILE = 'nanjing-xinfeng-2025-supplement.txt';
const valid =
  listCases('compendium').find((fixture) => fixture.name === 'two-reports')?.input ?? '';

/** Replaces the text of a 1-based line of the valid two-report compendium. */
function withLine(number: number, text: string, source = valid): string {
  const lines = source.split('\n');
  lines[number - 1] = text;
  return lines.join('\n');
}

/** The problems of a failed split as `line rule-id`, the part every bad-input test pins. */
function problems(result: SplitResult): string[] {
  if (result.ok) return ['(split succeeded)'];
  return result.errors.map((error) => `${error.line} ${error.ruleId}`);
}

describe('bad input stops the split with a located problem', () => {
  it('accepts the unmodified fixture (the base every mutation starts from)', () => {
    expect(splitCompendium(valid, FILE).ok).toBe(true);
  });

  it('reports an empty file as empty-file at line 1', () => {
    expect(problems(splitCompendium('', FILE))).toEqual(['1 empty-file']);
    expect(problems(splitCompendium('\n\n   \n', FILE))).toEqual(['1 empty-file']);
  });

  it('reports a missing table of contents as missing-toc', () => {
    const result = splitCompendium(withLine(59, '目次'), FILE);
    expect(problems(result)).toEqual(['1 missing-toc']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `${FILE}:1 missing-toc: expected a line "目录" followed by the table of contents, found none in 133 lines`,
    );
  });

  it.each([
    ['a full-width page number', '- ４ 深化“五个纪委”建设 带头打造廉洁机关'],
    ['a Chinese page number', '- 四 深化“五个纪委”建设 带头打造廉洁机关'],
    ['no page number', '- 深化“五个纪委”建设 带头打造廉洁机关'],
    ['an en dash for a bullet', '– 4 深化“五个纪委”建设 带头打造廉洁机关'],
    ['a line separator in the title', '- 4 深化“五个纪委”建设\u2028带头打造廉洁机关'],
  ])(
    'names a table-of-contents entry with %s as the one problem, invisible characters spelt out',
    (_case, entry) => {
      const result = splitCompendium(withLine(64, entry), FILE);
      expect(problems(result)).toEqual(['64 toc-malformed-entry']);
      expect(result.ok ? '' : result.errors[0]?.message).toBe(
        `${FILE}:64 toc-malformed-entry: expected a table-of-contents entry "- PAGE TITLE" with the page in ASCII digits, found "${entry.replace('\u2028', '<U+2028>')}"`,
      );
    },
  );

  it('rejects what the site schema would reject before writing anything: a page 0', () => {
    const result = splitCompendium(
      withLine(61, '- 0 深化作风建设 破解基层治理“小马拉大车”问题研究'),
      FILE,
    );
    expect(result.ok ? '' : result.errors.map((error) => error.message)).toEqual([
      `${FILE}:67 schema-invalid-report: expected a valid "page" (Number must be greater than 0), found 0`,
    ]);
  });

  it('rejects a page number too long to stay a whole number', () => {
    const result = splitCompendium(
      withLine(61, '- 12345678901234567890 深化作风建设 破解基层治理“小马拉大车”问题研究'),
      FILE,
    );
    expect(problems(result)[0]).toBe('61 toc-malformed-entry');
  });

  it('reports a table-of-contents entry whose report is missing at the entry line', () => {
    const text = withLine(65, '市纪委监委机关党委课题组\n- 9 并不存在的第三篇报告\n市某局课题组');
    const result = splitCompendium(text, FILE);
    expect(problems(result)).toEqual(['66 toc-entry-without-report']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `${FILE}:66 toc-entry-without-report: expected a report titled "并不存在的第三篇报告" after the table of contents, found no such title`,
    );
  });

  it('reports a report without its unit line as missing-unit-line with what was found instead', () => {
    const result = splitCompendium(withLine(114, ''), FILE);
    expect(problems(result)).toEqual(['116 missing-unit-line']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `${FILE}:116 missing-unit-line: expected "市纪委监委机关党委课题组" after the title of report 2, found "建设廉洁机关是落实全面从严治党主体责任、纵深推进…"`,
    );
  });

  it('collects every missing unit line in one run', () => {
    expect(problems(splitCompendium(withLine(73, '', withLine(114, '')), FILE))).toEqual([
      '75 missing-unit-line',
      '116 missing-unit-line',
    ]);
  });

  it('reports a duplicate title at the second entry and stops before looking for reports', () => {
    const text = withLine(64, '- 4 深化作风建设 破解基层治理“小马拉大车”问题研究');
    expect(problems(splitCompendium(text, FILE))).toEqual(['64 duplicate-title']);
  });

  it('reports a table-of-contents entry without its unit as toc-missing-unit', () => {
    expect(problems(splitCompendium(withLine(63, ''), FILE))).toEqual(['64 toc-missing-unit']);
  });

  it('reports pages that do not increase as toc-page-order', () => {
    expect(
      problems(splitCompendium(withLine(64, '- 1 深化“五个纪委”建设 带头打造廉洁机关'), FILE)),
    ).toEqual(['64 toc-page-order']);
  });

  it('reports a file cut inside the last report as truncated-input', () => {
    const cut = valid.slice(0, valid.indexOf('压实责任、传导压力。'));
    expect(problems(splitCompendium(cut, FILE))).toEqual(['130 truncated-input']);
  });

  it('reports a file cut inside an earlier report as its missing reports plus the cut', () => {
    const cut = valid.slice(0, valid.indexOf('导致责任和事权'));
    expect(problems(splitCompendium(cut, FILE))).toEqual([
      '64 toc-entry-without-report',
      '107 truncated-input',
    ]);
  });

  it('reports a UTF-8 character cut at the end of the bytes as truncated-input', () => {
    const bytes = new TextEncoder().encode(valid.trimEnd());
    expect(problems(splitCompendiumBytes(bytes.slice(0, bytes.length - 2), FILE))).toEqual([
      '133 truncated-input',
    ]);
  });

  it('reports bytes that are not UTF-8 as not-utf8 at their line', () => {
    const bytes = new TextEncoder().encode(valid);
    const at = new TextEncoder().encode(valid.split('\n').slice(0, 66).join('\n')).length + 1;
    const broken = Uint8Array.from(bytes);
    broken[at] = 0xff;
    expect(problems(splitCompendiumBytes(broken, FILE))).toEqual(['67 not-utf8']);
  });

  it('reports an authors line in the middle of a report as stray-authors-line', () => {
    expect(problems(splitCompendium(withLine(87, '（执笔人：张三）'), FILE))).toEqual([
      '87 stray-authors-line',
    ]);
  });

  it('reports text between an authors line and the next report as text-after-authors', () => {
    expect(problems(splitCompendium(withLine(111, '多出来的一段。'), FILE))).toEqual([
      '111 text-after-authors',
    ]);
  });

  it('splits a BOM and CRLF line endings like the plain file', () => {
    const plain = splitCompendium(valid, FILE);
    const windows = splitCompendium(`\uFEFF${valid.replace(/\n/g, '\r\n')}`, FILE);
    expect(windows.ok && plain.ok && windows.reports.map((report) => report.markdown)).toEqual(
      plain.ok && plain.reports.map((report) => report.markdown),
    );
  });
});

describe('text no report would keep', () => {
  it('is reported when it sits between the table of contents and the first report', () => {
    expect(problems(splitCompendium(withLine(66, '一段不属于任何报告的文字。'), FILE))).toEqual([
      '66 text-before-first-report',
    ]);
  });
});

describe('a report the table of contents does not list', () => {
  it('is reported at its title instead of as a stray authors line', () => {
    // Drops the second entry (two lines), so the second report's title moves from line 112 to 110.
    const text = valid.replace(
      '- 4 深化“五个纪委”建设 带头打造廉洁机关\n市纪委监委机关党委课题组\n',
      '',
    );
    const result = splitCompendium(text, FILE);
    expect(problems(result)).toEqual(['110 report-without-toc-entry']);
  });
});
