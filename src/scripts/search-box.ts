/**
 * The header search box, loaded on its first focus: quick-jump targets and full-text results
 * appear under the box as the reader types (debounced), in a panel that overlays the page so
 * nothing below moves. Enter without choosing opens the search page with the query.
 */
import { findJumps } from './search-jump.ts';
import { loadManifest, searchSite, warmUp } from './search-client.ts';
import {
  describeOutcome,
  editionLabeller,
  element,
  jumpList,
  navigateWithArrows,
  renderJumps,
  renderResults,
} from './search-render.ts';

const DEBOUNCE_MS = 120;
const PANEL_REPORTS = 5;
const PANEL_HITS = 2;

/** Wires the search box in `form`; safe to call once per form. */
export function attachSearchBox(form: HTMLFormElement): void {
  if (form.dataset.ready) return;
  form.dataset.ready = 'true';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form.querySelector<HTMLElement>('.search-panel');
  if (!input || !panel) return;
  warmUp();

  const status = element('p', 'search-status');
  status.setAttribute('role', 'status');
  // Labels, not headings: the panel opens above the page's own h1.
  const jumpHeading = element('p', 'search-panel-label', '快速跳转');
  const jumps = jumpList();
  const textHeading = element('p', 'search-panel-label', '全文结果');
  const results = element('ol', 'search-results');
  const more = element('a', 'search-more', '查看全部结果');
  panel.replaceChildren(status, jumpHeading, jumps, textHeading, results, more);

  let sequence = 0;
  let timer: number | undefined;
  // False while Esc hands focus back to the box, which must not reopen what Esc just closed.
  let reopenOnFocus = true;
  const open = (isOpen: boolean): void => {
    panel.hidden = !isOpen;
  };
  const hasResults = (): boolean => input.value.trim() !== '' && status.textContent !== '';

  const run = async (): Promise<void> => {
    const query = input.value;
    const mine = (sequence += 1);
    if (query.trim() === '') {
      open(false);
      return;
    }
    more.href = `${form.action}?q=${encodeURIComponent(query)}`;
    // Settled apart: the quick jump needs only fuse.js and two JSON files, so it still answers
    // when the full-text search fails (a shard that does not arrive), and the other way round.
    const [jumped, searched, manifest] = await Promise.allSettled([
      findJumps(query),
      searchSite(query, { shown: PANEL_REPORTS, sections: PANEL_HITS }),
      loadManifest(),
    ]);
    if (mine !== sequence) return;
    const editionLabel = editionLabeller(
      manifest.status === 'fulfilled' ? manifest.value : undefined,
    );
    const jumpEntries = jumped.status === 'fulfilled' ? jumped.value : [];
    renderJumps(jumps, jumpEntries, editionLabel);
    jumpHeading.hidden = jumpEntries.length === 0;
    const outcome = searched.status === 'fulfilled' ? searched.value : undefined;
    const shown = outcome?.results ?? [];
    renderResults(results, shown, query, { maxHits: PANEL_HITS, titleTag: 'p', editionLabel });
    textHeading.hidden = shown.length === 0;
    status.textContent = outcome
      ? describeOutcome(outcome, jumpEntries.length)
      : '全文搜索暂时不可用，请稍后再试。';
    more.hidden = !outcome || outcome.matches.length === 0;
    // For tests and the benchmark: the query whose answers the panel now shows.
    panel.dataset.query = query;
    open(true);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // First Esc closes the panel and keeps the query; Chromium and Safari would also clear a
      // type=search box on that Esc, so that default is prevented. Esc with the panel closed clears.
      if (panel.hidden) input.value = '';
      else event.preventDefault();
      open(false);
      reopenOnFocus = false;
      input.focus();
      reopenOnFocus = true;
      return;
    }
    // ↓ in the box reopens what Esc closed.
    if (event.key === 'ArrowDown' && panel.hidden && hasResults()) {
      open(true);
      event.preventDefault();
      return;
    }
    if (!panel.hidden && navigateWithArrows(event, panel, input)) event.preventDefault();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (reopenOnFocus && hasResults()) open(true);
  });
  if (input.value.trim() !== '') void run();
}
