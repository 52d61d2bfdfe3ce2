// @ts-check
import { defineConfig } from 'astro/config';
import { markdownConfig } from './src/plugins/markdown-config.ts';
import viteLeanPreload from './scripts/lib/vite-lean-preload.ts';
import bootScript from './scripts/lib/boot-script.ts';
import { readOfflineSwitch } from './scripts/offline/switch.ts';

/**
 * The one place the deployment path is set. Build for a sub-path with
 * `BASE_PATH=/xinfeng/ npm run build`; every link, asset and the search index follow it.
 */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are served under `style-src 'self'`: an inlined <style> block would be blocked.
    inlineStylesheets: 'never',
  },
  // Absolute URL of the deployment, when known (used only for canonical links); pages compute
  // shareable links from the address they were opened at, so intranet hosts work without it.
  site: process.env.SITE_URL || undefined,
  devToolbar: { enabled: false },
  // `boot.js`, the reading settings applied before first paint, bundled from src/scripts/boot.ts.
  integrations: [bootScript()],
  // No prefetch: it would add a script to every page and fetch pages nobody asked for.
  prefetch: false,
  // One module with the split (src/plugins/markdown-config.ts): CommonMark without GFM or
  // smartypants, so the page shows the characters the split wrote and checked.
  markdown: markdownConfig,
  vite: {
    // Whether pages register the offline worker: OFFLINE=off leaves the code out of every page
    // (the build then ships a worker that removes earlier offline copies, scripts/offline/).
    define: { 'import.meta.env.OFFLINE_ENABLED': JSON.stringify(readOfflineSwitch()) },
    // Vite's preload helper alone would be a fifth of a report page's 3 KB script budget.
    plugins: [viteLeanPreload()],
    build: {
      // The oldest engines readers use (README "Browsers"): Astro would otherwise ask for
      // `esnext` and ship syntax they cannot parse. CSS minification follows the same target.
      target: ['chrome86', 'firefox115', 'safari14'],
      // Astro inlines bundled scripts smaller than this limit as inline <script> tags, which
      // `script-src 'self'` blocks; 0 keeps every script an external file.
      assetsInlineLimit: 0,
      // With the lean helper the dependency lists Vite writes beside every import() are dead
      // weight; without module preload Vite leaves them out (lazy chunks import no CSS, see above).
      modulePreload: false,
    },
  },
});
