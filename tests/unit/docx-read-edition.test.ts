/** The Word stage reads reports through the content schema and remark, and says where input is wrong. */
import { describe, expect, it } from 'vitest';
import { parseReport, readEdition } from '../../scripts/docx/read-edition.ts';
import { parsePublicationFile } from '../../scripts/lib/report-files.ts';

const FRONTMATTER = `---
order: 5
id: "05"
title: 深化作风建设 破解基层治理“小马拉大车”问题研究
subtitle: 以华侨路街道为例
unit: 市委党校课题组
authors: [任小艳, 刘玉东]
page: 19
endPage: 23
sections: 1
subsections: 1
paragraphs: 3
characters: 40
---
`;

describe('parseReport', () => {
  it('reads headings and paragraphs in order, resolving the escape of a printed number', () => {
    const report = parseReport(
      `${FRONTMATTER}\n导语。\n\n## 一、现状\n\n### （一）个案\n\n1\\. 加强机制建设，为减负提供指导。一是……\n\n结语。\n`,
      '05.md',
    );
    expect(report.meta.unit).toBe('市委党校课题组');
    expect(report.meta.subtitle).toBe('以华侨路街道为例');
    expect(report.blocks).toEqual([
      { kind: 'paragraph', text: '导语。' },
      { kind: 'section', text: '一、现状' },
      { kind: 'subsection', text: '（一）个案' },
      { kind: 'paragraph', text: '1. 加强机制建设，为减负提供指导。一是……' },
      { kind: 'paragraph', text: '结语。' },
    ]);
  });

  it('names the file and the field when the frontmatter breaks the schema', () => {
    const broken = FRONTMATTER.replace('unit: 市委党校课题组\n', '');
    expect(() => parseReport(`${broken}\n正文。\n`, 'content/reports/05.md')).toThrow(
      'content/reports/05.md:1 invalid-frontmatter: expected the report schema, found unit: Required',
    );
  });

  it('reports every block it cannot set, each with its line', () => {
    const markdown = `${FRONTMATTER}\n正文。\n\n- 列表项\n\n带*强调*的段落。\n\n#### 四级标题\n`;
    let message = '';
    try {
      parseReport(markdown, '05.md');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '05.md:18 docx-unexpected-block: expected a ## or ### heading or a paragraph of plain text, found a list node',
      '05.md:20 docx-unexpected-block: expected a ## or ### heading or a paragraph of plain text, found a paragraph node with inline markup',
      '05.md:22 docx-unexpected-block: expected a ## or ### heading or a paragraph of plain text, found a level-4 heading',
    ]);
  });

  it('refuses a file without frontmatter', () => {
    expect(() => parseReport('正文。\n', '05.md')).toThrow(
      '05.md:1 missing-frontmatter: expected YAML frontmatter, found none',
    );
  });
});

describe('parsePublicationFile', () => {
  it('names the fields the publication schema misses', () => {
    expect(() => parsePublicationFile('{"journal":"南京新风"}', 'publication.json')).toThrow(
      /^publication\.json:1 invalid-publication: expected the publication schema, found journalLatin: Required; /,
    );
  });

  it('says when the file is not JSON', () => {
    expect(() => parsePublicationFile('{', 'publication.json')).toThrow(
      /^publication\.json:1 invalid-json: expected JSON, found /,
    );
  });
});

describe('readEdition on content/', () => {
  const edition = readEdition('content/editions/2025-zk');

  it('reads every report in printed order', () => {
    expect(edition.reports.map((report) => report.meta.order)).toEqual(
      edition.reports.map((_, index) => index + 1),
    );
    expect(edition.reports.length).toBeGreaterThanOrEqual(12);
    expect(edition.publication.issue).toBe('2025 增刊');
  });

  it('finds as many sections, subsections and paragraphs as each frontmatter counts', () => {
    for (const { meta, blocks } of edition.reports) {
      const count = (kind: string) => blocks.filter((block) => block.kind === kind).length;
      expect(
        [count('section'), count('subsection'), count('paragraph')],
        `report ${meta.id}`,
      ).toEqual([meta.sections, meta.subsections, meta.paragraphs]);
    }
  });
});
