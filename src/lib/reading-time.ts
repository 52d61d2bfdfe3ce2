/**
 * Reading-time estimate for Chinese prose.
 *
 * Silent reading of Chinese is usually put at 400–500 characters a minute for ordinary prose.
 * These are dense policy reports full of numbers and enumerations, so we take the slow end:
 * 400 characters a minute. The estimate is shown rounded up to whole minutes.
 */

/** Characters (non-whitespace) an adult reads per minute in the estimate. */
export const CHARACTERS_PER_MINUTE = 400;

/** Returns the estimated reading time in whole minutes (at least 1). */
export function estimateReadingMinutes(characters: number): number {
  if (!Number.isFinite(characters) || characters <= 0) return 1;
  return Math.max(1, Math.ceil(characters / CHARACTERS_PER_MINUTE));
}

/** Formats the estimate for the report header, e.g. `约 13 分钟`. */
export function formatReadingTime(characters: number): string {
  return `约 ${estimateReadingMinutes(characters)} 分钟`;
}
