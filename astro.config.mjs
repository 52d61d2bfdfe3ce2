// @ts-check
import { defineConfig } from 'astro/config';

/**
 * The one place the deployment path is set. Build for a sub-path with
 * `BASE_PATH=/xinfeng/ npm run build`; every link, asset and the search index follow it.
 */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Absolute URL of the deployment, when known (used only for canonical links); pages compute
  // shareable links from the address they were opened at, so intranet hosts work without it.
  site: process.env.SITE_URL || undefined,
  devToolbar: { enabled: false },
});
