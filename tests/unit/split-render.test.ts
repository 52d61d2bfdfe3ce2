import { describe, expect, it } from 'vitest';
import { Problems } from '../../scripts/split/errors.ts';
import type { Report } from '../../scripts/split/model.ts';
import { countCharacters, renderFrontmatter, renderReport } from '../../scripts/split/render.ts';
import { checkMarkdown } from '../../scripts/split/self-check.ts';

function report(overrides: Partial<Report> = {}): Report {
  return {
    order: 5,
    id: '05',
    title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
    subtitle: '以华侨路街道为例',
    unit: '市委党校课题组',
    authors: ['任小艳', '刘玉东'],
    page: 19,
    endPage: 23,
    body: [
      {
        type: 'paragraph',
        text: '近年来，党中央高度重视基层减负问题。',
        numbered: false,
        lines: [561],
      },
      { type: 'section', text: '一、基层治理“小马拉大车”问题破解实施现状', lines: [563] },
      { type: 'subsection', text: '(二) 资源整合：深度性与持续性有待突破', lines: [565] },
      {
        type: 'paragraph',
        text: '1. 加强机制建设，为减负提供指导。一是制定相关文件。',
        numbered: true,
        lines: [577, 579],
      },
    ],
    repairs: [],
    bodyLines: [],
    headerLine: 553,
    ...overrides,
  };
}

describe('renderReport', () => {
  it('renders frontmatter in schema order and the body as headings and paragraphs', () => {
    expect(renderReport(report())).toBe(
      [
        '---',
        'order: 5',
        'id: "05"',
        'title: 深化作风建设 破解基层治理“小马拉大车”问题研究',
        'subtitle: 以华侨路街道为例',
        'unit: 市委党校课题组',
        'authors: [任小艳, 刘玉东]',
        'page: 19',
        'endPage: 23',
        'sections: 1',
        'subsections: 1',
        'paragraphs: 2',
        'characters: 84',
        '---',
        '',
        '近年来，党中央高度重视基层减负问题。',
        '',
        '## 一、基层治理“小马拉大车”问题破解实施现状',
        '',
        // The punctuation rule (scripts/split/punctuation.ts) presents the half-width `(二) `.
        '### （二）资源整合：深度性与持续性有待突破',
        '',
        '1\\. 加强机制建设，为减负提供指导。一是制定相关文件。',
        '',
      ].join('\n'),
    );
  });

  it('leaves out subtitle and endPage when absent and writes an empty author list as []', () => {
    const markdown = renderReport(report({ subtitle: undefined, endPage: undefined, authors: [] }));
    expect(markdown).toContain('unit: 市委党校课题组\nauthors: []\npage: 19\nsections: 1\n');
    expect(markdown).not.toMatch(/subtitle|endPage/);
  });

  it('escapes Markdown syntax in Chinese text only as far as needed and round-trips it unchanged', () => {
    const body: Report['body'] = [
      {
        type: 'paragraph',
        text: '实现了“1+1+1>3”的协同效应，*星号*与_下划线_、[方括号]、<尖括号>、a&b。',
        numbered: false,
        lines: [1],
      },
      { type: 'paragraph', text: '+1 名居民与 # 号开头的句子。', numbered: false, lines: [3] },
      { type: 'paragraph', text: '10. 两位数编号的段落。', numbered: true, lines: [5] },
    ];
    const tampered = report({ body });
    const markdown = renderReport(tampered);
    expect(markdown.split('---\n\n')[1]).toBe(
      // `+1` and `_下` cannot start a list or emphasis there, so they stay as typed (the space
      // between `1` and `名` is the punctuation rule's).
      '实现了“1+1+1>3”的协同效应，\\*星号\\*与_下划线\\_、\\[方括号]、<尖括号>、a\\&b。\n\n+1名居民与 # 号开头的句子。\n\n10\\. 两位数编号的段落。\n',
    );
    const problems = new Problems('x.txt');
    checkMarkdown(tampered, markdown, problems);
    expect(problems.messages).toEqual([]);
  });

  it('quotes a YAML value only when it would otherwise change type or meaning', () => {
    expect(renderFrontmatter({ id: '05', title: '标题: 含冒号', authors: [] })).toBe(
      'id: "05"\ntitle: "标题: 含冒号"\nauthors: []',
    );
  });
});

describe('countCharacters', () => {
  it('counts code points that are not whitespace', () => {
    expect(countCharacters('全市 24 个试点\n社区')).toBe(9);
  });
});
