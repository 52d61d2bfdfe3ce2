/** The reader's pure helpers: ids, section lists, ordering and neighbours, pages, reading time. */
import { describe, expect, it } from 'vitest';
import { createIdCounter, parseBlockId, sectionOf } from '../../src/lib/ids.ts';
import { listSections, nestSections } from '../../src/lib/sections.ts';
import {
  describeReport,
  findNeighbours,
  formatAuthors,
  formatFullTitle,
  formatPageRange,
  sortByOrder,
} from '../../src/lib/reports.ts';
import {
  CHARACTERS_PER_MINUTE,
  estimateReadingMinutes,
  formatReadingTime,
} from '../../src/lib/reading-time.ts';
import { composeTitle } from '../../src/lib/site.ts';
import { formatSitemap, listSitePaths } from '../../src/lib/sitemap.ts';
import { metaContentSecurityPolicy } from '../../src/lib/csp.ts';
import {
  EDITION_KEY,
  LEGACY_EDITION,
  aboutPath,
  citeFilePath,
  editionAboutPath,
  editionKey,
  editionPath,
  hitPath,
  homePath,
  legacyReportFilePath,
  legacyReportPath,
  legacyReportTarget,
  normaliseBase,
  pagefindPath,
  reportAnchorPath,
  reportPath,
  rootFilePath,
  searchPagePath,
  shardPath,
} from '../../src/lib/urls.ts';
import {
  compareEditionsNewestFirst,
  describeHoldings,
  editionKeyOf,
} from '../../src/lib/editions.ts';

