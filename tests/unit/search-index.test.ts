import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../scripts/index/build-search-index.ts';
import { chunkBlocks, indexReport } from '../../src/lib/search/outline.ts';
import { textWords } from '../../src/lib/search/tokens.ts';

describe('extractBlocks', () => {
  it('reads headings and paragraphs with ids from the report body, without permalink anchors', () => {
    const html = `<html lang="zh-CN"><body><header><h1>标题</h1><p id="x">不在正文</p></header>
      <div class="report-body" data-pagefind-body>
        <p id="p0-1">引言 AI 数字人</p>
        <h2 id="s1">一、背景<a class="permalink" href="#s1" aria-label="本节链接">#</a></h2>
        <p id="p1-1"><strong class="lead">1. 人口结构多元复杂。</strong>老龄化并存。</p>
        <p>没有 id 的段落</p>
      </div></body></html>`;
    expect(extractBlocks(html)).toEqual([
      ['p0-1', '引言 AI 数字人'],
      ['s1', '一、背景'],
      ['p1-1', '1. 人口结构多元复杂。老龄化并存。'],
    ]);
  });

  it('fails loudly on a page without a report body', () => {
    expect(() => extractBlocks('<p id="p1">x</p>')).toThrow('data-pagefind-body');
  });
});

describe('indexReport', () => {
  const source = {
    meta: {
      key: '2025-zk-07',
      edition: '2025-zk',
      id: '07',
      title: '社区',
      unit: '课题组',
      authors: ['张三'],
      page: 3,
    },
    blocks: [
      ['p0-1', 'AI 数字人'],
      ['s1', '一、背景'],
    ] as Array<[string, string]>,
  };

  it('numbers the header fields, then the blocks, by normalised character, three words each', () => {
    const { words, outline } = indexReport(source);
    expect(outline).toEqual([
      ['title', 0, -1],
      ['unit', 2, -1],
      ['authors', 5, -1],
      ['p0-1', 7, 0],
      ['s1', 12, 0],
    ]);
    expect(words).toHaveLength(16 * 3);
    expect(words.slice(0, 6)).toEqual(textWords('社区'));
  });

  it('groups the body into text chunks of about the chunk size, never splitting a block', () => {
    expect(
      chunkBlocks(
        [
          ['a', 'x'.repeat(10)],
          ['b', 'y'],
          ['c', 'z'.repeat(5)],
        ],
        10,
      ),
    ).toEqual([0, 1, 1]);
  });
});
