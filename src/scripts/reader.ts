/**
 * Enhancements of a report page, wired to the controls that src/components/ReaderEnhancements.astro
 * renders hidden: copying section and paragraph links, sharing a selected passage, marking the
 * section being read in the table of contents, and offering to continue where the reader left
 * off. Without this script every link still works; it only adds. Kept small on purpose: a report
 * page may load 3 KB of gzipped JavaScript in all.
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

/**
 * Whether an element has keyboard focus. Safari before 15.4 throws on `:focus-visible`; it also
 * does not focus buttons on a click, so there the focused element is the keyboard's.
 */
function hasKeyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return element === document.activeElement;
  }
}

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
const paragraphButton = document.querySelector<HTMLButtonElement>('.para-link');
const shareButton = document.querySelector<HTMLButtonElement>('.share-selection');
const resume = $('.resume');
const resumeLink = resume?.querySelector('a');
const resumeExcerpt = resume?.querySelector('span');

if (body && reportId && paragraphButton && shareButton && resume && resumeLink && resumeExcerpt) {
  const blocks = [...body.querySelectorAll<HTMLElement>('h2[id],h3[id],p[id]')];
  const isHeading = blocks.map((block) => block.tagName !== 'P');
  const key = positionKey(reportId);
  let shareUrl = '';
  let selectionTimer = 0;

  // The one "copy paragraph link" button moves into the paragraph pointed at or touched; a
  // keyboard-focused button stays put, as moving the node would drop focus.
  const attach = (paragraph: Element | null | undefined): void => {
    // Re-inserting the button under the pointer would fire pointerover again, endlessly.
    if (
      !paragraph ||
      paragraph === paragraphButton.parentElement ||
      hasKeyboardFocus(paragraphButton)
    )
      return;
    paragraph.append(paragraphButton);
    paragraphButton.hidden = false;
  };
  // pointerover: a mouse entering, or a finger touching (a tap or the start of a scroll).
  body.addEventListener('pointerover', (event) =>
    attach((event.target as Element).closest('p[id]')),
  );

  // Pressing the share button must not clear the selection it shares.
  shareButton.addEventListener('mousedown', (event) => event.preventDefault());
  document.addEventListener('selectionchange', () => {
    clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      const selection = getSelection();
      const range = selection?.isCollapsed === false && selection.getRangeAt(0);
      shareUrl = '';
      shareButton.hidden = true;
      // The link builder is fetched on the first selection inside the report, not with the page.
      if (range && body.contains(range.commonAncestorContainer)) {
        void import(/* lazy */ './share-selection.ts').then(({ offerShare }) => {
          shareUrl = offerShare(range, blocks, shareButton);
        });
      }
    }, 250);
  });

  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const permalink = target.closest<HTMLAnchorElement>('a.permalink');
    const cited = document.getElementById(
      target.closest<HTMLElement>('[data-copy-target]')?.dataset.copyTarget ?? '',
    );
    // A plain click copies; modified clicks (new tab, …) keep their usual meaning.
    if (permalink && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      copy(buildAbsoluteLink(location, idFromHash(permalink.hash)));
    } else if (cited) copy(cited.textContent.trim(), '引文已复制');
    else if (target === paragraphButton)
      copy(buildAbsoluteLink(location, paragraphButton.parentElement?.id ?? ''));
    else if (target === shareButton) {
      copy(shareUrl);
      shareButton.hidden = true;
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
  const toc = document.querySelector<HTMLDetailsElement>('.toc details');
  if (toc && matchMedia('(min-width: 1100px)').matches) toc.open = true;

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
  let currentHeading: HTMLElement | undefined;
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
      const heading = blocks[place[0]];
      if (heading !== currentHeading) {
        currentHeading = heading;
        document.querySelector('.toc [aria-current]')?.removeAttribute('aria-current');
        document
          .querySelector(`.toc a[href="#${heading?.id}"]`)
          ?.setAttribute('aria-current', 'location');
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
      rootMargin: `-${header && getComputedStyle(header).position === 'sticky' ? header.offsetHeight : 0}px 0px 0px 0px`,
    },
  );
  for (const block of blocks) observer.observe(block);
}
