import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { buildJumpEntries, toPinyin } from '../../scripts/index/jump-data.ts';
import { JUMP_FUSE_OPTIONS, toJumpEntries } from '../../src/scripts/search-jump.ts';
import type { JumpEntry } from '../../src/lib/search/types.ts';

const source = {
  id: '05',
  title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
  subtitle: '以华侨路街道为例',
  unit: '市委党校课题组',
  authors: ['任小艳', '刘玉东'],
  headings: [
    ['s1', '一、基层治理“小马拉大车”问题破解实施现状'],
    ['s1-1', '（一）个案描述'],
  ] as Array<[string, string]>,
};
const others = buildJumpEntries({
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
    const row = ['任小艳', 'author', '05', '', 'renxiaoyan', 'rxy'] as const;
    expect(toJumpEntries([[...row], [...row]])).toEqual([
      {
        text: '任小艳',
        kind: 'author',
        report: '05',
        anchor: '',
        pinyin: 'renxiaoyan',
        initials: 'rxy',
      },
    ]);
  });
});
