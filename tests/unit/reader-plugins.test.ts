/**
 * Input → output tests of the three rehype plugins, each run on its own over an HTML fragment,
 * then all three in the order astro.config.mjs registers them.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import rehypeSectionIds from '../../src/plugins/rehype-section-ids.ts';
import rehypeLeadIn, { splitAfterFirstStop } from '../../src/plugins/rehype-lead-in.ts';
import rehypeHeadingPermalinks from '../../src/plugins/rehype-heading-permalinks.ts';

type Plugin = () => (tree: Root) => void;

function run(html: string, ...plugins: Plugin[]): string {
  const tree = fromHtml(html, { fragment: true });
  for (const plugin of plugins) plugin()(tree);
  return toHtml(tree);
}

describe('rehype-section-ids', () => {
  it('numbers sections, subsections and the paragraphs under each', () => {
    const input =
      '<p>a</p><p>b</p><h2>一、</h2><p>c</p><h3>（一）</h3><p>d</p><p>e</p><h3>（二）</h3><p>f</p><h2>二、</h2><p>g</p>';
    expect(run(input, rehypeSectionIds)).toBe(
      '<p id="p0-1">a</p><p id="p0-2">b</p><h2 id="s1">一、</h2><p id="p1-1">c</p><h3 id="s1-1">（一）</h3>' +
        '<p id="p1-1-1">d</p><p id="p1-1-2">e</p><h3 id="s1-2">（二）</h3><p id="p1-2-1">f</p><h2 id="s2">二、</h2><p id="p2-1">g</p>',
    );
  });

  it('restarts numbering for every document it runs on', () => {
    const transform = rehypeSectionIds();
    const first = fromHtml('<h2>一、</h2><p>a</p>', { fragment: true });
    const second = fromHtml('<h2>一、</h2><p>a</p>', { fragment: true });
    transform(first);
    transform(second);
    expect(toHtml(second)).toBe('<h2 id="s1">一、</h2><p id="p1-1">a</p>');
  });

  it('replaces an id a slugger put on a heading', () => {
    expect(run('<h2 id="一背景">一、背景</h2>', rehypeSectionIds)).toBe(
      '<h2 id="s1">一、背景</h2>',
    );
  });

  it('numbers a subsection that comes before any section under s0', () => {
    expect(run('<h3>（一）</h3><p>a</p>', rehypeSectionIds)).toBe(
      '<h3 id="s0-1">（一）</h3><p id="p0-1-1">a</p>',
    );
  });
});

describe('rehype-lead-in', () => {
  it('wraps the number and first sentence of a numbered paragraph', () => {
    expect(
      run('<p>1. 人口结构多元复杂，服务需求叠加交织。老龄化趋势并存。</p>', rehypeLeadIn),
    ).toBe(
      '<p><strong class="lead">1. 人口结构多元复杂，服务需求叠加交织。</strong>老龄化趋势并存。</p>',
    );
  });

  it('ends the lead-in at a semicolon when it comes first', () => {
    expect(run('<p>2. 考核激励“软绵绵”；其余。</p>', rehypeLeadIn)).toBe(
      '<p><strong class="lead">2. 考核激励“软绵绵”；</strong>其余。</p>',
    );
  });

  it('wraps the whole paragraph when its only sentence stop is the last character', () => {
    expect(run('<p>3. 构建督导支持体系。</p>', rehypeLeadIn)).toBe(
      '<p><strong class="lead">3. 构建督导支持体系。</strong></p>',
    );
  });

  it('carries inline elements before the stop into the lead-in', () => {
    expect(run('<p>4. 推进<em>数字</em>赋能。后文</p>', rehypeLeadIn)).toBe(
      '<p><strong class="lead">4. 推进<em>数字</em>赋能。</strong>后文</p>',
    );
  });

  it('leaves paragraphs without a point number alone', () => {
    const input = '<p>截至 2025 年 7 月，已累计组建团队 190 支。</p><p>2025年是关键一年。</p>';
    expect(run(input, rehypeLeadIn)).toBe(input);
  });

  it('leaves a numbered paragraph without any sentence stop alone', () => {
    expect(run('<p>5. 没有句号的标题式段落</p>', rehypeLeadIn)).toBe(
      '<p>5. 没有句号的标题式段落</p>',
    );
  });

  it('splits text after the first stop and reports none when there is no stop', () => {
    expect(splitAfterFirstStop('甲。乙！丙')).toEqual(['甲。', '乙！丙']);
    expect(splitAfterFirstStop('没有句号')).toBeUndefined();
  });
});

describe('rehype-heading-permalinks', () => {
  it('appends a labelled permalink to headings with an id', () => {
    expect(
      run(
        '<h2 id="s1">一、背景</h2><h3 id="s1-1">（一）时代</h3><p id="p1-1-1">正文</p>',
        rehypeHeadingPermalinks,
      ),
    ).toBe(
      '<h2 id="s1">一、背景<a class="permalink" href="#s1" aria-label="本节链接"></a></h2>' +
        '<h3 id="s1-1">（一）时代<a class="permalink" href="#s1-1" aria-label="本节链接"></a></h3><p id="p1-1-1">正文</p>',
    );
  });

  it('skips headings without an id', () => {
    expect(run('<h2>一、背景</h2>', rehypeHeadingPermalinks)).toBe('<h2>一、背景</h2>');
  });
});

describe('the plugins together, in config order', () => {
  it('produce the report markup: place-based ids, permalinks and lead-ins', () => {
    const input = '<p>引言</p><h2>一、做法</h2><h3>（一）机制</h3><p>1. 建强组织。具体做法。</p>';
    expect(run(input, rehypeLeadIn, rehypeSectionIds, rehypeHeadingPermalinks)).toBe(
      '<p id="p0-1">引言</p><h2 id="s1">一、做法<a class="permalink" href="#s1" aria-label="本节链接"></a></h2>' +
        '<h3 id="s1-1">（一）机制<a class="permalink" href="#s1-1" aria-label="本节链接"></a></h3>' +
        '<p id="p1-1-1"><strong class="lead">1. 建强组织。</strong>具体做法。</p>',
    );
  });
});
