/**
 * The one adapter between Astro's content collections and the pure helpers: loads the reports in
 * printed order and the publication data. Everything else in src/lib takes plain data.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { sortByOrder, type ReportMeta } from './reports.ts';
import type { Publication } from './content-schema.ts';

/** A report entry as the content layer returns it. */
export type ReportEntry = CollectionEntry<'reports'>;

/** Loads every report, sorted by table-of-contents order. */
export async function loadReports(): Promise<ReportEntry[]> {
  const entries = await getCollection('reports');
  return [...entries].sort((a, b) => a.data.order - b.data.order);
}

/** Loads the publication data (masthead, committee, imprint). */
export async function loadPublication(): Promise<Publication> {
  const entry = await getEntry('publication', 'publication');
  if (!entry) throw new Error('content/publication.json did not load');
  // The schema strips the loader's `id` key, so the data is exactly the publication.
  return entry.data;
}

/** Returns the metadata the pure helpers need from a report entry. */
export function toReportMeta(entry: ReportEntry): ReportMeta {
  const { id, order, title, subtitle, unit, authors, page, endPage } = entry.data;
  return { id, order, title, subtitle, unit, authors, page, endPage };
}

/** Returns all report metadata in printed order. */
export async function loadReportMetas(): Promise<ReportMeta[]> {
  return sortByOrder((await loadReports()).map(toReportMeta));
}
