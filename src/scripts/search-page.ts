/**
 * The search page: reads `q` and `unit` from the URL, searches as the reader types (debounced),
 * keeps the URL in step with `history.replaceState` so reloading or sharing shows the same
 * results, filters by authoring unit, and lets the keyboard walk the results. It offers the same
 * quick-jump targets as the header panel, which sends Enter here (`xmldc` finds no text but a title).
 */
import type { JumpEntry } from '../lib/search/types.ts';
import { searchSite, warmUp, type TimedOutcome } from './search-client.ts';
import { findJumps } from './search-jump.ts';
import {
  describeOutcome,
  element,
  jumpList,
  navigateWithArrows,
  renderJumps,
  renderResults,
} from './search-render.ts';

const DEBOUNCE_MS = 150;

/** Query and unit as they stand in the page URL. */
export function readSearchParams(search: string): { query: string; unit: string } {
  const params = new URLSearchParams(search);
  return { query: params.get('q') ?? '', unit: params.get('unit') ?? '' };
}

/** Wires the search page. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const unitSelect = form?.querySelector<HTMLSelectElement>('select[name="unit"]');
  const status = document.querySelector<HTMLElement>('.search-page-status');
  const list = document.querySelector<HTMLElement>('.search-page-results');
  if (!form || !input || !unitSelect || !status || !list) return;
  warmUp();
  // Made here rather than in search.astro: the quick jump is behaviour, the page's markup is layout.
  const jumpLabel = element('p', 'search-panel-label', '快速跳转');
  const jumps = jumpList();
  const setJumps = (entries: JumpEntry[]): void => {
    renderJumps(jumps, entries);
    jumpLabel.hidden = jumps.hidden = entries.length === 0;
  };
  setJumps([]);
  list.before(jumpLabel, jumps);

  const initial = readSearchParams(location.search);
  // `.value` assigns text; the query never becomes markup.
  input.value = initial.query;
  if ([...unitSelect.options].some((option) => option.value === initial.unit))
    unitSelect.value = initial.unit;

  let sequence = 0;
  let timer: number | undefined;
  const show = (outcome: TimedOutcome, jumpEntries: JumpEntry[]): void => {
    const unit = unitSelect.value;
    const shown = unit
      ? outcome.results.filter((result) => result.report.unit === unit)
      : outcome.results;
    renderResults(list, shown, outcome.query);
    setJumps(jumpEntries);
    const filtered = unit && shown.length < outcome.results.length ? `（已按“${unit}”筛选）` : '';
    status.textContent = `${describeOutcome(outcome, shown, jumpEntries.length)}${filtered}`;
    list.dataset.state =
      outcome.normalised === '' ? 'empty' : shown.length === 0 ? 'none' : 'results';
    // For tests and the benchmark: which query the list shows and how long the search took.
    list.dataset.query = outcome.query;
    list.dataset.elapsed = outcome.elapsed.toFixed(1);
  };

  const run = async (): Promise<void> => {
    const mine = (sequence += 1);
    const url = new URL(location.href);
    url.searchParams.delete('q');
    url.searchParams.delete('unit');
    if (input.value !== '') url.searchParams.set('q', input.value);
    if (unitSelect.value !== '') url.searchParams.set('unit', unitSelect.value);
    history.replaceState(history.state, '', url);
    if (input.value.trim() === '') {
      list.replaceChildren();
      setJumps([]);
      list.dataset.state = 'empty';
      status.textContent = '请输入要搜索的词句。';
      return;
    }
    status.textContent = '正在搜索……';
    try {
      // The quick jump needs no full-text index, so its failure never hides the results.
      const [outcome, jumpEntries] = await Promise.all([
        searchSite(input.value),
        findJumps(input.value).catch(() => []),
      ]);
      if (mine === sequence) show(outcome, jumpEntries);
    } catch {
      if (mine !== sequence) return;
      list.replaceChildren();
      setJumps([]);
      list.dataset.state = 'error';
      status.textContent = '搜索出错：索引未能加载。请检查网络后刷新页面重试。';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  unitSelect.addEventListener('change', () => void run());
  document.addEventListener('keydown', (event) => {
    const inResults =
      jumps.contains(document.activeElement) || list.contains(document.activeElement);
    if (event.key === 'Escape' && inResults) {
      input.focus();
      event.preventDefault();
      return;
    }
    if (
      (inResults || document.activeElement === input) &&
      navigateWithArrows(event, [jumps, list], input)
    )
      event.preventDefault();
  });
  if (initial.query.trim() !== '') void run();
}
