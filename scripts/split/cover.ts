/**
 * What the cover prints besides labelled fields, kept apart from the masthead parser
 * (publication.ts): the bracketed notice of an internal publication, and the collection title
 * read as the one name it is rather than as the cover laid it out.
 */
import type { SourceLine } from './model.ts';
import { normaliseSpacing } from './text.ts';

// The cover's notice is one line wholly in lenticular brackets: `【内部资料 免费交流】`.
const NOTICE = /^【(.+)】$/u;
// A space with a Chinese character on either side.
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/**
 * Returns the text inside the cover's bracketed notice (`内部资料 免费交流`), or '' when the
 * masthead prints none. A publication printed under a 准印号 is internal material and its cover
 * says so; the site shows the notice as the cover does.
 */
export function readCoverNotice(masthead: readonly SourceLine[]): string {
  for (const line of masthead) {
    const match = NOTICE.exec(line.text.trim());
    if (match) return normaliseSpacing(match[1] ?? '');
  }
  return '';
}

/**
 * The collection title as it reads: a space between two Chinese characters inside it is where the
 * cover broke the title over two lines (`…课题研究 优秀成果汇编`), so it goes; spaces beside digits
 * and Latin letters (`2025 年`) are the source's spacing and stay. Report titles keep theirs: there
 * a space parts the two phrases of a two-part title (`深化作风建设 破解…`), while the collection
 * title is one noun phrase, the name of the compendium.
 */
export function joinCoverLineBreaks(title: string): string {
  return normaliseSpacing(title).replace(SPACE_BETWEEN_HAN, '');
}