describe('id counter', () => {
  it('hands out ids from the place of each heading and paragraph', () => {
    const counter = createIdCounter();
    const ids = [
      counter.paragraph(),
      counter.heading(2),
      counter.paragraph(),
      counter.heading(3),
      counter.paragraph(),
      counter.paragraph(),
      counter.heading(3),
      counter.heading(2),
      counter.heading(3),
      counter.paragraph(),
    ];
    expect(ids).toEqual([
      'p0-1',
      's1',
      'p1-1',
      's1-1',
      'p1-1-1',
      'p1-1-2',
      's1-2',
      's2',
      's2-1',
      'p2-1-1',
    ]);
    expect(ids.every((id) => parseBlockId(id) !== null)).toBe(true);
  });

  it('does not accept slugs or Chinese text as ids', () => {
    expect(['一背景意义', 's1-2-3', 'p1', 'p-1', 's', ''].map(parseBlockId)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('puts a paragraph under its innermost heading and intro paragraphs under none', () => {
    expect(['p2-3-4', 'p2-1', 'p0-1', 's2-3', 's1', 'x'].map(sectionOf)).toEqual([
      's2-3',
      's2',
      '',
      's2-3',
      's1',
      '',
    ]);
  });

  it('reads back the section of every id it hands out, a subsection before any section included', () => {
    const counter = createIdCounter();
    const scopes: [id: string, section: string][] = [];
    let current = '';
    const heading = (depth: 2 | 3): void => {
      current = counter.heading(depth);
      scopes.push([current, current]);
    };
    const paragraph = (): void => {
      scopes.push([counter.paragraph(), current]);
    };
    paragraph();
    heading(3);
    paragraph();
    heading(2);
    paragraph();
    heading(3);
    paragraph();
    paragraph();
    expect(scopes.map(([id]) => id)).toEqual([
      'p0-1',
      's0-1',
      'p0-1-1',
      's1',
      'p1-1',
      's1-1',
      'p1-1-1',
      'p1-1-2',
    ]);
    expect(scopes.map(([id]) => sectionOf(id))).toEqual(scopes.map(([, section]) => section));
  });
});

describe('section list', () => {
  const markdown =
    '引言。\n\n## 一、背景\n\n### （一）时代\n\n1\\. 正文。\n\n### (二) 意义\n\n## 二、做法\n\n正文。\n';

  it('lists headings with the ids the plugin gives them and unescaped text', () => {
    expect(listSections(markdown)).toEqual([
      { id: 's1', depth: 2, text: '一、背景' },
      { id: 's1-1', depth: 3, text: '（一）时代' },
      { id: 's1-2', depth: 3, text: '(二) 意义' },
      { id: 's2', depth: 2, text: '二、做法' },
    ]);
  });

  it('nests subsections under their section', () => {
    const nested = nestSections(listSections(markdown));
    expect(nested.map((node) => [node.id, node.children.map((child) => child.id)])).toEqual([
      ['s1', ['s1-1', 's1-2']],
      ['s2', []],
    ]);
  });
});

describe('report helpers', () => {
  const reports = [
    { id: '03', order: 3, title: '三', unit: 'c', authors: [], page: 9, endPage: 14 },
    {
      id: '01',
      order: 1,
      title: '一',
      subtitle: '副',
      unit: 'a',
      authors: ['甲', '乙'],
      page: 1,
      endPage: 5,
    },
    { id: '02', order: 2, title: '二', unit: 'b', authors: [], page: 6, endPage: 8 },
  ];

  it('sorts by printed order without touching the input', () => {
    expect(sortByOrder(reports).map((report) => report.id)).toEqual(['01', '02', '03']);
    expect(reports[0]?.id).toBe('03');
  });

  it('finds the previous and next report, and none past either end', () => {
    expect(findNeighbours(reports, '02')).toEqual({ prev: reports[1], next: reports[0] });
    expect(findNeighbours(reports, '01').prev).toBeUndefined();
    expect(findNeighbours(reports, '03').next).toBeUndefined();
    expect(findNeighbours(reports, '99')).toEqual({});
  });

  it('formats printed pages with an en dash, and an open range for the last report', () => {
    expect(formatPageRange(19, 23)).toBe('第 19–23 页');
    expect(formatPageRange(8, 8)).toBe('第 8 页');
    expect(formatPageRange(50)).toBe('第 50 页起');
  });

  it('formats bylines, full titles, descriptions and paths', () => {
    expect(formatAuthors(['任小艳', '刘玉东'])).toBe('任小艳、刘玉东');
    expect(formatFullTitle({ title: '深化作风建设', subtitle: '以华侨路街道为例' })).toBe(
      '深化作风建设——以华侨路街道为例',
    );
    expect(describeReport(reports[1]!, '南京新风', '2025 增刊')).toBe(
      '一——副。a（执笔人：甲、乙），载《南京新风》2025 增刊，第 1–5 页。',
    );
  });
});

describe('addresses', () => {
  const r05 = { edition: '2025-zk', id: '05' };

  it('builds every address below any spelling of the base path', () => {
    for (const base of ['/xinfeng', '/xinfeng/', 'xinfeng', '//xinfeng//']) {
      expect(normaliseBase(base)).toBe('/xinfeng/');
      expect(reportPath(base, r05)).toBe('/xinfeng/2025-zk/05/');
    }
    expect(normaliseBase('')).toBe('/');
    expect(reportPath('/', r05)).toBe('/2025-zk/05/');
    expect(reportPath('/', { edition: '2026-01', id: '02' })).toBe('/2026-01/02/');
    expect(reportAnchorPath('/', r05, 's2-3')).toBe('/2025-zk/05/#s2-3');
    expect(reportAnchorPath('/', r05, '')).toBe('/2025-zk/05/');
    expect(hitPath('/x/', r05, '社区 "a"', 'p2-3-4')).toBe(
      '/x/2025-zk/05/?hl=%E7%A4%BE%E5%8C%BA%20%22a%22#p2-3-4',
    );
    expect(hitPath('/', r05, 'a', '')).toBe('/2025-zk/05/?hl=a');
    expect(citeFilePath('/', r05, 'ris')).toBe('/2025-zk/05/cite.ris');
    expect(editionPath('/x', '2025-zk')).toBe('/x/2025-zk/');
    expect(editionAboutPath('/', '2026-01')).toBe('/2026-01/about/');
    expect(searchPagePath('/x', '')).toBe('/x/search/');
    expect(searchPagePath('/', '社区')).toBe('/search/?q=%E7%A4%BE%E5%8C%BA');
    expect(shardPath('/', '2025-zk-05', 'abc')).toBe('/search/reports/2025-zk-05.json?v=abc');
    expect(pagefindPath('/x/', 'pagefind.js')).toBe('/x/pagefind/pagefind.js');
    expect([aboutPath('/'), homePath('/x'), rootFilePath('/', 'boot.js')]).toEqual([
      '/about/',
      '/x/',
      '/boot.js',
    ]);
  });

  it('keeps the first scheme’s addresses for the 2025 增刊, whatever editions are added', () => {
    expect(LEGACY_EDITION).toBe('2025-zk');
    expect(legacyReportPath('/x/', '05')).toBe('/x/reports/05/');
    expect(legacyReportFilePath('/', '05', 'cite.bib')).toBe('/reports/05/cite.bib');
    expect(reportPath('/', legacyReportTarget('05'))).toBe('/2025-zk/05/');
  });

  it('names an edition from its masthead’s year and issue label, and refuses a label of another shape', () => {
    expect(editionKey(2025, '增刊')).toBe('2025-zk');
    expect(editionKey(2025, ' 增 刊 ')).toBe('2025-zk');
    expect(editionKey(2025, '增刊2')).toBe('2025-zk2');
    expect(editionKey(2026, '第1期')).toBe('2026-01');
    expect(editionKey(2026, '第 12 期')).toBe('2026-12');
    expect(editionKey(2026, '特刊')).toBeUndefined();
    expect(editionKey(2026, '第一期')).toBeUndefined();
    for (const key of ['2025-zk', '2025-zk2', '2026-01']) expect(EDITION_KEY.test(key)).toBe(true);
  });
});

describe('editions', () => {
  const edition = (key: string, year: number, printDate: string) => ({
    key,
    publication: { year, printDate },
  });

  it('orders editions newest first by year, then printed month', () => {
    const sorted = [
      edition('2025-03', 2025, '2025年6月'),
      edition('2026-01', 2026, '2026年3月'),
      edition('2025-zk', 2025, '2025年12月'),
    ].sort(compareEditionsNewestFirst);
    expect(sorted.map((e) => e.key)).toEqual(['2026-01', '2025-zk', '2025-03']);
  });

  it('reads the key from the publication data', () => {
    expect(editionKeyOf({ year: 2026, issue: '2026 第1期' })).toBe('2026-01');
    expect(editionKeyOf({ year: 2025, issue: '2025 增刊' })).toBe('2025-zk');
  });

  it('names the holdings by the one issue, or by their number', () => {
    const one = { publication: { issue: '2025 增刊' } };
    expect(describeHoldings([one])).toBe('2025 增刊');
    expect(describeHoldings([one, one])).toBe('共 2 期');
  });
});

describe('reading time', () => {
  it('reads 400 characters a minute and rounds up', () => {
    expect(CHARACTERS_PER_MINUTE).toBe(400);
    expect(estimateReadingMinutes(5105)).toBe(13);
    expect(estimateReadingMinutes(400)).toBe(1);
    expect(estimateReadingMinutes(401)).toBe(2);
    expect(estimateReadingMinutes(0)).toBe(1);
    expect(formatReadingTime(5105)).toBe('约 13 分钟');
  });
});

describe('site helpers', () => {
  it('drops the directives a meta policy ignores and keeps the rest in order', () => {
    expect(
      metaContentSecurityPolicy("default-src 'self'; frame-ancestors 'none'; img-src 'self' data:"),
    ).toBe("default-src 'self'; img-src 'self' data:");
    expect(metaContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(metaContentSecurityPolicy()).toContain("script-src 'self'; ");
  });

  it('composes page titles', () => {
    expect(composeTitle()).toBe('新风文库');
    expect(composeTitle('关于本刊')).toBe('关于本刊 · 新风文库');
  });
});

describe('sitemap', () => {
  const editions = [
    { key: '2026-01', reports: [{ edition: '2026-01', id: '01' }] },
    { key: '2025-zk', reports: [{ edition: '2025-zk', id: '05' }] },
  ];

  it('lists every page of every edition, not the redirect pages', () => {
    expect(listSitePaths(editions, '/x/')).toEqual([
      '/x/',
      '/x/search/',
      '/x/2026-01/',
      '/x/2026-01/about/',
      '/x/2026-01/01/',
      '/x/2025-zk/',
      '/x/2025-zk/about/',
      '/x/2025-zk/05/',
    ]);
  });

  it('writes absolute URLs as sitemap entries, XML-escaped', () => {
    expect(formatSitemap(['https://h/a?b=1&c=2'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://h/a?b=1&#38;c=2</loc></url>\n</urlset>\n',
    );
  });
});
