import { describe, expect, it } from 'vitest';
import { Problems } from '../../scripts/split/errors.ts';
import { groupReports } from '../../scripts/split/group.ts';
import { splitLines } from '../../scripts/split/read-lines.ts';
import { parseToc } from '../../scripts/split/toc.ts';
import { compactKey, normaliseSpacing } from '../../scripts/split/text.ts';

// Lines 59–71 of the real source: the heading and the first five entries, one with a subtitle.
const TOC = `目录

- 1 南京市党建引领“专业社工+志愿服务”融合发展调研报告
市委社会工作部课题组
- 6 基于NLP技术的南京生态环保铁军作风建设研究
市生态环境局课题组
- 19 深化作风建设 破解基层治理“小马拉大车”问题研究
——以华侨路街道为例
市委党校课题组
`;

describe('parseToc', () => {
  it('reads page, title, optional subtitle and unit of every entry', () => {
    const problems = new Problems('x.txt');
    const toc = parseToc(splitLines(TOC), problems);
    expect(problems.messages).toEqual([]);
    expect(toc?.entries).toEqual([
      {
        order: 1,
        page: 1,
        title: '南京市党建引领“专业社工+志愿服务”融合发展调研报告',
        unit: '市委社会工作部课题组',
        line: 3,
      },
      {
        order: 2,
        page: 6,
        title: '基于NLP技术的南京生态环保铁军作风建设研究',
        unit: '市生态环境局课题组',
        line: 5,
      },
      {
        order: 3,
        page: 19,
        title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
        subtitle: '以华侨路街道为例',
        unit: '市委党校课题组',
        line: 7,
      },
    ]);
    // A 0-based index: the line after the last unit (line 9).
    expect(toc?.endIndex).toBe(9);
  });

  it('ends at the first line that is not an entry, so the first report title is not read as one', () => {
    const problems = new Problems('x.txt');
    const toc = parseToc(
      splitLines(`${TOC}\n南京市党建引领“专业社工+志愿服务” 融合发展调研报告\n`),
      problems,
    );
    expect(toc?.entries).toHaveLength(3);
  });
});

describe('normalising titles', () => {
  it('matches titles ignoring every space and keeps single spaces for display', () => {
    expect(compactKey('基于 NLP 技术的南京生态环保铁军 作风建设研究')).toBe(
      compactKey('基于NLP技术的南京生态环保铁军作风建设研究'),
    );
    expect(normaliseSpacing('  深化“五个纪委”建设   带头打造廉洁机关 ')).toBe(
      '深化“五个纪委”建设 带头打造廉洁机关',
    );
  });
});

describe('groupReports', () => {
  const header = (title: string): string => `目录\n\n- 1 ${title}\n市委党校课题组\n\n`;

  it('finds a title wrapped over two lines with a blank line between', () => {
    const text = `${header('深化作风建设 破解基层治理“小马拉大车”问题研究')}深化作风建设 破解基层治理\n\n“小马拉大车”问题研究\n\n——以华侨路街道为例\n\n市委党校课题组\n\n正文一段。\n`;
    const lines = splitLines(text);
    const problems = new Problems('x.txt');
    const toc = parseToc(lines, problems);
    const { reports } = groupReports(lines, toc?.entries ?? [], toc?.endIndex ?? 0, problems);
    expect(problems.messages).toEqual([]);
    expect(reports[0]).toMatchObject({
      headerLine: 6,
      subtitle: '以华侨路街道为例',
      body: [{ type: 'paragraph', text: '正文一段。', lines: [14] }],
    });
  });

  it('finds a title printed with a stray space where it wrapped', () => {
    const text = `${header('南京市党建引领“专业社工+志愿服务”融合发展调研报告')}南京市党建引领“专业社工+志愿服务” 融合发展调研报告\n\n市委党校课题组\n\n正文。\n`;
    const lines = splitLines(text);
    const problems = new Problems('x.txt');
    const toc = parseToc(lines, problems);
    const { reports } = groupReports(lines, toc?.entries ?? [], toc?.endIndex ?? 0, problems);
    expect(reports.map((report) => report.title)).toEqual([
      '南京市党建引领“专业社工+志愿服务”融合发展调研报告',
    ]);
  });
});
