/**
 * rehype plugin: keeps the last letters of every `h2`/`h3` on one line by wrapping them in
 * `<span class="nw">` (the rule and its reasons: src/lib/title-tail.ts). Only the heading's last
 * text child is split, and the permalink the heading ends with is stepped over; a heading whose
 * text ends inside an element is left as it is.
 */
import type { Element, Root } from 'hast';
import { splitTitleTail } from '../lib/title-tail.ts';

function keepTail(heading: Element): void {
  const children = heading.children;
  let last = children.length - 1;
  const isPermalink = (index: number): boolean => {
    const child = children[index];
    return child?.type === 'element' && String(child.properties.className).includes('permalink');
  };
  while (last >= 0 && isPermalink(last)) last -= 1;
  const text = children[last];
  if (text?.type !== 'text') return;
  const [head, tail] = splitTitleTail(text.value);
  if (tail === '') return;
  children.splice(
    last,
    1,
    { type: 'text', value: head },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['nw'] },
      children: [{ type: 'text', value: tail }],
    },
  );
}

/** Returns the transformer; it keeps no state between documents. */
export default function rehypeTitleTail() {
  return function transform(tree: Root): void {
    for (const node of tree.children) {
      if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3'))
        keepTail(node);
    }
  };
}
