import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/split.ts';
import { splitCompendiumBytes, type SplitSuccess } from '../../scripts/split/split-compendium.ts';
import { fixturesDir } from '../fixtures/split/load.ts';
import { asEdition } from '../helpers/second-edition.ts';

const FILE = 'nanjing-xinfeng-2025-supplement.txt';
const sourcePath = path.join('content', 'source', FILE);
const bytes = (): Uint8Array => new Uint8Array(readFileSync(sourcePath));

function split(): SplitSuccess {
  const result = splitCompendiumBytes(bytes(), FILE);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result;
}

const result = split();

describe('the split of the real compendium', () => {
  it('finds the twelve reports with their table-of-contents metadata and heading counts', () => {
    const rows = result.reports.map(({ report, counts }) => [
      report.id,
      report.title,
      report.subtitle ?? '',
      report.unit,
      report.page,
      report.endPage ?? null,
      report.authors.length,
      counts.sections,
      counts.subsections,
    ]);
    expect(rows).toEqual([
      [
        '01',
        '南京市党建引领“专业社工+志愿服务”融合发展调研报告',
        '',
        '市委社会工作部课题组',
        1,
        5,
        2,
        5,
        13,
      ],
      ['02', '基于NLP技术的南京生态环保铁军作风建设研究', '', '市生态环境局课题组', 6, 8, 5, 4, 8],
      ['03', '关于加强青年思想政治引领的研究与思考', '', '市市场监督管理局课题组', 9, 14, 3, 4, 14],
      [
        '04',
        '深化“五个纪委”建设 带头打造廉洁机关',
        '',
        '市纪委监委机关党委课题组',
        15,
        18,
        0,
        3,
        13,
      ],
      [
        '05',
        '深化作风建设 破解基层治理“小马拉大车”问题研究',
        '以华侨路街道为例',
        '市委党校课题组',
        19,
        23,
        2,
        4,
        12,
      ],
      [
        '06',
        '增强机关基层党组织组织力凝聚力 深化模范机关建设研究',
        '',
        '市规划和自然资源局课题组',
        24,
        27,
        5,
        3,
        11,
      ],
      ['07', '加强机关基层党组织建设的研究与思考', '', '市委编办课题组', 28, 31, 5, 3, 9],
      [
        '08',
        '“一部门一支部”架构下企业服务中心党建与业务深度融合的赋能机制研究',
        '基于双融双促的提质增效路径探索',
        '市工信局机关党委课题组',
        32,
        36,
        2,
        6,
        16,
      ],
      [
        '09',
        '对增强机关处室党支部自建能力 推动机关党建创新发展的研究与思考',
        '',
        '市政府外事办公室课题组',
        37,
        41,
        4,
        3,
        15,
      ],
      [
        '10',
        '以“四个突出”着力加强办公厅（室）政治建设的途径研究',
        '',
        '市政府办公厅机关党委课题组',
        42,
        45,
        3,
        3,
        7,
      ],
      [
        '11',
        '关于财政机关党的纪律教育约束和保障激励工作的研究及对策建议',
        '',
        '市财政局机关党委课题组',
        46,
        49,
        4,
        5,
        14,
      ],
      [
        '12',
        '完善党员教育培训作用发挥机制的实践与思考',
        '基于江宁区区级层面的探索',
        '江宁区区级机关工委课题组',
        50,
        null,
        4,
        3,
        9,
      ],
    ]);
  });

  it('reads the authors of a report from its closing line, names split on spaces', () => {
    expect(result.reports[11]?.report.authors).toEqual(['夏巍巍', '方广和', '丁健', '胡倩']);
    expect(result.reports[1]?.report.authors).toEqual([
      '周宁晖',
      '印华斌',
      '钱小刚',
      '王声宇',
      '吴建军',
    ]);
  });

  it('repairs 77 breaks, one of them a heading, and leaves no paragraph ending mid-sentence', () => {
    expect(result.repairs).toHaveLength(77);
    expect(
      result.repairs
        .filter((repair) => repair.kind === 'heading')
        .map((repair) => [repair.line, repair.joinedLine]),
    ).toEqual([[946, 948]]);
    expect(result.warnings.filter((warning) => warning.ruleId === 'unjoined-cut')).toEqual([]);
  });

  it('joins the example break so search finds 康藏路社区', () => {
    const paragraph = result.reports[0]?.report.body.find((node) => node.lines.includes(101));
    expect(paragraph?.lines).toEqual([101, 103]);
    expect(paragraph?.text).toContain('鼓楼区康藏路社区老年群体多');
  });

  it('warns about the oddities it keeps as printed: two masthead discrepancies and a repeated heading number', () => {
    expect(result.warnings.map((warning) => `${warning.line} ${warning.ruleId}`)).toEqual([
      '56 permit-mismatch',
      '121 numbering-sequence',
      '1428 photographer-mismatch',
    ]);
  });

  it('reads the publication data from the masthead', () => {
    expect(result.publication).toMatchObject({
      journal: '南京新风',
      journalLatin: 'NAN JING XIN FENG',
      issue: '2025 增刊',
      year: 2025,
      host: '中共南京市委市级机关工作委员会',
      publisher: '《南京新风》编辑部',
      postcode: '210008',
      email: 'njxftg@163.com',
      printRun: '2000册',
      printDate: '2025年12月',
      permit: 'S(2025)01000259',
      printer: '南京力牛文化传媒有限公司',
      coverPhoto: { title: '禄口机场', photographer: '林琨' },
      notice: '内部资料 免费交流',
      collectionTitle: '2025 年全市机关党建课题研究优秀成果汇编',
    });
    expect(result.publication.committee.map((role) => `${role.role}:${role.names.length}`)).toEqual(
      [
        '主任:1',
        '副主任:6',
        '委员:12',
        '特邀编委:19',
        '主编:1',
        '副主编:1',
        '执行主编:1',
        '责任编辑:5',
        '版面设计:1',
      ],
    );
  });

  it('gives byte-identical output on a second run', () => {
    const again = split();
    expect(again.reports.map((report) => report.markdown)).toEqual(
      result.reports.map((report) => report.markdown),
    );
    expect(again.publicationJson).toBe(result.publicationJson);
  });

  it('matches the committed content/editions/2025-zk byte for byte (run npm run split if stale)', () => {
    const edition = path.join('content', 'editions', '2025-zk');
    const committed = readdirSync(path.join(edition, 'reports')).sort();
    expect(committed).toEqual(result.reports.map((report) => report.fileName));
    for (const report of result.reports) {
      expect(
        readFileSync(path.join(edition, 'reports', report.fileName), 'utf8'),
        report.fileName,
      ).toBe(report.markdown);
    }
    expect(readFileSync(path.join(edition, 'publication.json'), 'utf8')).toBe(
      result.publicationJson,
    );
  });
});

