/**
 * Content collections: every edition the split writes to `content/editions/<edition>/`
 * (src/lib/content-location.ts) — its reports `reports/NN.md` (frontmatter as in README, “What the
 * build does”) and its publication data `publication.json`.
 *
 * The schemas (src/lib/content-schema.ts) are the one description of these files: a report file whose
 * frontmatter does not match fails the build with Astro's `InvalidContentEntryDataError`, naming
 * the file and the field.
 */
import { readFile, readdir } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { editionsFolder } from './lib/content-location.ts';
import { publicationSchema, REPORT_FILE_GLOB, reportSchema } from './lib/content-schema.ts';

/** Report entries have the id `<edition>/<NN>`, e.g. `2025-zk/05` (src/lib/content.ts reads it back). */
const reports = defineCollection({
  loader: glob({
    pattern: `*/reports/${REPORT_FILE_GLOB}`,
    base: editionsFolder(),
    generateId: ({ entry }) => entry.replace('/reports/', '/').replace(/\.md$/, ''),
  }),
  schema: reportSchema,
});

/** One entry per edition, its id the edition folder's name: each file is a single object. */
const publication = defineCollection({
  loader: async () => {
    const folder = editionsFolder();
    let names: string[];
    try {
      names = (await readdir(folder, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
    } catch {
      names = [];
    }
    if (names.length === 0)
      throw new Error(
        `${folder} holds no edition: run \`npm run split\` first (it derives them from content/source/).`,
      );
    return Promise.all(
      names.map(async (name) => {
        const path = `${folder}/${name}/publication.json`;
        const text = await readFile(path, 'utf8');
        let data: Record<string, unknown>;
        try {
          data = JSON.parse(text) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, {
            cause: error,
          });
        }
        return { id: name, ...data };
      }),
    );
  },
  schema: publicationSchema,
});

export const collections = { reports, publication };
