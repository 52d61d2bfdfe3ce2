/**
 * On a redirect page (src/layouts/RedirectPage.astro): goes on to the new address with the old
 * address's query and hash, so `/reports/05/?hl=社区#p2-3-4` lands on `/2025-zk/05/?hl=社区#p2-3-4`.
 * `replace`, so Back skips the redirect page. The target is the page's own link, which keeps the
 * host the reader used (a canonical URL may name another one).
 */
const link = document.getElementById('moved');
if (link instanceof HTMLAnchorElement)
  location.replace(link.pathname + location.search + location.hash);
