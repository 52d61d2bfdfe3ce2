/**
 * The section list of a report (its `##` and `###` headings with their ids), read from the
 * Markdown body with the same counter the rehype plugin uses, so the table of contents and the
 * rendered headings cannot disagree.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { createIdCounter, type SectionDepth } from './ids.ts';

/** One entry of a report's table of contents. */
export interface SectionEntry {
  id: string;
  depth: SectionDepth;
  text: string;
}

/** A section heading together with the subsections under it. */
export interface SectionNode extends SectionEntry {
  children: SectionEntry[];
}

/** Lists the `##`/`###` headings of a Markdown body in document order, with their ids. */
export function listSections(markdown: string): SectionEntry[] {
  const tree = unified().use(remarkParse).parse(markdown);
  const counter = createIdCounter();
  const entries: SectionEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || (node.depth !== 2 && node.depth !== 3)) continue;
    entries.push({
      id: counter.heading(node.depth),
      depth: node.depth,
      text: toString(node).trim(),
    });
  }
  return entries;
}

/** Groups a flat section list into sections with their subsections (for a nested list). */
export function nestSections(entries: readonly SectionEntry[]): SectionNode[] {
  const nodes: SectionNode[] = [];
  for (const entry of entries) {
    const parent = nodes.at(-1);
    if (entry.depth === 3 && parent) parent.children.push(entry);
    else nodes.push({ ...entry, children: [] });
  }
  return nodes;
}
