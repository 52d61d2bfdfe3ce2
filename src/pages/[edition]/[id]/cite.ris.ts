/** `/2025-zk/05/cite.ris`: the report as an RIS record for reference managers. */
import type { APIRoute } from 'astro';
import { formatRis } from '../../../lib/citation.ts';
import { citationPaths, respondWithCitation } from '../../../lib/cite-endpoint.ts';

export const getStaticPaths = citationPaths;

export const GET: APIRoute = (context) =>
  respondWithCitation(
    context,
    (source) => formatRis(source),
    'application/x-research-info-systems; charset=utf-8',
  );
