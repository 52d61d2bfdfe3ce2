/**
 * The DOM half of "share this selection", loaded by reader.ts only once the reader selects text
 * in the report (it is not part of the JavaScript every report page loads): turns the selected
 * range into a text-fragment link whose fallback target is the paragraph it starts in, and sets the
 * share button beside the selection.
 */
import { buildTextDirective, buildTextFragmentUrl, type WordSegmenter } from './text-fragment.ts';

// Chromium matches directive terms on ICU word boundaries, which Intl.Segmenter shares; an
// engine without it gets character boundaries (and likely no text fragments either).
const segmenter: WordSegmenter =
  'Segmenter' in Intl
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : { segment: (text) => [...text].map((_, index) => ({ index })) };

/**
 * Returns the share link for `range` when both of its ends lie in paragraphs among `blocks` (the
 * report's headings and paragraphs in order), else an empty string.
 */
export function buildSelectionLink(range: Range, blocks: readonly HTMLElement[]): string {
  const within = (node: Node): Element | null | undefined =>
    node.parentElement?.closest('.report-body p[id]');
  const first = within(range.startContainer);
  const last = within(range.endContainer);
  if (!first || !last) return '';
  let text = '';
  let start = 0;
  let end = 0;
  for (const block of blocks) {
    const offsetOf = (node: Node, offset: number): number => {
      const part = document.createRange();
      part.setStart(block, 0);
      part.setEnd(node, offset);
      return text.length + part.toString().length;
    };
    if (block === first) start = offsetOf(range.startContainer, range.startOffset);
    if (block === last) end = offsetOf(range.endContainer, range.endOffset);
    text += `${block.textContent}\n`;
  }
  const directive = buildTextDirective(text, start, end, segmenter);
  return directive
    ? buildTextFragmentUrl(location.origin + location.pathname, first.id, directive)
    : '';
}

/** A rectangle in viewport pixels, as getBoundingClientRect gives it. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Room kept between the button and the selection, and on phones for the drag handles below it. */
const GAP = 8;
const HANDLES = 28;

/**
 * Where the share button goes (its top-left corner, viewport pixels) for a selection whose first
 * and last line boxes are `first` and `last`. With a mouse it stands just above the first line,
 * at its start, where nothing else appears; below the last line, at that line's start, when the
 * header or the window's top leaves no room. Phones draw their own copy menu above a selection and drag handles under
 * its ends, so there it goes below the last line, past the handles, held inside the window.
 */
export function placeShareButton(
  first: Box,
  last: Box,
  size: { width: number; height: number },
  view: { width: number; height: number; top: number },
  touch: boolean,
): { left: number; top: number } {
  const above = first.top - GAP - size.height;
  const goBelow = touch || above < view.top;
  const top = goBelow
    ? Math.min(last.bottom + (touch ? HANDLES : GAP), view.height - size.height - GAP)
    : above;
  // At the start of the line it stands by.
  const start = goBelow ? last.left : first.left;
  const left = Math.max(GAP, Math.min(start, view.width - size.width - GAP));
  return { left, top };
}

/**
 * Offers `range` for sharing: returns its link (see buildSelectionLink) and shows `button` beside
 * it, or hides the button and returns '' when the range cannot be shared.
 */
export function offerShare(
  range: Range,
  blocks: readonly HTMLElement[],
  button: HTMLElement,
): string {
  const link = buildSelectionLink(range, blocks);
  button.hidden = !link;
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  const parent = button.offsetParent;
  if (!link || !first || !last || !parent) return link;
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const place = placeShareButton(
    first,
    last,
    { width: button.offsetWidth, height: button.offsetHeight },
    { width: innerWidth, height: innerHeight, top: Math.max(0, header) },
    matchMedia('(pointer: coarse)').matches,
  );
  // The button is absolutely placed, so it stays by the text when the page scrolls.
  const origin = parent.getBoundingClientRect();
  button.style.left = `${place.left - origin.left}px`;
  button.style.top = `${place.top - origin.top}px`;
  return link;
}
