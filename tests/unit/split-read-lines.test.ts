import { describe, expect, it } from 'vitest';
import { Problems } from '../../scripts/split/errors.ts';
import { checkNotEmpty, decodeSource, splitLines } from '../../scripts/split/read-lines.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('decodes UTF-8 and keeps a BOM for splitLines to drop', () => {
    const problems = new Problems('a.txt');
    expect(decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('目录')]), problems)).toBe(
      '\uFEFF目录',
    );
    expect(problems.messages).toEqual([]);
  });

  it('rejects GBK bytes as not-utf8 on the line where they occur', () => {
    const problems = new Problems('a.txt');
    // 0xc4 0xcf 0xbe 0xa9 is 南京 in GBK; 0xcf cannot continue a UTF-8 sequence.
    const bytes = Uint8Array.from([...encode('南京新风\n\n'), 0xc4, 0xcf, 0xbe, 0xa9]);
    expect(decodeSource(bytes, problems)).toBeUndefined();
    expect(problems.errors.map((error) => error.message)).toEqual([
      'a.txt:3 not-utf8: expected UTF-8 text, found byte 0xc4 at byte 14',
    ]);
  });

  it('reports a multi-byte character cut at the end of the file as truncated-input', () => {
    const problems = new Problems('a.txt');
    const bytes = encode('南京新风\n目录');
    expect(decodeSource(bytes.slice(0, bytes.length - 1), problems)).toBeUndefined();
    expect(problems.errors.map((error) => `${error.line} ${error.ruleId}`)).toEqual([
      '2 truncated-input',
    ]);
  });
});

describe('splitLines', () => {
  it('numbers lines from 1 and normalises CRLF and CR', () => {
    expect(splitLines('甲\r\n乙\r丙\n')).toEqual([
      { number: 1, text: '甲' },
      { number: 2, text: '乙' },
      { number: 3, text: '丙' },
      { number: 4, text: '' },
    ]);
  });

  it('drops a leading BOM so the first line matches as usual', () => {
    expect(splitLines('\uFEFF目录')[0]).toEqual({ number: 1, text: '目录' });
  });
});

describe('checkNotEmpty', () => {
  it('fails an empty or blank file with empty-file at line 1', () => {
    for (const text of ['', '\n  \n\t\n', '\uFEFF']) {
      const problems = new Problems('a.txt');
      expect(checkNotEmpty(splitLines(text), problems)).toBe(false);
      expect(problems.errors.map((error) => `${error.line} ${error.ruleId}`)).toEqual([
        '1 empty-file',
      ]);
    }
  });
});
