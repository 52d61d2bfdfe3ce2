/**
 * Astro integration: ships src/scripts/boot.ts as the site's `boot.js`, the one classic script of
 * every page (it must run in `<head>` before the first paint, so it cannot be one of Astro's module
 * scripts). esbuild bundles it with the settings rules it imports and minifies it; `astro dev`
 * serves the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

/** The file name below the base path. */
export const BOOT_SCRIPT = 'boot.js';

/** Bundles the boot script into one minified classic script (an IIFE, so nothing leaks). */
export async function bundleBootScript(entry = 'src/scripts/boot.ts'): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    // The oldest engines the site supports (Chromium 86, Safari 14) read ES2019 as is.
    target: 'es2019',
    legalComments: 'none',
    write: false,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`boot-script: esbuild wrote nothing for ${entry}`);
  return output.text;
}

/** The integration: writes `boot.js` into the build and serves it in development. */
export default function bootScript(entry?: string): AstroIntegration {
  let base = '/';
  return {
    name: 'xinfeng:boot-script',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (request.url?.split('?')[0] !== `${base}${BOOT_SCRIPT}`) {
            next();
            return;
          }
          bundleBootScript(entry).then(
            (code) => {
              response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              response.end(code);
            },
            (error: unknown) => {
              next(error);
            },
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL(BOOT_SCRIPT, dir), await bundleBootScript(entry));
      },
    },
  };
}
