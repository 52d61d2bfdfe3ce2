/**
 * rehype plugin: gives every `h2`/`h3` and every paragraph of a report an id from its place
 * (`s2`, `s2-3`, `p2-3-4`; see src/lib/ids.ts and README, “Addresses and links”), so any section or paragraph can be
 * linked to. Existing ids are overwritten: the place is the only source of truth.
 */
import type { Element, Root } from 'hast';
import { createIdCounter } from '../lib/ids.ts';

/** Returns the transformer; its counter is created per run, so each document starts at `s1`/`p0-1`. */
export default function rehypeSectionIds() {
  return function transform(tree: Root): void {
    const counter = createIdCounter();
    // Only top-level blocks: the reports are flat, and a <p> nested in a list or quote would be a
    // different kind of element that no link should target.
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const element: Element = node;
      if (element.tagName === 'h2' || element.tagName === 'h3') {
        element.properties.id = counter.heading(element.tagName === 'h2' ? 2 : 3);
      } else if (element.tagName === 'p') {
        element.properties.id = counter.paragraph();
      }
    }
  };
}
