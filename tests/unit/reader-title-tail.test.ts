import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { splitTitleTail } from '../../src/lib/title-tail.ts';
import rehypeTitleTail from '../../src/plugins/rehype-title-tail.ts';

describe('splitTitleTail', () => {
  it.each([
    ['三、青年思想政治引领面临的挑战', ['三、青年思想政治引领面临', '的挑战']],
    // Punctuation rides with the letters around it and does not count as one.
    ['（一）当前作风建设面临的“三大挑战”', ['（一）当前作风建设面临的“三', '大挑战”']],
    ['（一）精细指导，避免部署“一刀切”', ['（一）精细指导，避免部署', '“一刀切”']],
    ['基于NLP', ['基于', 'NLP']],
    // Too short to leave anything to wrap: no tail at all.
    ['结语', ['结语', '']],
    ['四、结语', ['四、结语', '']],
  ])('splits %s', (title, parts) => {
    expect(splitTitleTail(title)).toEqual(parts);
    expect(splitTitleTail(title).join('')).toBe(title);
  });
});

describe('rehypeTitleTail', () => {
  const run = (html: string): string => {
    const tree = fromHtml(html, { fragment: true });
    rehypeTitleTail()(tree);
    return toHtml(tree);
  };

  it('wraps the last letters of a heading, before its permalink, in a nowrap span', () => {
    expect(
      run(
        '<h2 id="s1">一、当前面临的挑战<a class="permalink" href="#s1"></a></h2><p>正文不变的段落</p>',
      ),
    ).toBe(
      '<h2 id="s1">一、当前面临<span class="nw">的挑战</span><a class="permalink" href="#s1"></a></h2><p>正文不变的段落</p>',
    );
  });

  it('leaves a heading that ends inside an element as it is', () => {
    const html = '<h3>（一）个案<em>描述</em></h3>';
    expect(run(html)).toBe(html);
  });
});
