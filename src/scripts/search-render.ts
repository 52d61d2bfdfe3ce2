/**
 * Renders search results into the DOM with text nodes only: the query and the excerpts come
 * from the URL and the content, so nothing here ever goes through innerHTML.
 */
import type { ReportResult, SectionHit } from '../lib/search/engine.ts';
import type { Excerpt } from '../lib/search/excerpt.ts';
import type { SearchOutcome } from '../lib/search/flow.ts';
import { hitPath } from '../lib/urls.ts';

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
  container.append(`${excerpt.clippedStart ? '…' : ''}${excerpt.before}`);
  container.append(element('mark', undefined, excerpt.hit));
  container.append(`${excerpt.after}${excerpt.clippedEnd ? '…' : ''}`);
  return container;
}

function renderHit(result: ReportResult, hit: SectionHit, query: string): HTMLLIElement {
  const item = element('li', 'search-hit');
  const link = element('a', 'search-hit-link');
  link.href = hitPath(import.meta.env.BASE_URL, result.report.id, query, hit.target);
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
  const heading = element(options.titleTag ?? 'h2', 'search-result-title');
  const link = element('a');
  link.href = hitPath(
    import.meta.env.BASE_URL,
    result.report.id,
    query,
    result.sections[0]?.target ?? '',
  );
  link.textContent = result.report.title;
  heading.append(link);
  if (result.kind === 'approximate') heading.append(' ', element('span', 'search-badge', '近似'));
  item.append(heading);
  const facts = [
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

/** The sentence screen readers hear after a search: the exact count, whatever a page shows. */
export function describeOutcome(outcome: SearchOutcome): string {
  if (outcome.normalised === '') return '请输入要搜索的词句。';
  const count = outcome.matches.length;
  if (count === 0) return `没有找到包含“${outcome.query}”的报告。`;
  if (outcome.approximate) return `没有完全一致的结果；${count} 篇报告近似匹配“${outcome.query}”。`;
  return `${count} 篇报告包含“${outcome.query}”，共 ${outcome.hits} 处。`;
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
 * Arrow-key navigation over the links inside `container`: ↓/↑ move between them (↓ from the
 * input enters the list), Esc returns to the input.
 */
export function navigateWithArrows(
  event: KeyboardEvent,
  container: HTMLElement,
  input: HTMLInputElement,
): boolean {
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a[href]')].filter(
    (link) => link.offsetParent !== null,
  );
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
