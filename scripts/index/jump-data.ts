/**
 * Build-time only: turns report metadata and headings into quick-jump entries with pinyin.
 * Imported by the index stage (`build-search-index.ts` beside it), never by browser code, so no
 * pinyin library ships: it lives outside `src/`.
 */
import { pinyin } from 'pinyin-pro';
import type { LibraryReport } from '../../src/lib/content-schema.ts';
import { formatFullTitle } from '../../src/lib/reports.ts';
import { characterPairs } from '../../src/lib/search/jump-buckets.ts';
import type { JumpEntry } from '../../src/lib/search/types.ts';

/** Pinyin of text without tones, and its initials; non-Chinese letters and digits kept, the rest dropped. */
export function toPinyin(text: string): { pinyin: string; initials: string } {
  const keep = (syllables: string[]): string =>
    syllables.map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, '')).join('');
  return {
    pinyin: keep(pinyin(text, { toneType: 'none', type: 'array' })),
    initials: keep(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })),
  };
}

/** What the quick jump needs of one report. */
export type JumpSource = Pick<
  LibraryReport,
  'edition' | 'id' | 'title' | 'subtitle' | 'unit' | 'authors'
> & {
  /** Section and subsection headings: element id and text. */
  headings: Array<[id: string, text: string]>;
};

/** A quick-jump entry with the keys it is filed under (src/lib/search/jump-buckets.ts). */
export type JumpTarget = JumpEntry & { keys: string[] };

/**
 * The keys of a target (src/lib/search/jump-buckets.ts): the character pairs of its text and of
 * its initials, and the first two letters of each of its pinyin syllables.
 */
export function jumpKeys(text: string, initials: string): string[] {
  const syllableStarts = pinyin(text, { toneType: 'none', type: 'array' })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((syllable) => syllable.length >= 2)
    .map((syllable) => syllable.slice(0, 2));
  return [...new Set([...characterPairs(text), ...characterPairs(initials), ...syllableStarts])];
}

/** Builds every quick-jump entry of one report: title, unit, each author, each heading. */
export function buildJumpEntries(source: JumpSource): JumpTarget[] {
  const entry = (text: string, kind: JumpEntry['kind'], anchor: string): JumpTarget => {
    const spelt = toPinyin(text);
    return {
      text,
      kind,
      report: source.id,
      edition: source.edition,
      anchor,
      ...spelt,
      keys: jumpKeys(text, spelt.initials),
    };
  };
  return [
    entry(formatFullTitle(source), 'title', ''),
    entry(source.unit, 'unit', ''),
    ...source.authors.map((author) => entry(author, 'author', '')),
    ...source.headings.map(([id, text]) => entry(text, 'heading', id)),
  ];
}
