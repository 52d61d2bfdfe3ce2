import { describe, expect, it } from 'vitest';
import {
  matchApproximate,
  matchExact,
  prepareReport,
  rankResults,
  type PreparedReport,
} from '../../src/lib/search/engine.ts';
import type { ReportShard, SearchManifest, SearchReport } from '../../src/lib/search/types.ts';
import { runSearch, type SearchLoaders } from '../../src/lib/search/flow.ts';
import { indexReport } from '../../src/lib/search/outline.ts';
import { createScanLoaders } from '../../src/lib/search/scan.ts';

const report = (id: string, title: string, extra: Partial<SearchReport> = {}): SearchReport => ({
  key: `2025-zk-${id}`,
  edition: '2025-zk',
  id,
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

/**
 * Loaders over in-memory reports: the index-free scan (src/lib/search/scan.ts) stands in for
 * Pagefind; every outline and chunk fetched is recorded.
 */
function memoryLoaders(reports: PreparedReport[]): SearchLoaders & { fetched: string[] } {
  const fetched: string[] = [];
  const library = reports.map((prepared) => ({
    meta: prepared.report,
    blocks: prepared.blocks
      .filter((block) => block.field === undefined)
      .map((block): [string, string] => [block.id, block.original]),
  }));
  const editions = [...new Set(library.map((source) => source.meta.edition))];
  const manifest: SearchManifest = {
    version: 'test',
    units: library.map((source) => source.meta.unit),
    reports: library.map((source, position) => [
      source.meta.key,
      position,
      indexReport(source).titleEnd,
      editions.indexOf(source.meta.edition),
    ]),
    index: [],
    jumpBuckets: 1,
    scan: true,
    editions: editions.map((key) => ({ key, label: key })),
  };
  const scan = createScanLoaders(library, manifest);
  return {
    fetched,
    manifest: () => Promise.resolve(manifest),
    candidates: scan.candidates,
    outline: (key, version) => {
      fetched.push(key);
      return scan.outline(key, version);
    },
    text: (key, chunk, version) => {
      fetched.push(`${key}/${chunk}`);
      return scan.text(key, chunk, version);
    },
  };
}

describe('runSearch', () => {
  it('returns only exact results when any report contains the query, loading only what it shows', async () => {
    const loaders = memoryLoaders([one, two, three]);
    const outcome = await runSearch('康藏路 社区', loaders);
    expect(outcome.results.map((result) => result.report.id)).toEqual(['01']);
    expect(outcome).toMatchObject({ normalised: '康藏路社区', approximate: false, hits: 2 });
    expect(outcome.results[0]?.sections.map((hit) => [hit.section, hit.hits])).toEqual([
      ['', 1],
      ['s1', 1],
    ]);
    expect(loaders.fetched).toEqual(['2025-zk-01', '2025-zk-01/0']);
  });

  it('counts every match exactly but details only the first `shown`', async () => {
    const loaders = memoryLoaders([one, two, three]);
    const outcome = await runSearch('社区', loaders, { shown: 1 });
    expect(outcome.matches.map((match) => [match.key, match.titleHit, match.hits])).toEqual([
      ['2025-zk-01', true, 5],
      ['2025-zk-02', true, 2],
      ['2025-zk-03', false, 5],
    ]);
    expect(outcome.hits).toBe(12);
    expect(outcome.results.map((result) => result.report.id)).toEqual(['01']);
    expect(loaders.fetched.filter((name) => !name.startsWith('2025-zk-01'))).toEqual([]);
  });

  it('falls back to approximate results only when nothing matches exactly', async () => {
    const outcome = await runSearch('康藏路社去', memoryLoaders([one, two, three]));
    expect(outcome.approximate).toBe(true);
    expect(outcome.results.map((result) => [result.report.id, result.kind, result.edits])).toEqual([
      ['01', 'approximate', 1],
    ]);
  });

  it('ranks title hits first among exact results', async () => {
    const outcome = await runSearch('社区', memoryLoaders([three, two, one]));
    expect(outcome.results.map((result) => [result.report.id, result.titleHit])).toEqual([
      ['01', true],
      ['02', true],
      ['03', false],
    ]);
  });

  it('filters by unit and still says how many matched in all', async () => {
    const outcome = await runSearch('社区', memoryLoaders([one, two, three]), { unit: '02课题组' });
    expect(outcome.matches.map((match) => match.key)).toEqual(['2025-zk-02']);
    expect(outcome.total).toBe(3);
  });

  it('filters by edition and still says how many matched in all', async () => {
    const later = prepareReport(
      report('01', '社区工作', { key: '2026-01-01', edition: '2026-01' }),
      shard('01', [['p0-1', '社区']]),
    );
    const outcome = await runSearch('社区', memoryLoaders([one, two, three, later]), {
      edition: '2026-01',
    });
    expect(outcome.matches.map((match) => [match.key, match.edition])).toEqual([
      ['2026-01-01', '2026-01'],
    ]);
    expect(outcome.results.map((result) => result.report.key)).toEqual(['2026-01-01']);
    expect(outcome.total).toBe(4);
  });

  it('returns nothing for a string found nowhere and for a query with nothing to search', async () => {
    const loaders = memoryLoaders([one, two, three]);
    expect((await runSearch('宇宙飞船着陆', loaders)).results).toEqual([]);
    expect(await runSearch('  ', loaders)).toMatchObject({
      query: '  ',
      normalised: '',
      matches: [],
      results: [],
      approximate: false,
    });
    expect(loaders.fetched).toEqual([]);
  });

  it('finds every report within the allowed edits, however many hold more of its characters', async () => {
    // Eight reports hold all four characters of 党见引领 scattered (no window within one edit);
    // eight hold 党建引领, one edit away, but lack 见 — more than the six the flow once capped
    // approximate candidates at.
    const decoys = Array.from({ length: 8 }, (_, index) =>
      prepareReport(
        report(String(index + 10), '其他'),
        shard(String(index + 10), [['p0-1', '见面会上，引水工程，领导小组，党员干部。']]),
      ),
    );
    const ids = ['01', '02', '03', '04', '05', '06', '07', '08'];
    const near = ids.map((id) =>
      prepareReport(report(id, '社区'), shard(id, [['p0-1', '坚持党建引领基层治理。']])),
    );
    const outcome = await runSearch('党见引领', memoryLoaders([...decoys, ...near]));
    expect(outcome.approximate).toBe(true);
    expect(outcome.results.map((result) => [result.report.id, result.edits])).toEqual(
      ids.map((id) => [id, 1]),
    );
  });

  it('checks a page of typo candidates at a time and says when some were left unchecked', async () => {
    // 60 reports one edit away: the panel's five need one batch of five checks.
    const ids = Array.from({ length: 60 }, (_, index) => String(index + 10));
    const near = ids.map((id) =>
      prepareReport(report(id, '社区'), shard(id, [['p0-1', '坚持党建引领基层治理。']])),
    );
    const few = memoryLoaders(near);
    const panel = await runSearch('党见引领', few, { shown: 5 });
    expect(panel.approximate).toBe(true);
    expect(panel.partial).toBe(true);
    expect(panel.results).toHaveLength(5);
    expect(new Set(few.fetched.filter((file) => !file.includes('/'))).size).toBe(5);
    const all = await runSearch('党见引领', memoryLoaders(near), { shown: Infinity });
    expect(all.partial).toBe(false);
    expect(all.results).toHaveLength(60);
  });
});
