/**
 * The DOM half of "share this selection", loaded by reader.ts only once the reader selects text
 * in the report (it is not part of the JavaScript every report page loads): turns the selected
 * range into a text-fragment link whose fallback target is the paragraph it starts in.
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
