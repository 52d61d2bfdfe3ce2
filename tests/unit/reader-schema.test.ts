/** The content schemas accept the split's frontmatter and reject malformed data naming the field. */
import { describe, expect, it } from 'vitest';
import { publicationSchema, reportSchema } from '../../src/lib/content-schema.ts';

const valid = {
  order: 5,
  id: '05',
  title: '深化作风建设 破解基层治理“小马拉大车”问题研究',
  subtitle: '以华侨路街道为例',
  unit: '市委党校课题组',
  authors: ['任小艳', '刘玉东'],
  page: 19,
  endPage: 23,
  sections: 4,
  subsections: 12,
  paragraphs: 20,
  characters: 5105,
};

/** The `path: message` lines of a failed parse, or [] when it passed. */
function problems(data: unknown): string[] {
  const result = reportSchema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('report frontmatter schema', () => {
  it('accepts frontmatter as the split writes it, with and without the optional keys', () => {
    expect(problems(valid)).toEqual([]);
    const { subtitle: _subtitle, endPage: _endPage, ...last } = valid;
    expect(problems({ ...last, authors: [] })).toEqual([]);
  });

  it('names a missing unit', () => {
    const { unit: _unit, ...withoutUnit } = valid;
    expect(problems(withoutUnit)).toEqual(['unit: Required']);
  });

  it('rejects a page given as text', () => {
    expect(problems({ ...valid, page: '19' })).toEqual(['page: Expected number, received string']);
  });

  it('rejects an id that is not the order zero-padded to two digits', () => {
    expect(problems({ ...valid, id: '5' })).toContain(
      'id: id must be at least two digits, e.g. "05"',
    );
    expect(problems({ ...valid, id: '06' })).toEqual([
      'id: id must be the order zero-padded to two digits',
    ]);
  });

  it('rejects an end page before the start page', () => {
    expect(problems({ ...valid, endPage: 18 })).toEqual([
      'endPage: endPage must not be before page',
    ]);
  });

  it('rejects keys the schema does not define, so a typo cannot pass silently', () => {
    expect(problems({ ...valid, auther: ['x'] })).toEqual([
      ": Unrecognized key(s) in object: 'auther'",
    ]);
  });
});

describe('publication schema', () => {
  it('requires the cover photo credit as title and photographer', () => {
    const result = publicationSchema.safeParse({ coverPhoto: '《禄口机场》林琨 / 摄' });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('coverPhoto');
    expect(paths).toContain('committee');
  });
});
