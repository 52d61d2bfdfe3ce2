/**
 * The search page: reads `q` and `unit` from the URL, searches as the reader types (debounced),
 * keeps the URL in step with `history.replaceState` so reloading or sharing shows the same
 * results, filters by authoring unit, and lets the keyboard walk the results.
 */
import { loadMoreResults, searchSite, warmUp, type TimedOutcome } from './search-client.ts';
import { describeOutcome, element, navigateWithArrows, renderResults } from './search-render.ts';

const DEBOUNCE_MS = 150;
// Reports shown with excerpts at once; the count above the list is exact for all of them.
const PAGE_SIZE = 20;

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

  const initial = readSearchParams(location.search);
  // `.value` assigns text; the query never becomes markup.
  input.value = initial.query;
  if ([...unitSelect.options].some((option) => option.value === initial.unit))
    unitSelect.value = initial.unit;

  const more = element('button', 'search-page-more', '显示更多结果');
  more.type = 'button';
  more.hidden = true;
  list.after(more);

  let sequence = 0;
  let timer: number | undefined;
  let current: TimedOutcome | undefined;
  const updateMore = (): void => {
    const rest = current ? current.matches.length - list.childElementCount : 0;
    more.hidden = !current || current.approximate || rest <= 0;
    more.textContent = `显示更多结果（还有 ${rest} 篇）`;
  };
  const show = (outcome: TimedOutcome): void => {
    current = outcome;
    const unit = unitSelect.value;
    renderResults(list, outcome.results, outcome.query);
    const filtered = unit && outcome.matches.length < outcome.total ? `（已按“${unit}”筛选）` : '';
    status.textContent = `${describeOutcome(outcome)}${filtered}`;
    list.dataset.state =
      outcome.normalised === '' ? 'empty' : outcome.matches.length === 0 ? 'none' : 'results';
    updateMore();
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
      current = undefined;
      updateMore();
      list.replaceChildren();
      list.dataset.state = 'empty';
      status.textContent = '请输入要搜索的词句。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const outcome = await searchSite(input.value, { shown: PAGE_SIZE, unit: unitSelect.value });
      if (mine === sequence) show(outcome);
    } catch {
      if (mine !== sequence) return;
      current = undefined;
      updateMore();
      list.replaceChildren();
      list.dataset.state = 'error';
      status.textContent = '搜索出错：索引未能加载。请检查网络后刷新页面重试。';
    }
  };

  more.addEventListener('click', () => {
    const outcome = current;
    if (!outcome) return;
    const from = list.childElementCount;
    more.disabled = true;
    void loadMoreResults(outcome, outcome.matches.slice(from, from + PAGE_SIZE))
      .then((results) => {
        if (current !== outcome) return;
        renderResults(list, results, outcome.query, { append: true });
        updateMore();
      })
      .finally(() => (more.disabled = false));
  });

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
    const inResults = list.contains(document.activeElement);
    if (event.key === 'Escape' && inResults) {
      input.focus();
      event.preventDefault();
      return;
    }
    if ((inResults || document.activeElement === input) && navigateWithArrows(event, list, input))
      event.preventDefault();
  });
  if (initial.query.trim() !== '') void run();
}
