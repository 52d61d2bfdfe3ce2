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

/** Matches every id this module produces, e.g. for validating `#fragment`s of shared links. */
export const SECTION_OR_PARAGRAPH_ID = /^(s\d+(-\d+)?|p\d+(-\d+)?-\d+)$/;
