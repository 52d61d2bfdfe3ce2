import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests hand strings to pure modules and need nothing built;
// `site` tests check the built `dist/` (and drive Chromium against it), so their global
// setup builds the site once per run.
export default defineConfig({
  // This file lives in tests/ to keep the top level as the client asked; paths stay relative to
  // the project root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // The JSON report feeds the one-line totals that `.ci/run` prints last.
    reporters: ['default', ['json', { outputFile: 'tests/artifacts/results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A few unit tests bundle real code (esbuild for boot.js and the worker, Vite for the
          // offline switch): seconds on a quiet machine, more when it is busy. The limit only
          // catches a hang; no test measures time.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One Chromium and one build at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
