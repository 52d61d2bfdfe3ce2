/**
 * Registers the offline copy's worker (src/offline/service-worker.ts, built into `sw.js`) once the
 * page is idle, so a first visit gets its page before the library downloads in the background,
 * and offers the new build when a deployment replaced it. Bundled into the header's script on
 * every page, so it is kept to a few lines; the prompt itself is loaded only when there is an
 * update to offer. Without `navigator.serviceWorker` (plain-http intranets are not a secure
 * context, Firefox's private windows) nothing happens: the site works online as before.
 */
import { SKIP_WAITING_MESSAGE, WORKER_FILE } from '../lib/offline.ts';

// OFFLINE_ENABLED is false in an `OFFLINE=off` build (astro.config.mjs): the constants then fold
// to `false` and the bundler drops all of this, even the read of `navigator.serviceWorker`.
const container =
  import.meta.env.PROD && import.meta.env.OFFLINE_ENABLED && navigator.serviceWorker;
if (container) {
  // A page the worker already answered shows that worker's build: when another worker takes over
  // (the reader accepted an update, here or in another tab), this page is of the old build.
  const controlledAtLoad = container.controller;
  // Only a page shown by an older worker has an update to be told of; a first visit has not.
  const offer = (worker: ServiceWorker | null): void => {
    if (worker && container.controller)
      void import('./offline-prompt.ts').then((prompt) =>
        prompt.offerUpdate(() => worker.postMessage(SKIP_WAITING_MESSAGE)),
      );
  };
  const start = (): void => {
    container.addEventListener('controllerchange', () => controlledAtLoad && location.reload());
    // Ends in "/": Astro appends one to the base under `trailingSlash: 'always'` (see the config).
    const base = import.meta.env.BASE_URL;
    container.register(base + WORKER_FILE, { scope: base }).then(
      (registration) => {
        offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener(
            'statechange',
            () => worker.state === 'installed' && offer(worker),
          );
        });
      },
      () => {
        // Refused (storage disabled by policy, a server without sw.js): the site stays online-only.
      },
    );
  };
  // Safari has no requestIdleCallback; after `load` the page has done its own work anyway.
  addEventListener('load', () => (window.requestIdleCallback || setTimeout)(start));
}
