/**
 * Enhancements of a report page, wired to the controls that src/components/ReaderEnhancements.astro
 * renders hidden: copying section and paragraph links, the phone's reading bar, sharing a selected
 * passage, marking the section being read in the table of contents, and offering to continue where
 * the reader left off. Without this script every link still works; it only adds. Kept small on
 * purpose: a report page may load 3 KB of gzipped JavaScript in all.
 */
import {
  buildAbsoluteLink,
  excerpt,
  fallbackHash,
  idFromHash,
  locateReading,
  positionKey,
} from './links.ts';

const $ = (selector: string): HTMLElement | null => document.querySelector(selector);
const body = $('.report-body');
const reportId = $('[data-report-id]')?.dataset.reportId;
const toast = $('.toast');
let toastTimer = 0;

/** Runs a localStorage access; storage can be blocked (private modes, policies) and then throws. */
function withStorage<T>(access: (storage: Storage) => T): T | undefined {
  try {
    return access(localStorage);
  } catch {
    return undefined;
  }
}

/** Writes a message into the page's live region and clears it after a moment. */
function announce(message: string): void {
  if (!toast) return;
  toast.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (toast.textContent = ''), 3000);
}

/**
 * Copies text and announces it. navigator.clipboard exists only in secure contexts and intranet
 * sites are often plain http, so the fallback answers a `copy` command itself — no helper
 * textarea, so neither focus nor scroll position moves.
 */
function copy(text: string, done = '链接已复制'): void {
  const fallback = (): void => {
    const write = (event: ClipboardEvent): void => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', write);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one copy path on plain http
    const copied = document.execCommand('copy');
    document.removeEventListener('copy', write);
    announce(copied ? done : '复制失败，请手动复制');
  };
  // Typed as always there, but browsers leave it out outside secure contexts (plain-http intranets).
  const clipboard = (navigator as Partial<Navigator>).clipboard;
  if (clipboard) clipboard.writeText(text).then(() => announce(done), fallback);
  else fallback();
}

// ReaderEnhancements.astro renders these next to the script.
const paragraphButton = $('.para-link');
const toc = $('.toc details') as HTMLDetailsElement | null;
const shareButton = $('.share-selection');
const resume = $('.resume');
const resumeLink = $('.resume a') as HTMLAnchorElement | null;
const resumeExcerpt = $('.resume span');

