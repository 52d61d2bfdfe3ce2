/**
 * Highlights a search query on a report page and offers a bar to step through the hits.
 * Matching uses the same normalisation as the search, so what the result list counted is what
 * gets marked — also across the `<strong>` lead-in of a numbered paragraph.
 */
import { normaliseQuery, normaliseText, toOriginalRange } from '../lib/search/normalise.ts';
import { quoteQuery } from '../lib/search/quote.ts';
import { findAll } from '../lib/search/match.ts';

/** Creates an element with a class and text (local, so landing does not load the results renderer). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const BLOCKS = 'h1, h2, h3, h4, p, li';

/** The text nodes of one block element, skipping permalink anchors. */
function textNodesOf(block: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('a.permalink, .search-hit-bar')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Wraps `[from, to)` of the concatenated text of `nodes` in marks; returns the marks made. */
function wrapRange(nodes: Text[], from: number, to: number, hitIndex: number): HTMLElement[] {
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of [...nodes]) {
    const length = node.data.length;
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + length);
    if (start < end) {
      const range = document.createRange();
      range.setStart(node, start - offset);
      range.setEnd(node, end - offset);
      const mark = element('mark', 'search-hit-mark');
      mark.dataset.hit = String(hitIndex);
      range.surroundContents(mark);
      marks.push(mark);
    }
    offset += length;
  }
  return marks;
}

/** Marks every occurrence of the query in the report header and body; returns one mark list per hit. */
export function markQuery(roots: Element[], query: string): HTMLElement[][] {
  const needle = normaliseQuery(query);
  if (needle === '') return [];
  const hits: HTMLElement[][] = [];
  const blocks = roots.flatMap((root) =>
    [...root.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS)),
  );
  for (const block of blocks) {
    const nodes = textNodesOf(block);
    const text = nodes.map((node) => node.data).join('');
    const normalised = normaliseText(text);
    const ranges = findAll(normalised.text, needle).map((start) =>
      toOriginalRange(normalised, start, start + needle.length),
    );
    // Wrap from the last hit backwards: splitting a text node keeps earlier offsets valid.
    const blockHits: HTMLElement[][] = [];
    for (const [from, to] of ranges.reverse()) {
      blockHits.unshift(wrapRange(textNodesOf(block), from, to, 0));
    }
    hits.push(...blockHits);
  }
  hits.forEach((marks, index) => marks.forEach((mark) => (mark.dataset.hit = String(index))));
  return hits;
}

/** Removes the marks again, leaving the text as it was. */
function unmark(hits: HTMLElement[][]): void {
  for (const mark of hits.flat()) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

/** The element id a URL hash names ('' for none or a malformed escape). */
function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}

/** Highlights `query` in the report and shows the previous/next bar. */
export function highlightQuery(query: string): void {
  // Only report pages have a body to search; elsewhere `?hl=` means nothing.
  if (!document.querySelector('[data-pagefind-body]')) return;
  const roots = [...document.querySelectorAll('.report-header, [data-pagefind-body]')];
  const hits = markQuery(roots, query);
  const bar = element('div', 'search-hit-bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '搜索命中');
  const status = element('span', 'search-hit-status');
  status.setAttribute('role', 'status');
  const previous = element('button', undefined, '上一处');
  const next = element('button', undefined, '下一处');
  const close = element('button', undefined, '关闭');
  for (const button of [previous, next, close]) button.type = 'button';
  bar.append(status, previous, next, close);
  document.body.append(bar);
  if (hits.length === 0) {
    status.textContent = `本页没有找到${quoteQuery(query)}`;
    previous.disabled = next.disabled = true;
  }

  let current = -1;
  const show = (index: number, scroll: boolean): void => {
    if (hits.length === 0) return;
    current = (index + hits.length) % hits.length;
    for (const mark of document.querySelectorAll('.search-hit-mark.is-current'))
      mark.classList.remove('is-current');
    const marks = hits[current] ?? [];
    for (const mark of marks) mark.classList.add('is-current');
    // Count first: on a phone the query is what gets cut off.
    status.textContent = `第 ${current + 1}/${hits.length} 处 ${quoteQuery(query)}`;
    if (scroll) marks[0]?.scrollIntoView({ block: 'center' });
  };
  // Start at the first hit inside the element the link pointed to, if any.
  const target = document.getElementById(decodeHash(location.hash));
  const first = target
    ? hits.findIndex((marks) => marks.some((mark) => target.contains(mark)))
    : -1;
  show(Math.max(first, 0), first < 0 && hits.length > 0);

  previous.addEventListener('click', () => show(current - 1, true));
  next.addEventListener('click', () => show(current + 1, true));
  close.addEventListener('click', () => {
    unmark(hits);
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete('hl');
    history.replaceState(history.state, '', url);
  });
}
