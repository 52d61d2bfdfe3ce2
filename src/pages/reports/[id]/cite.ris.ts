/** `/reports/05/cite.ris`, the first scheme's address: the same file as `/2025-zk/05/cite.ris`. */
import type { APIRoute } from 'astro';
import { formatRis } from '../../../lib/citation.ts';
import { legacyCitationPaths, respondWithCitation } from '../../../lib/cite-endpoint.ts';

export const getStaticPaths = legacyCitationPaths;

export const GET: APIRoute = (context) =>
  respondWithCitation(
    context,
    (source) => formatRis(source),
    'application/x-research-info-systems; charset=utf-8',
  );
