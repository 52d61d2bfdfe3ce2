/**
 * The eager part of the header search box (src/components/SearchBox.astro): `/` and Ctrl/⌘-K
 * focus it, and the first focus or keystroke loads the search code (search-box.ts); until then
 * the page carries only these few hundred bytes. Also starts the highlighter of a search hit.
 */
import { highlightFromUrl } from './search-landing.ts';

const form = document.querySelector<HTMLFormElement>('form.search-box');
const input = form?.querySelector<HTMLInputElement>('input');
if (form && input) {
  const load = (): void => {
    void import('./search-box.ts').then((module) => module.attachSearchBox(form));
  };
  input.addEventListener('focus', load, { once: true });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key === 'k')) {
      event.preventDefault();
      input.focus();
    }
  });
}
highlightFromUrl();
