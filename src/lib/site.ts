/**
 * Site-wide constants and small helpers shared by the layout and pages.
 */
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.ts';

/** Name of the site shown in the header and in every page title. */
export const SITE_NAME = '新风文库';

/**
 * The server's Content-Security-Policy minus the directives a `<meta>` policy ignores
 * (`frame-ancestors`, `report-uri`, `sandbox`), so file:// previews and hosts that cannot set
 * headers still get the same protection.
 */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^(frame-ancestors|report-uri|sandbox)\b/.test(directive))
    .join('; ');
}

/** Composes a page title, e.g. `关于本刊 · 新风文库`; the home page passes no page name. */
export function composeTitle(pageName?: string): string {
  return pageName ? `${pageName} · ${SITE_NAME}` : SITE_NAME;
}