if (
  body &&
  reportId &&
  paragraphButton &&
  toc &&
  shareButton &&
  resume &&
  resumeLink &&
  resumeExcerpt
) {
  const blocks = [...body.querySelectorAll<HTMLElement>('h2[id],h3[id],p[id]')];
  const isHeading = blocks.map((block) => block.tagName !== 'P');
  const key = positionKey(reportId);
  let shareUrl = '';
  let selectionTimer = 0;

  // On a wide screen the one "copy paragraph link" button moves into the paragraph the mouse
  // points at (enhancements.css sets it in the margin). Not once a finger has touched the text:
  // touch starts every scroll, so the button would follow swipes to paragraphs long gone.
  // A focused button stays put, as moving the node would drop focus; only the keyboard focuses
  // it, as a mouse press does not (below).
  const wide = matchMedia('(min-width:45em)').matches;
  let touched = false;
  const attach = (paragraph: Element | null | undefined): void => {
    // Re-inserting the button under the pointer would fire pointerover again, endlessly.
    if (
      !wide ||
      touched ||
      !paragraph ||
      paragraph === paragraphButton.parentElement ||
      paragraphButton === document.activeElement
    )
      return;
    paragraph.append(paragraphButton);
    paragraphButton.hidden = false;
  };
  body.addEventListener('pointerover', (event) => {
    touched ||= event.pointerType === 'touch';
    attach((event.target as Element).closest('p[id]'));
  });

  // Pressing the share button must not clear the selection it shares, nor the link button take
  // the focus that keeps it in place (see attach; :focus-visible would tell the two apart, but
  // Safari before 15.4 throws on it).
  document.addEventListener('mousedown', (event) => {
    if (event.target === shareButton || event.target === paragraphButton) event.preventDefault();
  });
  document.addEventListener('selectionchange', () => {
    clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      const selection = getSelection();
      const range = selection?.isCollapsed === false && selection.getRangeAt(0);
      shareUrl = '';
      shareButton.hidden = true;
      // The link builder is fetched on the first selection inside the report, not with the page.
      if (range && body.contains(range.commonAncestorContainer)) {
        // A whole-module `then` (not destructuring) keeps Vite from wrapping the import.
        void import(/* lazy */ './share-selection.ts').then((module) => {
          shareUrl = module.offerShare(range, blocks, shareButton);
        });
      }
    }, 250);
  });

  const copyLink = (id: string): void => copy(buildAbsoluteLink(location, id));
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const permalink = target.closest<HTMLAnchorElement>('a.permalink');
    const cited = document.getElementById(
      target.closest<HTMLElement>('[data-copy-target]')?.dataset.copyTarget ?? '',
    );
    const block = target.closest<HTMLElement>('h2[id],h3[id],p[id]');
    // A plain click copies; modified clicks (new tab, …) keep their usual meaning.
    if (permalink && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      copyLink(idFromHash(permalink.hash));
    } else if (cited) copy(cited.textContent.trim(), '引文已复制');
    else if (target === paragraphButton) copyLink(paragraphButton.parentElement?.id ?? '');
    else if (target === shareButton) {
      copy(shareUrl);
      shareButton.hidden = true;
    } else if ((touched || !wide) && blocks.includes(block as HTMLElement)) {
      // A tap on a heading or paragraph (or a click where the margin has no room) offers its
      // link in the reading bar.
      void import(/* lazy */ './reading-bar.ts').then((module) =>
        module.tapBlock(block as HTMLElement, copyLink),
      );
    }
  });

  // Browsers without text fragments keep `#p2-3-4:~:text=…`, which names no element: replace it
  // with the paragraph the link carries as its fallback, a fragment navigation that scrolls
  // below the header and marks :target like any other (and adds no history entry).
  // (Chromium strips the directive even with the feature switched off, so only a unit test covers this.)
  const fallback = fallbackHash(location.hash, !!document.fragmentDirective);
  if (fallback) location.replace(fallback);

  // Wide screens show the table of contents beside the text; ReportToc.css keeps it open
  // where ::details-content exists, this opens it elsewhere.
  if (matchMedia('(min-width: 1100px)').matches) toc.open = true;

  // Continue reading: offer, never force, a jump back to the paragraph last read.
  // A stored position counts only if it still names a paragraph of this report's body.
  const saved = withStorage((storage) => storage.getItem(key));
  const resumeAt = saved && !location.hash ? document.getElementById(saved) : null;
  if (
    resumeAt?.tagName === 'P' &&
    body.contains(resumeAt) &&
    resumeAt !== body.querySelector('p[id]')
  ) {
    resumeLink.hash = resumeAt.id;
    resumeExcerpt.textContent = excerpt(resumeAt.textContent);
    resume.hidden = false;
    body.prepend(resume);
    resume.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a, button')) resume.remove();
    });
  }

  // One observer follows the headings and paragraphs visible below the sticky header; it drives
  // the table-of-contents mark, the paragraph button's first place and the saved position.
  const header = $('.site-header');
  const visible = new Set<number>();
  let currentEntry: HTMLElement | null = null;
  let lastRead = '';
  let saveTimer = 0;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const index = blocks.indexOf(entry.target as HTMLElement);
        if (entry.isIntersecting) visible.add(index);
        else visible.delete(index);
      }
      const place = locateReading(isHeading, visible);
      if (!place) return;
      // None above the first heading: the text before it belongs to no section.
      const entry = $(`.toc a[href="#${blocks[place[0]]?.id}"]`);
      if (entry !== currentEntry) {
        currentEntry?.removeAttribute('aria-current');
        currentEntry = entry;
        if (entry) {
          entry.setAttribute('aria-current', 'location');
          // A long list scrolls inside the sticky navigation (ReportToc.css, where the <details>
          // is the entries' offset parent): keep the entry in its middle. scrollIntoView would
          // move the page too, and Chrome 86 has no container-only form of it. Elsewhere the
          // <details> does not scroll and this changes nothing.
          toc.scrollTop = entry.offsetTop - toc.clientHeight / 2;
        }
      }
      const paragraph = blocks[place[1]];
      if (!paragraphButton.parentElement?.id) attach(paragraph);
      // At the very top nothing has been read yet: keep the earlier position for the prompt.
      if (paragraph && scrollY > 0) lastRead = paragraph.id;
      // Throttled: at most one write a second, always of the latest position.
      if (lastRead && !saveTimer) {
        saveTimer = window.setTimeout(() => {
          saveTimer = 0;
          withStorage((storage) => storage.setItem(key, lastRead));
        }, 1000);
      }
    },
    // The header is sticky on wide screens only; elsewhere it scrolls away and hides nothing.
    {
      rootMargin: `-${header && getComputedStyle(header).position === 'sticky' ? header.offsetHeight : 0}px 0px 0px`,
    },
  );
  for (const block of blocks) observer.observe(block);
}
