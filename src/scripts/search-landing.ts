/**
 * Eager and tiny: on a report page opened from a search hit (`?hl=…`), loads the highlighter.
 * Every other page pays only this check.
 */

/** Loads the highlighter when the URL asks for one (it checks for a report body itself). */
export function highlightFromUrl(): void {
  const query = new URLSearchParams(location.search).get('hl');
  if (query) void import('./search-highlight.ts').then((module) => module.highlightQuery(query));
}
