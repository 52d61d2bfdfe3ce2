/**
 * Shared body of the cite.bib / cite.ris endpoints: one static file per report.
 */
import type { APIContext } from 'astro';
import { loadPublication, loadReports, toReportMeta } from './content.ts';
import { buildCitationSource } from './report-citation.ts';
import type { CitationSource } from './citation.ts';
import type { ReportMeta } from './reports.ts';

/** Static paths of every report for a citation endpoint. */
export async function citationPaths() {
  const reports = await loadReports();
  return reports.map((entry) => ({
    params: { id: entry.data.id },
    props: { meta: toReportMeta(entry) },
  }));
}

/** Renders a citation file for the report in `context.props`. */
export async function respondWithCitation(
  context: APIContext,
  render: (source: CitationSource, id: string) => string,
  contentType: string,
): Promise<Response> {
  const { meta } = context.props as { meta: ReportMeta };
  const source = buildCitationSource(
    meta,
    await loadPublication(),
    context.site,
    import.meta.env.BASE_URL,
  );
  return new Response(render(source, meta.id), { headers: { 'Content-Type': contentType } });
}
