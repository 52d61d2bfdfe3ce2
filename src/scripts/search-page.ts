/**
 * The search page: reads `q`, `edition` and `unit` from the URL, searches as the reader types
 * (debounced), keeps the URL in step with `history.replaceState` so reloading or sharing shows the
 * same results, filters by edition (shown when the library has more than one) and authoring unit,
 * shows the results a page at a time under an exact count, and lets the keyboard walk the
 * results. It offers the same quick-jump targets as the header panel, which sends Enter here
 * (`xmldc` finds no text but a title).
 */
import type { JumpEntry } from '../lib/search/types.ts';
import {
  loadManifest,
  loadMoreResults,
  searchSite,
  warmUp,
  type TimedOutcome,
} from './search-client.ts';
import { findJumps } from './search-jump.ts';
import {
  describeOutcome,
  editionLabeller,
  element,
  jumpList,
  navigateWithArrows,
  renderJumps,
  renderResults,
} from './search-render.ts';

const DEBOUNCE_MS = 150;
// Reports shown with excerpts at once; the count above the list is exact for all of them.
const PAGE_SIZE = 20;

/** Query, edition and unit as they stand in the page URL. */
export function readSearchParams(search: string): { query: string; edition: string; unit: string } {
  const params = new URLSearchParams(search);
  return {
    query: params.get('q') ?? '',
    edition: params.get('edition') ?? '',
    unit: params.get('unit') ?? '',
  };
}

/** Selects `value` when the list offers it (a shared URL may name an edition or unit no longer there). */
function selectIfOffered(select: HTMLSelectElement | null | undefined, value: string): void {
  if (select && [...select.options].some((option) => option.value === value)) select.value = value;
}

/** Wires the search page. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const unitSelect = form?.querySelector<HTMLSelectElement>('select[name="unit"]');
  const editionSelect = form?.querySelector<HTMLSelectElement>('select[name="edition"]');
  const status = document.querySelector<HTMLElement>('.search-page-status');
  const list = document.querySelector<HTMLElement>('.search-page-results');
  if (!form || !input || !unitSelect || !status || !list) return;
  warmUp();
  // Made here rather than in search.astro: the quick jump is behaviour, the page's markup is layout.
  const jumpLabel = element('p', 'search-panel-label', '快速跳转');
  const jumps = jumpList();
  const setJumps = (
    entries: JumpEntry[],
    editionLabel?: (edition: string) => string | undefined,
  ): void => {
    renderJumps(jumps, entries, editionLabel);
    jumpLabel.hidden = jumps.hidden = entries.length === 0;
  };
  setJumps([]);
  list.before(jumpLabel, jumps);

  const initial = readSearchParams(location.search);
  // `.value` assigns text; the query never becomes markup.
  input.value = initial.query;
  selectIfOffered(unitSelect, initial.unit);
  selectIfOffered(editionSelect, initial.edition);

  const more = element('button', 'search-page-more', '显示更多结果');
  more.type = 'button';
  more.hidden = true;
  list.after(more);

  let sequence = 0;
  let timer: number | undefined;
  let current: TimedOutcome | undefined;
  let editionLabel: ((edition: string) => string | undefined) | undefined;
  const updateMore = (): void => {
    const rest = current ? current.matches.length - list.childElementCount : 0;
    more.hidden = !current || current.approximate || rest <= 0;
    more.textContent = `显示更多结果（还有 ${rest} 篇）`;
  };
  const show = async (outcome: TimedOutcome, jumpEntries: JumpEntry[]): Promise<void> => {
    editionLabel = editionLabeller(await loadManifest().catch(() => undefined));
    current = outcome;
    renderResults(list, outcome.results, outcome.query, { editionLabel });
    setJumps(jumpEntries, editionLabel);
    const names = [
      editionSelect?.value && editionSelect.selectedOptions[0]?.text,
      unitSelect.value,
    ];
    const used = names.filter(Boolean);
    const filtered =
      used.length > 0 && outcome.matches.length < outcome.total
        ? `（已按“${used.join('”“')}”筛选）`
        : '';
    status.textContent = `${describeOutcome(outcome, jumpEntries.length)}${filtered}`;
    list.dataset.state =
      outcome.normalised === '' ? 'empty' : outcome.matches.length === 0 ? 'none' : 'results';
    updateMore();
    // For tests and the benchmark: which query the list shows and how long the search took.
    list.dataset.query = outcome.query;
    list.dataset.elapsed = outcome.elapsed.toFixed(1);
  };

  const fail = (): void => {
    current = undefined;
    updateMore();
    list.replaceChildren();
    setJumps([]);
  };

  const run = async (): Promise<void> => {
    const mine = (sequence += 1);
    const url = new URL(location.href);
    url.searchParams.delete('q');
    url.searchParams.delete('unit');
    url.searchParams.delete('edition');
    if (input.value !== '') url.searchParams.set('q', input.value);
    if (editionSelect && editionSelect.value !== '')
      url.searchParams.set('edition', editionSelect.value);
    if (unitSelect.value !== '') url.searchParams.set('unit', unitSelect.value);
    history.replaceState(history.state, '', url);
    if (input.value.trim() === '') {
      fail();
      list.dataset.state = 'empty';
      status.textContent = '请输入要搜索的词句。';
      return;
    }
    status.textContent = '正在搜索……';
    try {
      // The quick jump needs no full-text index, so its failure never hides the results.
      const [outcome, jumpEntries] = await Promise.all([
        searchSite(input.value, {
          shown: PAGE_SIZE,
          unit: unitSelect.value,
          edition: editionSelect?.value ?? '',
        }),
        findJumps(input.value).catch(() => []),
      ]);
      if (mine === sequence) await show(outcome, jumpEntries);
    } catch {
      if (mine !== sequence) return;
      fail();
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
        renderResults(list, results, outcome.query, { append: true, editionLabel });
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
  editionSelect?.addEventListener('change', () => void run());
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
