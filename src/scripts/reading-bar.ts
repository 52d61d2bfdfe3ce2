/**
 * The phone's reading bar (src/components/ReaderEnhancements.astro), loaded by reader.ts on the
 * first tap on the text where no pointer hovers (it is not part of the JavaScript every report
 * page loads). Nothing covers the text until the reader taps a heading or paragraph: that block is
 * marked, and the bar offers the way to the section list, to the top, and the link of the block.
 * A second tap on it, any use of the bar, or the block going out of sight (off the screen or under
 * the bar) puts the bar away, so its button never names what the reader cannot see.
 * reader.ts passes each tap on; enhancements.css styles the bar and the mark.
 */

/**
 * Wires the bar and returns the function that marks a block and shows the bar; called with no
 * block, or the marked one again, it puts both away. `copyLink` copies the link of an element id.
 */
function wireBar(copyLink: (id: string) => void): (block?: HTMLElement) => void {
  // Rendered by ReaderEnhancements.astro and ReportToc.astro on every report page.
  const bar = document.querySelector('.reader-bar') as HTMLElement;
  const toc = document.querySelector('.toc details') as HTMLDetailsElement;
  let chosen: HTMLElement | undefined;
  const choose = (block?: HTMLElement): void => {
    chosen?.classList.remove('chosen');
    chosen = block === chosen ? undefined : block;
    bar.hidden = !chosen;
    if (!chosen) return;
    chosen.classList.add('chosen');
    // A block the bar now covers whole (a heading just landed on at the top edge) comes out below it.
    const box = chosen.getBoundingClientRect();
    const edge = bar.getBoundingClientRect().bottom;
    if (box.bottom <= edge) scrollBy(0, box.top - edge - 8);
  };
  // Puts the bar away once the marked block is above the bar's bottom edge or below the screen.
  const letGoUnseen = (): void => {
    const box = chosen?.getBoundingClientRect();
    if (box && (box.bottom < bar.getBoundingClientRect().bottom || box.top > innerHeight)) choose();
  };
  addEventListener('scroll', letGoUnseen);
  bar.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (!chosen || !target.closest('a, button')) return;
    if (target.matches('button')) copyLink(chosen.id);
    // On a phone the section list is a closed <details>: arriving there opens it.
    else toc.open ||= target.matches('[href="#toc"]');
    choose();
  });
  return choose;
}

let choose: ((block?: HTMLElement) => void) | undefined;

/**
 * Handles a tap on `block`, a heading or paragraph of the report body: marks it and shows the
 * bar, or lets it go when it was marked. The first call wires the bar.
 */
export function tapBlock(block: HTMLElement, copyLink: (id: string) => void): void {
  choose ??= wireBar(copyLink);
  choose(block);
}
