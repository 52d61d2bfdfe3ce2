/**
 * Site-wide constants and small helpers shared by the layout and pages.
 */
/** Name of the site shown in the header and in every page title. */
export const SITE_NAME = '新风文库';

/** Composes a page title, e.g. `关于本刊 · 新风文库`; the home page passes no page name. */
export function composeTitle(pageName?: string): string {
  return pageName ? `${pageName} · ${SITE_NAME}` : SITE_NAME;
}
