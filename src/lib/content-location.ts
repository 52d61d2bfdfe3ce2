/**
 * Where the split's output lives, for the content collections (src/content.config.ts), the split,
 * the build stages and tests: `content/editions/<edition>/publication.json` and
 * `content/editions/<edition>/reports/NN.md`, one folder per edition named by its key. Node only.
 *
 * CONTENT_DIR points every reader at another content folder, so a test builds a library of its
 * own (tests/site/library.test.ts) without touching the committed content/.
 */

/** The folder under the content root that holds one folder per edition. */
export const EDITIONS_FOLDER = 'editions';

/** The content root: CONTENT_DIR when set, else `content`. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR || 'content';
}

/** The editions folder of a content root, `content/editions`. */
export function editionsFolder(root = contentRoot()): string {
  return `${root.replace(/[\\/]+$/, '')}/${EDITIONS_FOLDER}`;
}
