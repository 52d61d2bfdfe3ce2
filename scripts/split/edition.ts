/**
 * The library's outer layer of the split: which edition each split compendium is. An edition is
 * identified from its own masthead (year and issue label, src/lib/editions.ts), never from the
 * file name, so a misnamed file cannot land in another edition's folder; two files with the same
 * masthead, or an issue label the addresses have no form for, are located errors.
 */
import { editionKeyOf, issueWithoutYear } from '../../src/lib/editions.ts';
import { Problems, quote, type SplitMessage } from './errors.ts';
import type { SplitSuccess } from './split-compendium.ts';
import { compactKey } from './text.ts';

/** One split source file: its name (for messages), its text and what the split made of it. */
export interface SplitSource {
  file: string;
  text: string;
  result: SplitSuccess;
}

/** A source identified as an edition: the key names its folder `editions/<key>/` and its addresses. */
export interface IdentifiedEdition extends SplitSource {
  key: string;
}

/** The line of the masthead that prints the issue label (`增刊`, `第1期`), 1 when none is found. */
function issueLine(text: string, label: string): number {
  const wanted = compactKey(label);
  const index = text.split(/\r\n?|\n/).findIndex((line) => compactKey(line) === wanted);
  return index + 1 || 1;
}

/** Identifies every source's edition; the errors are located `file:line rule: …` messages. */
export function identifyEditions(sources: readonly SplitSource[]): {
  editions: IdentifiedEdition[];
  errors: SplitMessage[];
} {
  const editions: IdentifiedEdition[] = [];
  const errors: SplitMessage[] = [];
  for (const source of sources) {
    const { publication } = source.result;
    const label = issueWithoutYear(publication.issue, publication.year);
    const problems = new Problems(source.file);
    const key = editionKeyOf(publication);
    const line = issueLine(source.text, label);
    const earlier = editions.find((edition) => edition.key === key);
    if (key === undefined) {
      problems.fail(
        line,
        'edition-unknown-issue',
        'an issue label "增刊", "增刊N" or "第N期" under the year on the masthead',
        quote(label),
      );
    } else if (earlier) {
      problems.fail(
        line,
        'edition-duplicate',
        `one source file per edition, but ${earlier.file} is already "${publication.issue}"`,
        quote(publication.issue),
      );
    } else {
      editions.push({ ...source, key });
    }
    errors.push(...problems.errors);
  }
  return { editions, errors };
}
