/**
 * `/sitemap.xml`: every page of every edition (src/lib/sitemap.ts). A sitemap must give absolute
 * URLs, so it is built only when the deployment address is known (`--site`, SITE_URL); an
 * intranet build without one has none rather than one naming the wrong host.
 */
import type { APIRoute } from 'astro';
import { loadEditions } from '../lib/content.ts';
import { formatSitemap, listSitePaths } from '../lib/sitemap.ts';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [];
}

export const GET: APIRoute = async (context) => {
  const site = context.site;
  if (!site) throw new Error('sitemap.xml needs the site URL');
  const paths = listSitePaths(await loadEditions(), import.meta.env.BASE_URL);
  return new Response(formatSitemap(paths.map((path) => new URL(path, site).href)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
