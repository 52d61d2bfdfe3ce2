/**
 * The header search box, loaded on its first focus: quick-jump targets and full-text results
 * appear under the box as the reader types (debounced), in a panel that overlays the page so
 * nothing below moves. Enter without choosing opens the search page with the query.
 */
import { findJumps, jumpUrl, JUMP_KIND_LABELS } from './search-jump.ts';
import { searchSite, warmUp } from './search-client.ts';
import { describeOutcome, element, navigateWithArrows, renderResults } from './search-render.ts';

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
  const jumps = element('ul', 'search-jumps');
  const textHeading = element('p', 'search-panel-label', '全文结果');
  const results = element('ol', 'search-results');
  const more = element('a', 'search-more', '查看全部结果');
  panel.replaceChildren(status, jumpHeading, jumps, textHeading, results, more);

  let sequence = 0;
  let timer: number | undefined;
  const open = (isOpen: boolean): void => {
    panel.hidden = !isOpen;
  };

  const run = async (): Promise<void> => {
    const query = input.value;
    const mine = (sequence += 1);
    if (query.trim() === '') {
      open(false);
      return;
    }
    more.href = `${form.action}?q=${encodeURIComponent(query)}`;
    // Settled apart: the quick jump needs only fuse.js and two JSON files, so it still answers
    // where the full-text search cannot run (Pagefind's WebAssembly fails in Chromium before 97).
    const [jumped, searched] = await Promise.allSettled([
      findJumps(query),
      searchSite(query, { shown: PANEL_REPORTS, sections: PANEL_HITS }),
    ]);
    if (mine !== sequence) return;
    const jumpEntries = jumped.status === 'fulfilled' ? jumped.value : [];
    jumps.replaceChildren(
      ...jumpEntries.map((entry) => {
        const item = element('li');
        const link = element('a', 'search-jump');
        link.href = jumpUrl(entry);
        link.append(element('span', 'search-jump-kind', JUMP_KIND_LABELS[entry.kind]), entry.text);
        item.append(link);
        return item;
      }),
    );
    jumpHeading.hidden = jumpEntries.length === 0;
    const outcome = searched.status === 'fulfilled' ? searched.value : undefined;
    const shown = outcome?.results ?? [];
    renderResults(results, shown, query, { maxHits: PANEL_HITS, titleTag: 'p' });
    textHeading.hidden = shown.length === 0;
    status.textContent = outcome ? describeOutcome(outcome) : '全文搜索暂时不可用，请稍后再试。';
    more.hidden = !outcome || outcome.matches.length === 0;
    open(true);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (panel.hidden) input.value = '';
      open(false);
      input.focus();
      return;
    }
    if (!panel.hidden && navigateWithArrows(event, panel, input)) event.preventDefault();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && panel.childElementCount > 0 && status.textContent) open(true);
  });
  if (input.value.trim() !== '') void run();
}
