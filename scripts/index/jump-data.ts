/**
 * Build-time only: turns report metadata and headings into quick-jump entries with pinyin.
 * Imported by the index stage (`build-search-index.ts` beside it), never by browser code, so no
 * pinyin library ships: it lives outside `src/`.
 */
import { pinyin } from 'pinyin-pro';
import type { LibraryReport } from '../../src/lib/content-schema.ts';
import { formatFullTitle } from '../../src/lib/reports.ts';
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

/** Builds every quick-jump entry of one report: title, unit, each author, each heading. */
export function buildJumpEntries(source: JumpSource): JumpEntry[] {
  const entry = (text: string, kind: JumpEntry['kind'], anchor: string): JumpEntry => ({
    text,
    kind,
    report: source.id,
    edition: source.edition,
    anchor,
    ...toPinyin(text),
  });
  return [
    entry(formatFullTitle(source), 'title', ''),
    entry(source.unit, 'unit', ''),
    ...source.authors.map((author) => entry(author, 'author', '')),
    ...source.headings.map(([id, text]) => entry(text, 'heading', id)),
  ];
}
