/**
 * The search-quality suite: queries of every kind people type, each with the reports that must
 * be found COMPUTED from `content/reports/*.md` — never typed in — with a normaliser written
 * independently of src/lib/search (so a bug there cannot hide itself), matching within one
 * block (title, subtitle, unit, authors, heading or paragraph) at a time.
 *
 * Shared by tests/site/search-quality.test.ts, tests/site/search-budget.test.ts and
 * scripts/bench-search.ts.
 */
import { toString as mdastToString } from 'mdast-util-to-string';
import type { ReportMeta } from '../../src/lib/content-schema.ts';
import { readReportFiles } from './report-files.ts';
import { join } from 'node:path';
import { editionsFolder } from '../../src/lib/content-location.ts';
import { LEGACY_EDITION } from '../../src/lib/urls.ts';

/** One report as the suite sees it. */
export type SuiteReport = Pick<ReportMeta, 'id' | 'title' | 'subtitle' | 'unit' | 'authors'> & {
  /** Headings and paragraphs as plain text. */
  blocks: string[];
};

/** What a query should return. */
export type QueryKind = 'exact' | 'typo' | 'absent';

/** One query of the suite. */
export interface SuiteQuery {
  /** What the query tests, e.g. "unit" or "page break". */
  label: string;
  query: string;
  kind: QueryKind;
  /** Reports that contain the query literally (for typos: the corrected string). */
  expected: string[];
  /** Of those, the ones whose title or subtitle contains it. */
  titleHits: string[];
}

/** Independent of src/lib/search: NFKC, lower case, straight quotes, no whitespace. */
export function foldForSuite(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”「」]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '');
}

/** Reads every report's metadata and body blocks from the split's Markdown. */
export function loadSuiteReports(
  folder = join(editionsFolder('content'), LEGACY_EDITION, 'reports'),
): SuiteReport[] {
  return readReportFiles(folder).map(({ record, body }) => ({
    id: record.id,
    title: record.title,
    ...(record.subtitle ? { subtitle: record.subtitle } : {}),
    unit: record.unit,
    authors: record.authors,
    blocks: body.map((node) => mdastToString(node)),
  }));
}

function fields(report: SuiteReport): string[] {
  return [
    report.title,
    report.subtitle ?? '',
    report.unit,
    report.authors.join(' '),
    ...report.blocks,
  ];
}

/** Ids of the reports that contain `query` literally (ignoring whitespace, width, case, quote style). */
export function reportsContaining(reports: SuiteReport[], query: string): string[] {
  const needle = foldForSuite(query);
  return reports
    .filter((report) => fields(report).some((text) => foldForSuite(text).includes(needle)))
    .map((r) => r.id);
}

function titleHits(reports: SuiteReport[], query: string): string[] {
  const needle = foldForSuite(query);
  return reports
    .filter((report) =>
      [report.title, report.subtitle ?? ''].some((text) => foldForSuite(text).includes(needle)),
    )
    .map((report) => report.id);
}

/** First sentence of a paragraph that is at least `min` characters long, ending at 。 */
function sentenceOf(text: string, min: number): string | undefined {
  return text
    .split('。')
    .map((sentence) => sentence.replace(/^[\p{P}\s]+/u, ''))
    .find((sentence) => sentence.length >= min && sentence.length <= 60);
}

// A character that never occurs in the reports, used to make computed typos.
const NEVER = '龘';

/** Builds the suite from the reports. */
export function buildSuite(reports: SuiteReport[]): SuiteQuery[] {
  const queries: Array<[label: string, query: string, kind: QueryKind, corrected?: string]> = [];
  const exact = (label: string, query: string): void => void queries.push([label, query, 'exact']);

  // Typed the way people type: no spaces, either punctuation width, any case.
  exact('page break repaired', '康藏路社区');
  exact('Latin without spaces', 'AI数字人');
  exact('Latin, lower case, with a space', 'ai 数字人');
  exact('digits without spaces', '1.23万人次');
  exact('digits as printed', '862名');
  exact('Latin word', 'NLP技术');
  exact('lower-case acronym', 'nlp');
  exact('two characters', '监委');
  exact('two characters', '纪委');
  exact('two characters', '减负');
  exact('phrase', '小马拉大车');
  exact('straight quotes for curly ones', '"小马拉大车"');
  exact('full-width plus', '专业社工＋志愿服务');
  exact('half-width parentheses', '(二)实施现状');
  exact('place name', '华侨路街道');
  exact('term', '枫桥经验');
  exact('number and word', '12345工单');
  exact('term', '模范机关');
  exact('quoted slogan', '一部门一支部');
  exact('term', '五个纪委');
  exact('term', '时间币');
  exact('term', '数字化');
  exact('common phrase', '志愿服务');
  exact('common phrase', '党建引领');

  const units = [...new Set(reports.map((report) => report.unit))];
  for (const unit of units) exact('unit', unit);
  for (const report of reports) {
    exact('title without spaces', report.title.replace(/\s+/g, ''));
    const author = report.authors[0];
    if (author) exact('author', author);
  }
  for (const report of reports.slice(0, 6)) {
    const paragraph = report.blocks.find((block) => block.length > 80);
    const sentence = paragraph ? sentenceOf(paragraph, 20) : undefined;
    if (sentence) exact('whole sentence', sentence);
  }
  for (const report of reports.slice(6)) {
    const heading = report.blocks.find((block) => /^[（(][一二三四五六七八九十]+[）)]/.test(block));
    if (heading)
      exact(
        'heading without its number',
        heading.replace(/^[（(][一二三四五六七八九十]+[）)]\s*/, ''),
      );
  }

  // Typos: one character replaced, missing, or swapped.
  queries.push(['typo: wrong character', '小马拉打车', 'typo', '小马拉大车']);
  queries.push(['typo: wrong character', '康藏路社去', 'typo', '康藏路社区']);
  queries.push(['partial word', '枫桥经', 'exact']);
  queries.push(['typo: missing character', '华侨街道', 'typo', '华侨路街道']);
  // Found 7 and 6 times in reports 01 and 08, which a cap on candidates once left out.
  queries.push(['typo: common phrase', '党见引领', 'typo', '党建引领']);
  for (const report of reports.slice(0, 3)) {
    const heading = report.blocks.find((block) => /^一、/.test(block)) ?? '';
    const phrase = heading.slice(2, 8);
    if (/^\p{Script=Han}{6}$/u.test(phrase)) {
      queries.push([
        'typo: computed',
        `${phrase.slice(0, 3)}${NEVER}${phrase.slice(4)}`,
        'typo',
        phrase,
      ]);
    }
  }

  // Strings found nowhere.
  for (const absent of ['宇宙飞船着陆火星', '量子纠缠通信网络', '王小明', 'zxqvj'])
    queries.push(['absent', absent, 'absent']);

  return queries.map(([label, query, kind, corrected]) => {
    const expected = reportsContaining(reports, corrected ?? query);
    return {
      label,
      query,
      kind,
      expected,
      titleHits: kind === 'exact' ? titleHits(reports, query) : [],
    };
  });
}
