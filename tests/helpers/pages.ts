/**
 * Addresses of the real edition's pages for tests, through src/lib/urls.ts (never literal paths):
 * the committed source is the 2025 增刊, whose reports live at `/2025-zk/NN/`.
 */
import { LEGACY_EDITION, editionAboutPath, editionPath, reportPath } from '../../src/lib/urls.ts';

/** The edition the real source is: the 2025 增刊, which also owns the first scheme's addresses. */
export const REAL_EDITION = LEGACY_EDITION;

/** A report page of the real edition relative to the site root, e.g. `2025-zk/05/`. */
export function reportPage(id: string): string {
  return reportPath('/', { edition: REAL_EDITION, id }).slice(1);
}

/** The source of a pattern matching the path of a report page of the real edition, `/2025-zk/NN/`. */
export const REAL_REPORT_PATH = `${editionPath('/', REAL_EDITION)}\\d{2,3}/`;

/** The real edition's about page relative to the site root, `2025-zk/about/` (`about/` is a redirect page now). */
export const ABOUT_PAGE = editionAboutPath('/', REAL_EDITION).slice(1);
