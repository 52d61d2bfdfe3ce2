/**
 * Small text helpers the split's stages share: how titles are compared and spacing tidied, and
 * how blank lines are skipped.
 */
import type { SourceLine } from './model.ts';

/** Removes every whitespace character, the key titles are matched by (the printed title may wrap or carry a stray space). */
export function compactKey(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Trims and collapses runs of whitespace to one space. */
export function normaliseSpacing(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/** Index of the first non-blank line at or after `from` (or lines.length). */
export function nextNonBlank(lines: readonly SourceLine[], from: number): number {
  let index = from;
  while (index < lines.length && (lines[index]?.text.trim() ?? '') === '') index += 1;
  return index;
}
