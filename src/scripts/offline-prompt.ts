/**
 * The quiet notice that a new build of the library is ready (src/scripts/offline-register.ts loads
 * this only then): "已更新，刷新查看" takes the new build — the waiting worker takes over and every
 * open page reloads onto it — and × closes the notice; the next page shows it again until the
 * reader accepts or every tab of the site is closed, when browsers switch to the new build anyway.
 * Built here rather than rendered hidden into every page, where its markup would cost every
 * first visit bytes for a notice most never see; its styles sit beside `.toast` in layout.css.
 */
let notice: HTMLElement | undefined;
let reload: HTMLButtonElement;
let accept: () => void;

function button(text: string, label?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (label) element.setAttribute('aria-label', label);
  return element;
}

/**
 * Shows the notice; `take` tells the installed new build to take over. While the notice is shown,
 * a newer build found meanwhile only becomes the one the button takes. (The worker message is
 * sent by the caller: importing it here would tie this chunk to the header's.)
 */
export function offerUpdate(take: () => void): void {
  accept = take;
  if (notice) {
    reload.disabled = false;
    return;
  }
  const region = document.createElement('div');
  notice = region;
  region.className = 'update-prompt';
  // A live region of its own, inserted empty and filled a frame later so screen readers notice
  // the change; the page's `.toast` is rewritten by other messages and could not hold a button.
  region.setAttribute('role', 'status');
  reload = button('已更新，刷新查看');
  const close = button('×', '关闭更新提示');
  reload.addEventListener('click', () => {
    reload.disabled = true;
    accept();
  });
  close.addEventListener('click', () => {
    region.remove();
    notice = undefined;
  });
  document.body.append(region);
  requestAnimationFrame(() => region.append(reload, close));
}
