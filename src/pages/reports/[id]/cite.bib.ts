/** `/reports/05/cite.bib`, the first scheme's address: the same file as `/2025-zk/05/cite.bib`. */
import type { APIRoute } from 'astro';
import { citationKey, formatBibtex } from '../../../lib/citation.ts';
import { legacyCitationPaths, respondWithCitation } from '../../../lib/cite-endpoint.ts';

export const getStaticPaths = legacyCitationPaths;

export const GET: APIRoute = (context) =>
  respondWithCitation(
    context,
    (source, report) => formatBibtex(source, citationKey(report.edition, report.id)),
    'application/x-bibtex; charset=utf-8',
  );
