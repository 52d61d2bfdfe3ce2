import { describe, expect, it } from 'vitest';
import {
  matchApproximate,
  matchExact,
  prepareReport,
  rankResults,
  searchPrepared,
  sectionOf,
} from '../../src/lib/search/engine.ts';
import type { ReportShard, SearchReport } from '../../src/lib/search/types.ts';

const report = (id: string, title: string, extra: Partial<SearchReport> = {}): SearchReport => ({
  id,
  pagefindId: `zh-cn_${id}`,
  title,
  unit: `${id}课题组`,
  authors: ['张三'],
  page: Number(id),
  ...extra,
});

const shard = (id: string, blocks: Array<[string, string]>): ReportShard => ({ id, blocks });

const one = prepareReport(
  report('01', '社区治理研究'),
  shard('01', [
    ['p0-1', '鼓楼区康藏路社区老年群体多，引入 AI 数字人技术。'],
    ['s1', '一、背景'],
    ['p1-1', '康藏路社区建立积分制度。'],
    ['s1-1', '（一）社区现状'],
    ['p1-1-1', '社区志愿者 200 余名。'],
  ]),
);
const two = prepareReport(
  report('02', '机关建设研究', { subtitle: '以社区为例' }),
  shard('02', [['p0-1', '社区工作。']]),
);
const three = prepareReport(
  report('03', '党建研究'),
  shard('03', [['p0-1', '社区社区社区社区社区。']]),
);

describe('sectionOf', () => {
  it('puts a paragraph under its innermost heading and intro paragraphs under none', () => {
    expect(['p2-3-4', 'p2-1', 'p0-1', 's2-3', 's1'].map(sectionOf)).toEqual([
      's2-3',
      's2',
      '',
      's2-3',
      's1',
    ]);
  });
});

describe('matchExact', () => {
  it('counts hits per section and excerpts each section at its first hit', () => {
    const result = matchExact(one, '康藏路社区');
    expect(result?.hits).toBe(2);
    expect(result?.sections.map((hit) => [hit.section, hit.label, hit.target, hit.hits])).toEqual([
      ['', '引言', 'p0-1', 1],
      ['s1', '一、背景', 'p1-1', 1],
    ]);
    expect(result?.sections[0]?.excerpt.hit).toBe('康藏路社区');
  });

  it('matches across the spaces the source puts around Latin words and keeps the hit whole', () => {
    expect(matchExact(one, 'ai数字人')?.sections[0]?.excerpt.hit).toBe('AI 数字人');
  });

  it('finds the unit and the authors as header hits that land on the top of the report', () => {
    const result = matchExact(one, '张三');
    expect(result?.sections).toHaveLength(1);
    expect(result?.sections[0]).toMatchObject({
      section: 'header',
      label: '题名与署名',
      target: '',
    });
    expect(result?.titleHit).toBe(false);
  });

  it('returns null for a report without the query', () => {
    expect(matchExact(one, '监委')).toBeNull();
  });
});

describe('rankResults', () => {
  it('ranks title hits first, then by number of hits, and approximate results last', () => {
    const exact = [one, two, three]
      .map((prepared) => matchExact(prepared, '社区'))
      .filter((r) => r !== null);
    const near = matchApproximate(
      prepareReport(report('04', '其他'), shard('04', [['p0-1', '社会']])),
      '社区建设',
      1,
    );
    expect(near).toBeNull();
    const approximate = matchApproximate(
      prepareReport(report('05', '其他'), shard('05', [['p0-1', '社区建没']])),
      '社区建设',
      1,
    );
    const ranked = rankResults([approximate!, ...exact]);
    expect(ranked.map((result) => [result.report.id, result.kind])).toEqual([
      ['01', 'exact'],
      ['02', 'exact'],
      ['03', 'exact'],
      ['05', 'approximate'],
    ]);
    expect(ranked.map((result) => result.titleHit)).toEqual([true, true, false, false]);
  });
});

describe('searchPrepared', () => {
  it('returns only exact results when any report contains the query', () => {
    expect(
      searchPrepared([one, two, three], '康藏路社区', 1).map((result) => result.report.id),
    ).toEqual(['01']);
  });

  it('falls back to approximate results only when nothing matches exactly', () => {
    const results = searchPrepared([one, two, three], '康藏路社去', 1);
    expect(results.map((result) => [result.report.id, result.kind, result.edits])).toEqual([
      ['01', 'approximate', 1],
    ]);
  });

  it('returns nothing for a string found nowhere', () => {
    expect(searchPrepared([one, two, three], '宇宙飞船着陆', 1)).toEqual([]);
  });
});