describe('the split CLI', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'split-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const fixture = path.join(fixturesDir, 'compendium', 'two-reports', 'input.txt');

  const editions = path.join(scratch, 'out', 'editions');
  const reports = path.join(editions, '2025-zk', 'reports');

  it('replaces the editions folder wholesale, names the edition from its masthead, and exits 0', async () => {
    mkdirSync(path.join(editions, '2024-zk', 'reports'), { recursive: true });
    writeFileSync(path.join(editions, '2024-zk', 'reports', 'provisional.md'), 'sample');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main([fixture, '--out', path.join(scratch, 'out')])).toBe(0);
    log.mockRestore();
    error.mockRestore();
    expect(readdirSync(editions)).toEqual(['2025-zk']);
    expect(readdirSync(reports)).toEqual(['01.md', '02.md']);
    expect(readdirSync(path.join(editions, '2025-zk')).sort()).toEqual([
      'publication.json',
      'reports',
    ]);
    expect(readdirSync(path.join(scratch, 'out'))).toEqual(['editions']);
  });

  it('leaves an output that is already up to date untouched', async () => {
    const file = path.join(reports, '01.md');
    const before = statSync(file).mtimeMs;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main([fixture, '--out', path.join(scratch, 'out')])).toBe(0);
    log.mockRestore();
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('exits 1 on bad input with file:line rule-id lines, no stack trace, and leaves the folder untouched', async () => {
    const bad = path.join(scratch, FILE);
    writeFileSync(bad, readFileSync(fixture, 'utf8').replace('\n目录\n', '\n目次\n'));
    const before = readFileSync(path.join(reports, '01.md'), 'utf8');
    const lines: string[] = [];
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((message: unknown) => void lines.push(String(message)));
    expect(await main([bad, '--out', path.join(scratch, 'out')])).toBe(1);
    error.mockRestore();
    expect(lines[lines.length - 2]).toBe(
      `${FILE}:1 missing-toc: expected a line "目录" followed by the table of contents, found none in 133 lines`,
    );
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(reports, '01.md'), 'utf8')).toBe(before);
    expect(existsSync(path.join(reports, '02.md'))).toBe(true);
  });

  it('splits several files into one folder per edition, each named from its own masthead', async () => {
    const other = path.join(scratch, 'misnamed-2025-supplement.txt');
    writeFileSync(other, asEdition(readFileSync(fixture, 'utf8'), 2026, '第1期'));
    const out = path.join(scratch, 'two');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main([fixture, other, '--out', out])).toBe(0);
    log.mockRestore();
    expect(readdirSync(path.join(out, 'editions')).sort()).toEqual(['2025-zk', '2026-01']);
    expect(
      JSON.parse(readFileSync(path.join(out, 'editions', '2026-01', 'publication.json'), 'utf8')),
    ).toMatchObject({ year: 2026, issue: '2026 第1期' });
  });

  it('refuses two files of the same edition and an issue label with no address, and writes nothing', async () => {
    const copy = path.join(scratch, 'copy.txt');
    writeFileSync(copy, readFileSync(fixture, 'utf8'));
    const special = path.join(scratch, 'special.txt');
    writeFileSync(special, asEdition(readFileSync(fixture, 'utf8'), 2026, '特刊'));
    const out = path.join(scratch, 'refused');
    const lines: string[] = [];
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((message: unknown) => void lines.push(String(message)));
    expect(await main([fixture, copy, special, '--out', out])).toBe(1);
    error.mockRestore();
    const issueLine = readFileSync(fixture, 'utf8').split('\n').indexOf('增刊') + 1;
    expect(lines.filter((line) => /edition-/.test(line))).toEqual([
      `copy.txt:${issueLine} edition-duplicate: expected one source file per edition, but input.txt is already "2025 增刊", found "2025 增刊"`,
      `special.txt:${issueLine} edition-unknown-issue: expected an issue label "增刊", "增刊N" or "第N期" under the year on the masthead, found "特刊"`,
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
