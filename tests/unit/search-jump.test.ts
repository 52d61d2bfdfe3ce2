import { describe, expect, it, test } from 'vitest';
import Fuse from 'fuse.js';
import { buildJumpEntries, jumpKeys, toPinyin } from '../../scripts/index/jump-data.ts';
import { jumpBucketOf, queryBuckets, queryKeys } from '../../src/lib/search/jump-buckets.ts';
import { JUMP_FUSE_OPTIONS, matchJumps, toJumpEntries } from '../../src/scripts/search-jump.ts';
import { editionLabeller } from '../../src/scripts/search-render.ts';
import type { JumpEntry } from '../../src/lib/search/types.ts';

const source = {
  id: '05',
  title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
  edition: '2025-zk',
  subtitle: '以华侨路街道为例',
  unit: '市委党校课题组',
  authors: ['任小艳', '刘玉东'],
  headings: [
    ['s1', '一、基层治理“小马拉大车”问题破解实施现状'],
    ['s1-1', '（一）个案描述'],
  ] as Array<[string, string]>,
};
const others = buildJumpEntries({
  edition: '2025-zk',
  id: '02',
  title: '基于NLP技术的南京生态环保铁军作风建设研究',
  unit: '市生态环境局课题组',
  authors: ['周宁晖'],
  headings: [['s1', '一、NLP 技术在生态环保作风建设领域的应用现状']],
});
const entries = [...others, ...buildJumpEntries(source)];
const fuse = new Fuse<JumpEntry>(entries, JUMP_FUSE_OPTIONS);
const best = (query: string): JumpEntry | undefined => fuse.search(query)[0]?.item;

describe('toPinyin', () => {
  it('spells Chinese without tones, keeps Latin letters and digits, drops punctuation', () => {
    expect(toPinyin('“小马拉大车”')).toEqual({ pinyin: 'xiaomaladache', initials: 'xmldc' });
    expect(toPinyin('NLP 技术 2024年')).toEqual({
      pinyin: 'nlpjishu2024nian',
      initials: 'nlpjs2024n',
    });
  });
});

describe('buildJumpEntries', () => {
  it('lists the title with its subtitle, the unit, each author and each heading', () => {
    expect(buildJumpEntries(source).map((entry) => [entry.kind, entry.text, entry.anchor])).toEqual(
      [
        ['title', '深化作风建设 破解基层治理“小马拉大车”问题研究——以华侨路街道为例', ''],
        ['unit', '市委党校课题组', ''],
        ['author', '任小艳', ''],
        ['author', '刘玉东', ''],
        ['heading', '一、基层治理“小马拉大车”问题破解实施现状', 's1'],
        ['heading', '（一）个案描述', 's1-1'],
      ],
    );
  });
});

describe('quick-jump matching', () => {
  it('finds 小马拉大车 by its initials deep inside a long title', () => {
    expect(best('xmldc')).toMatchObject({ report: '05' });
  });

  it('finds it by full pinyin with a syllable left out', () => {
    expect(best('xiaomalache')).toMatchObject({ report: '05' });
  });

  it('finds an author by pinyin and a unit by characters', () => {
    expect(best('renxiaoyan')).toMatchObject({ kind: 'author', text: '任小艳' });
    expect(best('党校')).toMatchObject({ kind: 'unit', report: '05' });
  });

  it('turns rows into entries, each target once though it sits in several buckets', () => {
    const row = ['任小艳', 'author', '05', '', '2025-zk', 'renxiaoyan', 'rxy'] as const;
    expect(toJumpEntries([[...row], [...row]])).toEqual([
      {
        text: '任小艳',
        kind: 'author',
        report: '05',
        edition: '2025-zk',
        anchor: '',
        pinyin: 'renxiaoyan',
        initials: 'rxy',
      },
    ]);
  });
});

describe('edition labels in results', () => {
  it('names a result’s edition only when the library has more than one', () => {
    const one = { editions: [{ key: '2025-zk', label: '2025 增刊' }] };
    const two = { editions: [{ key: '2026-01', label: '2026 第1期' }, ...one.editions] };
    expect(editionLabeller(one)).toBeUndefined();
    expect(editionLabeller(undefined)).toBeUndefined();
    expect(editionLabeller(two)?.('2026-01')).toBe('2026 第1期');
    expect(editionLabeller(two)?.('2025-zk')).toBe('2025 增刊');
  });
});

describe('the quick jump folds a query as the full text does', () => {
  const jumps = (query: string): string[] =>
    matchJumps(fuse, query).map((entry) => `${entry.report}#${entry.anchor}:${entry.text}`);

  it.each([
    ['full-width letters', 'ｘｍｌｄｃ', 'xmldc'],
    ['upper case', 'XMLDC', 'xmldc'],
    ['spaces', 'xiao ma la che', 'xiaomalache'],
    ['half-width brackets', '(一)个案描述', '（一）个案描述'],
    ['straight quotes', '"小马拉大车"', '“小马拉大车”'],
  ])('finds the same targets for %s (%s) as for %s', (_label, typed, printed) => {
    expect(jumps(typed)).toEqual(jumps(printed));
    expect(jumps(typed).length).toBeGreaterThan(0);
  });

  it('ranks the heading first for its number typed in half-width brackets', () => {
    expect(matchJumps(fuse, '(一)个案描述')[0]).toMatchObject({ anchor: 's1-1' });
  });
});

describe('quick-jump buckets', () => {
  const buckets = 4096;
  const filedUnder = (entry: (typeof entries)[number]): Set<number> =>
    new Set(entry.keys.map((key) => jumpBucketOf(key, buckets)));
  // Every query the matching tests above answer must find its targets in the buckets it loads.
  test.each([
    '小马拉大车',
    '小马拉打车',
    '晓马拉大车',
    'xiaomalache',
    'xmldc',
    'ｘｍｌｄｃ',
    '马拉',
    'maladache',
    'ldc',
  ])('%s loads a bucket its targets are filed in', (query) => {
    const found = matchJumps(new Fuse<JumpEntry>(entries, JUMP_FUSE_OPTIONS), query);
    expect(found.length).toBeGreaterThan(0);
    const wanted = new Set(queryBuckets(query, buckets));
    const target = entries.find((entry) => entry.text === found[0]?.text);
    expect([...filedUnder(target!)].some((bucket) => wanted.has(bucket))).toBe(true);
  });

  test('keys characters in pairs, so no bucket holds every target with one common character', () => {
    expect(queryKeys('zxqvj')).toEqual(['zx', 'qv']);
    expect(queryKeys('Qzx 平台')).toEqual(['qz', 'x平']);
    expect(queryKeys('小马拉')).toEqual(['小马', '马拉']);
    expect(queryKeys('有的')).toEqual(['有的']);
    expect(queryKeys('x')).toEqual([]);
    expect(queryKeys('党')).toEqual([]);
    expect(jumpKeys('“小马拉大车”', 'xmldc')).toEqual(
      expect.arrayContaining(['小马', '大车', 'xm', 'ml', 'dc', 'xi', 'ma', 'la', 'da', 'ch']),
    );
    expect(jumpKeys('AI 数字人', 'aiszr')).toEqual(
      expect.arrayContaining(['ai', 'i数', '数字', 'sz']),
    );
    expect(queryBuckets('x', 1)).toEqual([0]);
    expect(queryBuckets('', 1)).toEqual([]);
  });
});
