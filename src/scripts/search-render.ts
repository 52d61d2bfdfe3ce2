/**
 * Renders search results into the DOM with text nodes only: the query and the excerpts come
 * from the URL and the content, so nothing here ever goes through innerHTML.
 */
import type { ReportResult, SectionHit } from '../lib/search/engine.ts';
import { ELLIPSIS, type Excerpt } from '../lib/search/excerpt.ts';
import type { SearchOutcome } from '../lib/search/flow.ts';
import { quoteQuery } from '../lib/search/quote.ts';
import type { JumpEntry, SearchManifest } from '../lib/search/types.ts';
import { hitPath } from '../lib/urls.ts';
import { JUMP_KIND_LABELS, jumpUrl } from './search-jump.ts';

/** Creates an element with a class and optional text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders an excerpt as text with the hit in one <mark>. */
export function renderExcerpt(excerpt: Excerpt): HTMLElement {
  const container = element('span', 'search-excerpt');
  container.append(`${excerpt.clippedStart ? ELLIPSIS : ''}${excerpt.before}`);
  container.append(element('mark', undefined, excerpt.hit));
  container.append(`${excerpt.after}${excerpt.clippedEnd ? ELLIPSIS : ''}`);
  return container;
}

function renderHit(result: ReportResult, hit: SectionHit, query: string): HTMLLIElement {
  const item = element('li', 'search-hit');
  const link = element('a', 'search-hit-link');
  link.href = hitPath(import.meta.env.BASE_URL, result.report, query, hit.target);
  link.append(element('span', 'search-hit-label', hit.label));
  if (hit.hits > 1) link.append(element('span', 'search-hit-count', ` ${hit.hits} 处`));
  link.append(renderExcerpt(hit.excerpt));
  item.append(link);
  return item;
}

/** How to render a result list. */
export interface RenderOptions {
  /** Matching sections shown per report. */
  maxHits?: number;
  /** Element of a report's title: a heading on the search page, a paragraph in the header panel. */
  titleTag?: 'h2' | 'p';
  /** The label of an edition (`2025 增刊`), shown first in a result's facts when given. */
  editionLabel?: (edition: string) => string | undefined;
}

/** Renders one report with its matching sections. */
export function renderResult(
  result: ReportResult,
  query: string,
  options: RenderOptions = {},
): HTMLLIElement {
  const item = element('li', 'search-result');
  item.dataset.kind = result.kind;
  item.dataset.report = result.report.id;
  item.dataset.edition = result.report.edition;
  const heading = element(options.titleTag ?? 'h2', 'search-result-title');
  const link = element('a');
  link.href = hitPath(
    import.meta.env.BASE_URL,
    result.report,
    query,
    result.sections[0]?.target ?? '',
  );
  link.textContent = result.report.title;
  heading.append(link);
  if (result.kind === 'approximate') heading.append(' ', element('span', 'search-badge', '近似'));
  item.append(heading);
  const facts = [
    ...[options.editionLabel?.(result.report.edition) ?? []].flat(),
    result.report.unit,
    `第 ${result.report.page} 页`,
    `${result.hits} 处${result.kind === 'approximate' ? '近似' : ''}命中`,
  ];
  item.append(element('p', 'search-result-meta', facts.join(' · ')));
  const hits = element('ul', 'search-hits');
  for (const hit of result.sections.slice(0, options.maxHits ?? Infinity))
    hits.append(renderHit(result, hit, query));
  item.append(hits);
  return item;
}

/**
 * Names a result's edition by its issue label (`2025 增刊`) when the library has more than one;
 * with one edition results read as they always did, so it names none.
 */
export function editionLabeller(
  manifest: Pick<SearchManifest, 'editions'> | undefined,
): ((edition: string) => string | undefined) | undefined {
  const editions = manifest?.editions ?? [];
  if (editions.length < 2) return undefined;
  return (edition) => editions.find((candidate) => candidate.key === edition)?.label;
}

/**
 * The sentence screen readers hear after a search: the exact count of matching reports (of the
 * unit and edition asked for), whatever a page shows. With no report but quick-jump targets (a
 * pinyin query such as `xmldc`), it names those: "nothing found" above them would be wrong.
 */
export function describeOutcome(outcome: SearchOutcome, jumps = 0): string {
  if (outcome.normalised === '') return '请输入要搜索的词句。';
  const query = quoteQuery(outcome.query);
  const count = outcome.matches.length;
  if (count === 0)
    return jumps > 0 ? `${jumps} 个快速跳转目标匹配${query}。` : `没有找到包含${query}的报告。`;
  if (outcome.approximate)
    return outcome.partial
      ? `没有完全一致的结果；以下 ${count} 篇报告近似匹配${query}，相近的报告可能还有更多。`
      : `没有完全一致的结果；${count} 篇报告近似匹配${query}。`;
  return `${count} 篇报告包含${query}，共 ${outcome.hits} 处。`;
}

/**
 * Renders quick-jump targets as links into `list` (the header panel's and the search page's); with
 * several editions the kind label names the edition too (`报告 · 2026 第1期`).
 */
export function renderJumps(
  list: HTMLElement,
  entries: JumpEntry[],
  editionLabel?: (edition: string) => string | undefined,
): void {
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = element('li');
      const link = element('a', 'search-jump');
      link.href = jumpUrl(entry);
      const edition = editionLabel?.(entry.edition);
      const kind = `${JUMP_KIND_LABELS[entry.kind]}${edition ? ` · ${edition}` : ''}`;
      link.append(element('span', 'search-jump-kind', kind), entry.text);
      item.append(link);
      return item;
    }),
  );
}

/** The labelled list of quick-jump targets (hidden until it has some). */
export function jumpList(): HTMLUListElement {
  const list = element('ul', 'search-jumps');
  list.setAttribute('aria-label', '快速跳转');
  return list;
}

/** Replaces the children of `list` with the rendered results (or appends them: the next page). */
export function renderResults(
  list: HTMLElement,
  results: ReportResult[],
  query: string,
  options: RenderOptions & { append?: boolean } = {},
): void {
  const items = results.map((result) => renderResult(result, query, options));
  if (options.append) list.append(...items);
  else list.replaceChildren(...items);
}

/**
 * Arrow-key navigation over the links inside `containers`, in their order: ↓/↑ move between them
 * (↓ from the input enters the first), ↑ from the first returns to the input.
 */
export function navigateWithArrows(
  event: KeyboardEvent,
  containers: HTMLElement | HTMLElement[],
  input: HTMLInputElement,
): boolean {
  const links = [containers]
    .flat()
    .flatMap((container) => [...container.querySelectorAll<HTMLAnchorElement>('a[href]')])
    .filter((link) => link.offsetParent !== null);
  if (links.length === 0) return false;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'ArrowDown') {
    links[Math.min(current + 1, links.length - 1)]?.focus();
    return true;
  }
  if (event.key === 'ArrowUp') {
    if (current <= 0) input.focus();
    else links[current - 1]?.focus();
    return true;
  }
  return false;
}
