/** Pinned outputs of the citation formats: GB/T 7714—2025, —2015, BibTeX and RIS. */
import { describe, expect, it } from 'vitest';
import {
  citationKey,
  escapeBibtex,
  formatBibtex,
  formatGbt2015,
  formatGbt2025,
  formatGbtAuthors,
  formatRis,
  type CitationSource,
} from '../../src/lib/citation.ts';
import {
  buildCitationSource,
  citedIssue,
  issueWithoutYear,
} from '../../src/lib/report-citation.ts';

const withSubtitle: CitationSource = {
  title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
  subtitle: '以华侨路街道为例',
  unit: '市委党校课题组',
  authors: ['任小艳', '刘玉东'],
  journal: '南京新风',
  year: 2025,
  issue: '增刊',
  page: 19,
  endPage: 23,
};

const corporate: CitationSource = {
  title: '深化“五个纪委”建设 带头打造廉洁机关',
  unit: '市纪委监委机关党委课题组',
  authors: [],
  journal: '南京新风',
  year: 2025,
  issue: '增刊',
  page: 15,
  endPage: 18,
};

const lastReport: CitationSource = {
  title: '完善党员教育培训作用发挥机制的实践与思考',
  unit: '江宁区区级机关工委课题组',
  authors: ['夏巍巍', '方广和', '丁健', '胡倩'],
  journal: '南京新风',
  year: 2025,
  issue: '增刊',
  page: 50,
};

describe('GB/T 7714 references', () => {
  it('keeps the printed dash before a subtitle in the 2025 form', () => {
    expect(formatGbt2025(withSubtitle)).toBe(
      '任小艳, 刘玉东. 深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例[J]. 南京新风, 2025(增刊): 19-23.',
    );
  });

  it('joins the subtitle with a colon in the 2015 form', () => {
    expect(formatGbt2015(withSubtitle)).toBe(
      '任小艳, 刘玉东. 深化作风建设 破解基层治理“小马拉大车”问题研究: 以华侨路街道为例[J]. 南京新风, 2025(增刊): 19-23.',
    );
  });

  it('cites the research group as corporate author when no writer is named', () => {
    expect(formatGbt2025(corporate)).toBe(
      '市纪委监委机关党委课题组. 深化“五个纪委”建设 带头打造廉洁机关[J]. 南京新风, 2025(增刊): 15-18.',
    );
    expect(formatGbt2015(corporate)).toBe(formatGbt2025(corporate));
  });

  it('lists three writers and then 等, and gives only the start page when the end is unknown', () => {
    expect(formatGbt2025(lastReport)).toBe(
      '夏巍巍, 方广和, 丁健, 等. 完善党员教育培训作用发挥机制的实践与思考[J]. 南京新风, 2025(增刊): 50.',
    );
  });

  it('lists exactly three writers without 等', () => {
    expect(formatGbtAuthors({ authors: ['甲', '乙', '丙'], unit: 'x' })).toBe('甲, 乙, 丙');
  });
});

describe('BibTeX', () => {
  it('writes an @article with writers joined by and', () => {
    expect(formatBibtex(withSubtitle, citationKey('2025-zk', '05'))).toBe(
      [
        '@article{nanjingxinfeng-2025-zk-05,',
        '  author   = {任小艳 and 刘玉东},',
        '  title    = {深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例},',
        '  journal  = {南京新风},',
        '  year     = {2025},',
        '  number   = {增刊},',
        '  pages    = {19--23},',
        '  language = {zh},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('double-braces a corporate author and adds the URL when known', () => {
    const entry = formatBibtex({ ...corporate, url: 'https://example.org/reports/04/' }, 'k');
    expect(entry).toContain('  author   = {{市纪委监委机关党委课题组}},\n');
    expect(entry).toContain('  url      = {https://example.org/reports/04/},\n');
  });

  it('escapes characters BibTeX treats specially', () => {
    expect(escapeBibtex('50% & {x} #1 a_b $')).toBe('50\\% \\& \\{x\\} \\#1 a\\_b \\$');
  });
});

describe('RIS', () => {
  it('writes a JOUR record with CRLF line ends, writers and their unit', () => {
    expect(formatRis(withSubtitle)).toBe(
      [
        'TY  - JOUR',
        'AU  - 任小艳',
        'AU  - 刘玉东',
        'AD  - 市委党校课题组',
        'TI  - 深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例',
        'T2  - 南京新风',
        'PY  - 2025',
        'IS  - 增刊',
        'SP  - 19',
        'EP  - 23',
        'LA  - zh',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('uses the unit as author and omits EP when the end page is unknown', () => {
    const record = formatRis({ ...corporate, endPage: undefined });
    expect(record).toContain('AU  - 市纪委监委机关党委课题组\r\n');
    expect(record).not.toContain('EP  -');
    expect(record).not.toContain('AD  -');
  });
});

describe('citation data of a report', () => {
  it('takes the year out of the issue label', () => {
    expect(issueWithoutYear('2025 增刊', 2025)).toBe('增刊');
    expect(issueWithoutYear('增刊', 2025)).toBe('增刊');
  });

  it('adds the absolute page URL under the base path only when the site URL is known', () => {
    const report = {
      edition: '2025-zk',
      id: '05',
      order: 5,
      title: 't',
      unit: 'u',
      authors: [],
      page: 19,
      endPage: 23,
    };
    const publication = { journal: '南京新风', year: 2025, issue: '2025 增刊' };
    expect(buildCitationSource(report, publication).url).toBeUndefined();
    const source = buildCitationSource(
      report,
      publication,
      new URL('https://intranet.example/'),
      '/xinfeng/',
    );
    expect(source.url).toBe('https://intranet.example/xinfeng/2025-zk/05/');
    expect(source.issue).toBe('增刊');
  });

  it('cites a regular issue by its number and a supplement by its label', () => {
    expect(citedIssue({ year: 2026, issue: '2026 第1期' })).toBe('1');
    expect(citedIssue({ year: 2026, issue: '2026 第 12 期' })).toBe('12');
    expect(citedIssue({ year: 2025, issue: '2025 增刊' })).toBe('增刊');
    expect(citedIssue({ year: 2025, issue: '2025 增刊2' })).toBe('增刊2');
  });

  it('names the edition in the reference and keeps BibTeX keys apart across editions', () => {
    const report = {
      edition: '2026-01',
      id: '02',
      order: 2,
      title: 't',
      unit: 'u',
      authors: ['甲'],
      page: 4,
      endPage: 9,
    };
    const source = buildCitationSource(report, {
      journal: '南京新风',
      year: 2026,
      issue: '2026 第1期',
    });
    expect(formatGbt2025(source)).toBe('甲. t[J]. 南京新风, 2026(1): 4-9.');
    expect(formatRis(source)).toContain('PY  - 2026\r\nIS  - 1\r\n');
    expect(citationKey('2026-01', '02')).not.toBe(citationKey('2025-zk', '02'));
  });
});
