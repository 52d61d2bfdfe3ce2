/**
 * Applies the stored reading settings to `<html>` before the first paint: a classic script in
 * `<head>` (no module, which would run too late), bundled with the rules of src/lib/settings.ts into
 * `boot.js` at build time by scripts/lib/boot-script.ts.
 */
import {
  DEFAULT_FONT_SIZE,
  FONT_SIZE_KEY,
  THEME_KEY,
  parseFontSize,
  parseTheme,
} from '../lib/settings.ts';

const root = document.documentElement;
let theme = parseTheme(null);
let fontSize = DEFAULT_FONT_SIZE;
try {
  theme = parseTheme(localStorage.getItem(THEME_KEY));
  fontSize = parseFontSize(localStorage.getItem(FONT_SIZE_KEY));
} catch {
  // Site data blocked (Chromium throws a SecurityError on access): keep the defaults.
}
if (theme !== 'system') root.setAttribute('data-theme', theme);
root.setAttribute('data-font-size', String(fontSize));
