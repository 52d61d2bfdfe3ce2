/**
 * rehype plugin: appends a permalink `<a class="permalink" href="#s1" aria-label="本节链接"></a>`
 * to every `h2`/`h3` that has an id, so a section link can be copied without JavaScript (the reader
 * scripts turn a click into "copy the absolute URL"). The link holds no text: its `#` is drawn by
 * CSS (`.permalink::before`), so a passage copied across a heading never carries a `#` into the
 * reader's Word document.
 */
import type { Element, Root } from 'hast';

/** Accessible name of every permalink (the drawn "#" says nothing to a screen reader). */
export const PERMALINK_LABEL = '本节链接';

/** Returns the transformer; it keeps no state between documents. */
export default function rehypeHeadingPermalinks() {
  return function transform(tree: Root): void {
    for (const node of tree.children) {
      if (node.type !== 'element' || (node.tagName !== 'h2' && node.tagName !== 'h3')) continue;
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '') continue;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['permalink'], href: `#${id}`, ariaLabel: PERMALINK_LABEL },
        children: [],
      };
      node.children.push(link);
    }
  };
}
