/**
 * Ids of headings and paragraphs inside a report page (README, “Addresses and links”).
 *
 * Ids come from the place of an element, never from its text: Chinese slugs differ between tools
 * and arrive percent-encoded in shared links, while `s2-3` survives any chat app.
 *
 * - the n-th `##` heading is `s{n}`; the m-th `###` heading under it is `s{n}-{m}`;
 * - paragraphs count within their innermost heading: `p0-1` before any heading, `p2-1` under `s2`
 *   before its first subsection, `p2-3-1` under `s2-3`.
 */

/** Heading depths that carry ids: `##` sections and `###` subsections. */
export type SectionDepth = 2 | 3;

/** Hands out ids in document order; create one per document so numbering starts afresh. */
export interface IdCounter {
  /** Returns the id of the next heading of this depth. */
  heading(depth: SectionDepth): string;
  /** Returns the id of the next paragraph under the current heading. */
  paragraph(): string;
}

/** Creates a fresh id counter for one document. */
export function createIdCounter(): IdCounter {
  let section = 0;
  // 0 while no subsection of the current section has started.
  let subsection = 0;
  let paragraph = 0;

  const scope = (): string => (subsection > 0 ? `${section}-${subsection}` : `${section}`);

  return {
    heading(depth) {
      if (depth === 2) {
        section += 1;
        subsection = 0;
      } else {
        subsection += 1;
      }
      paragraph = 0;
      return `s${scope()}`;
    },
    paragraph() {
      paragraph += 1;
      return `p${scope()}-${paragraph}`;
    },
  };
}

/** What an id names, read back from the id alone. */
export type BlockId =
  | { kind: 'heading'; depth: SectionDepth; section: string }
  | { kind: 'paragraph'; section: string; index: number };

const HEADING_ID = /^s(\d+)(?:-(\d+))?$/;
const PARAGRAPH_ID = /^p(\d+)(?:-(\d+))?-(\d+)$/;

/**
 * Parses an id this module hands out; null for anything else. `section` is the id of the
 * innermost heading the element belongs to — the heading itself for a heading, `''` for a
 * paragraph before the first heading (`p0-1`). A subsection before any section (`s0-1`, which
 * the counter gives a `###` that precedes every `##`) keeps its own scope: `p0-1-1` → `s0-1`.
 */
export function parseBlockId(id: string): BlockId | null {
  const heading = HEADING_ID.exec(id);
  if (heading) return { kind: 'heading', depth: heading[2] === undefined ? 2 : 3, section: id };
  const paragraph = PARAGRAPH_ID.exec(id);
  if (!paragraph) return null;
  const [, section = '0', subsection, index = '0'] = paragraph;
  const scope = subsection === undefined ? section : `${section}-${subsection}`;
  return { kind: 'paragraph', section: scope === '0' ? '' : `s${scope}`, index: Number(index) };
}

/** The section an element belongs to (see parseBlockId); `''` for the introduction or an unknown id. */
export function sectionOf(id: string): string {
  return parseBlockId(id)?.section ?? '';
}

/** Whether `id` is a heading id (`s2`, `s2-3`). */
export function isHeadingId(id: string): boolean {
  return parseBlockId(id)?.kind === 'heading';
}

/** Whether `id` is a paragraph id (`p0-1`, `p2-3-4`). */
export function isParagraphId(id: string): boolean {
  return parseBlockId(id)?.kind === 'paragraph';
}
