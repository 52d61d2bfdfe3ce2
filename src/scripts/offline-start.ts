/**
 * Registers the offline copy's worker (src/offline/service-worker.ts, built into `sw.js`) and
 * offers the new build when a deployment replaced it. Loaded by src/scripts/offline-register.ts
 * once the page is idle, so neither its bytes nor the library's background download come before
 * a first visit's page; the prompt itself is loaded only when there is an update to offer.
 */
import { SKIP_WAITING_MESSAGE, WORKER_FILE } from '../lib/offline.ts';

const container = navigator.serviceWorker;
// A page the worker already answered shows that worker's build: when another worker takes over
// (the reader accepted an update, here or in another tab), this page is of the old build.
const controlledAtLoad = container.controller;
// Only a page shown by an older worker has an update to be told of; a first visit has not.
const offer = (worker: ServiceWorker | null): void => {
  if (worker && container.controller)
    void import('./offline-prompt.ts').then((prompt) => {
      prompt.offerUpdate(() => {
        worker.postMessage(SKIP_WAITING_MESSAGE);
      });
    });
};
container.addEventListener('controllerchange', () => controlledAtLoad && location.reload());
// Ends in "/": Astro appends one to the base under `trailingSlash: 'always'` (see the config).
const base = import.meta.env.BASE_URL;
container.register(base + WORKER_FILE, { scope: base }).then(
  (registration) => {
    offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
    });
  },
  () => {
    // Refused (storage disabled by policy, a server without sw.js): the site stays online-only.
  },
);
