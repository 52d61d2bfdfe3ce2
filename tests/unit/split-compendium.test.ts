import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitCompendium, type SplitSuccess } from '../../scripts/split/split-compendium.ts';
import { classifyLines } from '../../scripts/split/classify.ts';
import { findUnlistedHeaders } from '../../scripts/split/group.ts';
import type { Block } from '../../scripts/split/model.ts';
import { formatSummary } from '../../scripts/split/summary.ts';
import { expectedFolder, listCases } from '../fixtures/split/load.ts';

/** Everything a split produces, as the files of an expectation folder. */
function outputFiles(result: SplitSuccess): Record<string, string> {
  const files: Record<string, string> = {};
  for (const report of result.reports) files[report.fileName] = report.markdown;
  files['publication.json'] = result.publicationJson;
  const repairs = result.repairs.map(
    (repair) =>
      `${repair.kind} ${repair.line}+${repair.joinedLine} …${repair.before}|${repair.after}…`,
  );
  files['summary.txt'] = [
    formatSummary(result.reports),
    '',
    ...result.warnings.map((warning) => `warning: ${warning.message}`),
    '',
    ...repairs,
    '',
  ].join('\n');
  return files;
}

/** The input text of a named compendium fixture. */
function input(name: 'two-reports' | 'three-reports'): string {
  const fixture = listCases('compendium').find((entry) => entry.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture.input;
}

function splitOk(text: string, fileName = 'input.txt'): SplitSuccess {
  const result = splitCompendium(text, fileName);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result;
}

describe('synthetic compendia built from excerpts of the real source', () => {
  for (const fixture of listCases('compendium')) {
    it(`splits "${fixture.name}" into the expected files`, () => {
      const actual = outputFiles(splitOk(fixture.input));
      expect(actual).toEqual(expectedFolder(path.join(fixture.dir, 'expected'), actual));
    });
  }

  it('follows the table of contents: two entries give two reports, three give three', () => {
    const [two, three] = [input('two-reports'), input('three-reports')].map((text) =>
      splitOk(text).reports.map((entry) => entry.report.title),
    );
    expect(three).toEqual([
      '南京市党建引领“专业社工+志愿服务”融合发展调研报告',
      '“一部门一支部”架构下企业服务中心党建与业务深度融合的赋能机制研究',
      '完善党员教育培训作用发挥机制的实践与思考',
    ]);
    expect(two).toEqual([
      '深化作风建设 破解基层治理“小马拉大车”问题研究',
      '深化“五个纪委”建设 带头打造廉洁机关',
    ]);
  });

  it('reads a title wrapped over two lines and takes the subtitle from the report header', () => {
    const report = splitOk(input('two-reports')).reports[0]?.report;
    expect(report).toMatchObject({
      order: 1,
      id: '01',
      subtitle: '以华侨路街道为例',
      unit: '市委党校课题组',
      authors: ['任小艳', '刘玉东'],
      page: 1,
      endPage: 3,
    });
  });

  it('gives a report without an authors line an empty author list and the last report no end page', () => {
    const report = splitOk(input('two-reports')).reports[1]?.report;
    expect(report?.authors).toEqual([]);
    expect(report?.endPage).toBeUndefined();
    expect(report?.body.at(-1)?.text.endsWith('传导压力。')).toBe(true);
  });

  it('matches a printed title with a stray space and keeps a subtitle the table of contents lacks', () => {
    const report = splitOk(input('three-reports')).reports[1]?.report;
    expect(report?.title).toBe('“一部门一支部”架构下企业服务中心党建与业务深度融合的赋能机制研究');
    expect(report?.subtitle).toBe('基于双融双促的提质增效路径探索');
  });

  it('gives byte-identical output for CRLF line endings and a BOM', () => {
    const plain = outputFiles(splitOk(input('two-reports')));
    const windows = outputFiles(splitOk(`\uFEFF${input('two-reports').replace(/\n/g, '\r\n')}`));
    expect(windows).toEqual(plain);
  });
});

describe('findUnlistedHeaders', () => {
  const blocks = (...texts: string[]): Block[] =>
    classifyLines(texts.map((text, index) => ({ number: index + 1, text })));

  it('finds a title and unit inside a body, a subtitle between them allowed', () => {
    expect([
      ...findUnlistedHeaders(
        blocks(
          '压实责任、传导压力。',
          '深化作风建设 破解基层治理“小马拉大车”问题研究',
          '——以华侨路街道为例',
          '市委党校课题组',
          '正文第一段。',
        ),
      ),
    ]).toEqual([1]);
  });

  it('takes no body line ending in 组 after a finished sentence for a unit line', () => {
    expect([
      ...findUnlistedHeaders(blocks('市委成立了专项工作组。', '工作领导小组', '正文。')),
    ]).toEqual([]);
  });
});
