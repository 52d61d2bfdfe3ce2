/** `/2025-zk/05/cite.bib`: the report as a BibTeX @article entry. */
import type { APIRoute } from 'astro';
import { citationKey, formatBibtex } from '../../../lib/citation.ts';
import { citationPaths, respondWithCitation } from '../../../lib/cite-endpoint.ts';

export const getStaticPaths = citationPaths;

export const GET: APIRoute = (context) =>
  respondWithCitation(
    context,
    (source, report) => formatBibtex(source, citationKey(report.edition, report.id)),
    'application/x-bibtex; charset=utf-8',
  );
