/**
 * Vite plugin: swaps Vite's module-preload helper for a one-line function. Vite wraps every
 * `import('…')` in `__vitePreload`, whose ~650 gzipped bytes (modulepreload links, CSP nonces,
 * error events, stylesheet loading) would be a fifth of the 3 KB of JavaScript a report page may
 * load. Without it a lazy chunk's own imports are fetched when the chunk runs instead of in
 * parallel — milliseconds on a static host. The one thing the helper did that code relies on is
 * loading the stylesheets a lazy chunk imports, so the build fails if a lazy chunk imports any.
 */
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** The virtual module id Vite 6 imports the helper from. */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** The replacement: run the import, nothing else. */
export const LEAN_PRELOAD_SOURCE = 'export const __vitePreload = (load) => load();\n';

/**
 * Inlines the helper into the chunks that import it and drops its own file: a 30-byte function
 * is cheaper written out than fetched (a request, a gzip frame of its own and an `import` line in
 * every importer). Works on the final minified code, where each importer holds the line
 * `import{_ as X}from"./preload-helper.….js";`, or only `import"./preload-helper.….js";` where
 * Rollup hoisted the import of a chunk it shares (the lean helper has no side effects, so that
 * line goes); if any importer holds neither, it throws, so a Vite upgrade that changes the output
 * fails the build (tests/site/build.test.ts also checks that no preload helper reaches dist/).
 */
export function inlineLeanPreload(bundle: OutputBundle): void {
  const chunks = Object.values(bundle).filter(
    (output): output is OutputChunk => output.type === 'chunk',
  );
  const helper = chunks.find(
    (chunk) => chunk.moduleIds.length === 1 && chunk.moduleIds[0] === PRELOAD_HELPER_ID,
  );
  if (!helper || helper.isEntry || helper.isDynamicEntry) return;
  const name = helper.fileName.slice(helper.fileName.lastIndexOf('/') + 1).replace(/[.$]/g, '\\$&');
  const importLine = new RegExp(`import\\{_ as ([\\w$]+)\\}from"\\./${name}";`);
  const bareImport = new RegExp(`import"\\./${name}";`);
  const importers = chunks.filter((chunk) => chunk.imports.includes(helper.fileName));
  const unmatched = importers.filter(
    (chunk) => !importLine.test(chunk.code) && !bareImport.test(chunk.code),
  );
  if (unmatched.length > 0) {
    // Vite's minified output changed shape: fail the build rather than ship the helper's file
    // and an extra request without saying so.
    throw new Error(
      `vite-lean-preload: ${unmatched.map((chunk) => chunk.fileName).join(', ')} import the preload ` +
        `helper ${helper.fileName} in a form this plugin does not recognise; update inlineLeanPreload`,
    );
  }
  for (const chunk of importers) {
    chunk.code = chunk.code.replace(importLine, 'const $1=e=>e();').replace(bareImport, '');
    chunk.imports = chunk.imports.filter((file) => file !== helper.fileName);
  }
  // The bundle is Rollup's record of files to write; removing the entry is how a plugin drops one.
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
  delete bundle[helper.fileName];
}

/** Lists the stylesheets that chunks loaded by dynamic import (and their static imports) bring in. */
export function findLazyStylesheets(bundle: OutputBundle): string[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((output): output is OutputChunk => output.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const lazy = [...chunks.values()].flatMap((chunk) => chunk.dynamicImports);
  const seen = new Set<string>();
  const stylesheets = new Set<string>();
  for (let file = lazy.pop(); file !== undefined; file = lazy.pop()) {
    const chunk = chunks.get(file);
    if (!chunk || seen.has(file)) continue;
    seen.add(file);
    for (const css of (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata
      ?.importedCss ?? []) {
      stylesheets.add(css);
    }
    lazy.push(...chunk.imports);
  }
  return [...stylesheets];
}

/** The plugin; it resolves and loads the helper id before Vite's own build plugin can. */
export default function viteLeanPreload(): Plugin {
  return {
    name: 'xinfeng:lean-preload',
    enforce: 'pre',
    apply: 'build',
    resolveId(id) {
      return id === PRELOAD_HELPER_ID ? id : undefined;
    },
    load(id) {
      return id === PRELOAD_HELPER_ID ? LEAN_PRELOAD_SOURCE : undefined;
    },
    generateBundle: {
      // After Vite's import analysis has written its final calls into the chunks.
      order: 'post',
      handler(_options, bundle) {
        const stylesheets = findLazyStylesheets(bundle);
        if (stylesheets.length > 0) {
          this.error(
            `lazy-css: code loaded by import() brings stylesheets (${stylesheets.join(', ')}) that ` +
              'scripts/lib/vite-lean-preload.ts does not load; import them from the page instead',
          );
        }
        inlineLeanPreload(bundle);
      },
    },
  };
}
