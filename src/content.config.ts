/**
 * Content collections: the reports the split writes to `content/reports/*.md`
 * (frontmatter as in README, “What the build does”) and the publication data in `content/publication.json`.
 *
 * The schemas (src/lib/content-schema.ts) are the one description of these files: a report file whose
 * frontmatter does not match fails the build with Astro's `InvalidContentEntryDataError`, naming
 * the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { publicationSchema, REPORT_FILE_GLOB, reportSchema } from './lib/content-schema.ts';

const reports = defineCollection({
  loader: glob({ pattern: REPORT_FILE_GLOB, base: './content/reports' }),
  schema: reportSchema,
});

/** One entry, id `publication`: the file is a single object, not a list or map of entries. */
const publication = defineCollection({
  loader: async () => {
    const path = 'content/publication.json';
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new Error(
        `${path} is missing: run \`npm run split\` first (it derives it from the source).`,
      );
    }
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return [{ id: 'publication', ...data }];
  },
  schema: publicationSchema,
});

export const collections = { reports, publication };
