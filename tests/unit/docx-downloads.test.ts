/** Names and paths of the Word downloads (src/lib/downloads.ts), pinned: pages, the build stage and tests share them. */
import { describe, expect, it } from 'vitest';
import {
  citationFileName,
  distFileOf,
  docxFileName,
  editionDocxFileName,
  editionDocxPath,
  editionFileStem,
  reportDocxFileName,
  reportDocxPath,
} from '../../src/lib/downloads.ts';
import { reportFilePath } from '../../src/lib/urls.ts';

const edition = { journal: '南京新风', issue: '2025 增刊', year: 2025 };

describe('download paths', () => {
  it('puts a report’s Word file beside its page under an ASCII name', () => {
    expect(reportDocxPath('/', edition, '05')).toBe(
      reportFilePath('/', { edition: '2025-zk', id: '05' }, 'xinfeng-2025-zengkan-05.docx'),
    );
    expect(reportDocxPath('/xinfeng', edition, '12')).toBe(
      '/xinfeng/2025-zk/12/xinfeng-2025-zengkan-12.docx',
    );
    expect(
      reportDocxPath('/', { journal: '南京新风', issue: '2026 第1期', year: 2026 }, '02'),
    ).toBe('/2026-01/02/xinfeng-2026-01-02.docx');
  });

  it('puts the edition under downloads/, and maps both into dist/ without the base', () => {
    expect(editionDocxPath('/xinfeng/', edition)).toBe(
      '/xinfeng/downloads/xinfeng-2025-zengkan.docx',
    );
    expect(distFileOf(editionDocxPath('/', edition))).toBe('downloads/xinfeng-2025-zengkan.docx');
  });

  it('names each edition’s files after its key, the 2025 增刊 as it always was', () => {
    expect(editionFileStem({ issue: '2025 增刊', year: 2025 })).toBe('xinfeng-2025-zengkan');
    expect(editionFileStem({ issue: '2025 增刊2', year: 2025 })).toBe('xinfeng-2025-zengkan2');
    expect(editionFileStem({ issue: '2026 第1期', year: 2026 })).toBe('xinfeng-2026-01');
  });

  it('refuses to guess an ASCII name for an issue it does not know', () => {
    expect(() => editionFileStem({ issue: '2026 特刊', year: 2026 })).toThrow(
      'src/lib/downloads.ts: expected an issue label "增刊", "增刊N" or "第N期", found "2026 特刊"',
    );
  });
});

describe('suggested file names', () => {
  it('names a report by its place and title, and the edition by journal and issue', () => {
    expect(
      reportDocxFileName({ id: '05', title: '深化作风建设 破解基层治理“小马拉大车”问题研究' }),
    ).toBe('05 深化作风建设 破解基层治理“小马拉大车”问题研究.docx');
    expect(editionDocxFileName(edition)).toBe('《南京新风》2025 增刊.docx');
  });

  it("names a report's citation files after the report, safe for Windows", () => {
    expect(
      citationFileName({ id: '10', title: '以“四个突出”着力加强办公厅（室）政治建设' }, 'ris'),
    ).toBe('10 以“四个突出”着力加强办公厅（室）政治建设.ris');
    expect(citationFileName({ id: '01', title: 'A/B: 研究?' }, 'bib')).toBe('01 A_B_ 研究_.bib');
  });

  it('replaces the characters Windows refuses in file names', () => {
    expect(docxFileName('a/b\\c:d*e?f"g<h>i|j\u0007k')).toBe('a_b_c_d_e_f_g_h_i_j_k.docx');
    expect(docxFileName('  两个\n词  ')).toBe('两个 词.docx');
  });
});
