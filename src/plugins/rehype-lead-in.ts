/**
 * rehype plugin: sets apart the lead-in of a numbered paragraph. The reports number their points
 * `1. 人口结构多元复杂，服务需求叠加交织。老龄化…` and print the number and first sentence in
 * bold; we wrap both in `<strong class="lead">` (README, “What the build does”). The first sentence ends with the first
 * 。！？ or ；, inclusive. A numbered paragraph without such a stop is left as it is.
 */
import type { Element, ElementContent, Root, Text } from 'hast';

/** A printed point number at the very start: `1.`, `12.` or full-width `１．`, then optional space. */
const POINT_NUMBER = /^\s*[0-9０-９]+[.．]\s*/;
/** Stops that end a lead-in sentence. */
const SENTENCE_STOP = /[。！？；]/;

/** Splits `text` after its first sentence stop; returns undefined when there is none. */
export function splitAfterFirstStop(text: string): [string, string] | undefined {
  const match = SENTENCE_STOP.exec(text);
  if (!match) return undefined;
  const end = match.index + match[0].length;
  return [text.slice(0, end), text.slice(end)];
}

/**
 * Splits the text of a paragraph into its lead-in (point number and first sentence) and the rest;
 * undefined when it is not a numbered point or has no stop. The Word downloads bold the same span.
 */
export function splitLeadIn(text: string): [string, string] | undefined {
  return POINT_NUMBER.test(text) ? splitAfterFirstStop(text) : undefined;
}

function wrapLeadIn(paragraph: Element): void {
  const first = paragraph.children[0];
  if (first?.type !== 'text' || !POINT_NUMBER.test(first.value)) return;
  // Walk the inline children until a text node holds the stop; everything before it moves into
  // the <strong>, and the text node is cut in two.
  for (let index = 0; index < paragraph.children.length; index++) {
    const child = paragraph.children[index];
    if (child?.type !== 'text') continue;
    const parts = splitAfterFirstStop(child.value);
    if (!parts) continue;
    const [head, tail] = parts;
    const leadChildren: ElementContent[] = [
      ...paragraph.children.slice(0, index),
      { type: 'text', value: head } satisfies Text,
    ];
    const lead: Element = {
      type: 'element',
      tagName: 'strong',
      properties: { className: ['lead'] },
      children: leadChildren,
    };
    const rest: ElementContent[] = tail === '' ? [] : [{ type: 'text', value: tail }];
    paragraph.children = [lead, ...rest, ...paragraph.children.slice(index + 1)];
    return;
  }
}

/** Returns the transformer; it keeps no state between documents. */
export default function rehypeLeadIn() {
  return function transform(tree: Root): void {
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') wrapLeadIn(node);
    }
  };
}
