/**
 * Shared body of the cite.bib / cite.ris endpoints: one static file per report, beside its page
 * (`/2025-zk/05/cite.bib`), and a copy beside each first-scheme address of the legacy edition
 * (`/reports/05/cite.bib`, src/lib/urls.ts), since a file download cannot be a redirect page.
 */
import type { APIContext } from 'astro';
import { loadEdition, loadEditions } from './content.ts';
import { buildCitationSource } from './report-citation.ts';
import type { CitationSource } from './citation.ts';
import type { LibraryReport } from './content-schema.ts';
import { LEGACY_EDITION } from './urls.ts';

/** Static paths of every report of the library for a citation endpoint under `[edition]/[id]/`. */
export async function citationPaths() {
  return (await loadEditions()).flatMap((edition) =>
    edition.reports.map((meta) => ({
      params: { edition: edition.key, id: meta.id },
      props: { meta },
    })),
  );
}

/** Static paths of the legacy edition's reports for the copies under `reports/[id]/` (none without it). */
export async function legacyCitationPaths() {
  const edition = (await loadEditions()).find((candidate) => candidate.key === LEGACY_EDITION);
  return (edition?.reports ?? []).map((meta) => ({ params: { id: meta.id }, props: { meta } }));
}

/** Renders a citation file for the report in `context.props`. */
export async function respondWithCitation(
  context: APIContext,
  render: (source: CitationSource, report: LibraryReport) => string,
  contentType: string,
): Promise<Response> {
  const { meta } = context.props as { meta: LibraryReport };
  const { publication } = await loadEdition(meta.edition);
  const source = buildCitationSource(meta, publication, context.site, import.meta.env.BASE_URL);
  return new Response(render(source, meta), { headers: { 'Content-Type': contentType } });
}
