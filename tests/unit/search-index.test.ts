import { describe, expect, it } from 'vitest';
import { charactersInAll, extractBlocks } from '../../scripts/index/build-search-index.ts';

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

describe('charactersInAll', () => {
  it('keeps only the characters every text contains, in code point order', () => {
    expect(charactersInAll(['社区党建', '党建社会', '建党'])).toBe('党建');
    expect(charactersInAll([])).toBe('');
  });
});
