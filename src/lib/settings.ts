/**
 * Reading settings as stored values: the keys, the theme and the font-size step, and how a stored
 * string is read. src/scripts/boot.ts applies them before first paint (bundled from this module
 * into the site's `boot.js` at build time); the settings panel renders its radio values from the
 * constants here.
 */

/** localStorage key of the chosen theme. */
export const THEME_KEY = 'xf-theme';
/** localStorage key of the chosen font-size step. */
export const FONT_SIZE_KEY = 'xf-font-size';

/** A theme choice; `system` follows prefers-color-scheme and is stored as "no key". */
export type Theme = 'light' | 'dark' | 'system';

/** Smallest, default and largest font-size step (CSS maps `data-font-size` to a size). */
export const MIN_FONT_SIZE = 1;
export const DEFAULT_FONT_SIZE = 3;
export const MAX_FONT_SIZE = 5;

/** Reads a stored theme; anything but "light" or "dark" means following the system. */
export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * Reads a stored font-size step: an integer is clamped into 1–5 (a value from a future version
 * with more steps still lands on the nearest one); anything else gives the default.
 */
export function parseFontSize(value: string | null | undefined): number {
  const step = Number.parseInt(value ?? '', 10);
  return Number.isNaN(step)
    ? DEFAULT_FONT_SIZE
    : Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, step));
}
