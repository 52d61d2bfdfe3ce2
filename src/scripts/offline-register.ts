/**
 * Starts the offline copy once the page is idle: loads src/scripts/offline-start.ts, which
 * registers the worker. Bundled into the header's script on every page, so only this trigger
 * counts against a first visit's bytes; the registration and the library's download come after the
 * page, like any background work. Without `navigator.serviceWorker` (plain-http intranets are not a
 * secure context, Firefox's private windows) nothing happens: the site works online as before.
 */

// OFFLINE_ENABLED is false in an `OFFLINE=off` build (astro.config.mjs): the constants then fold
// to `false` and the bundler drops all of this, even the read of `navigator.serviceWorker`.
if (
  import.meta.env.PROD &&
  import.meta.env.OFFLINE_ENABLED &&
  (navigator as Partial<Navigator>).serviceWorker
) {
  // Safari has no requestIdleCallback; after `load` the page has done its own work anyway.
  const idle = (window as Partial<Window>).requestIdleCallback ?? setTimeout;
  // A navigation during the load aborts the import (Firefox rejects it): the next page retries.
  addEventListener('load', () =>
    idle(() => {
      import('./offline-start.ts').catch(() => undefined);
    }),
  );
}
