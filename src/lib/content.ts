/**
 * The one adapter between Astro's content collections and the pure helpers: loads the editions
 * newest first, each with its publication data and its reports in printed order. Everything else
 * in src/lib takes plain data.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortByOrder } from './reports.ts';
import type { LibraryReport, Publication } from './content-schema.ts';
import { compareEditionsNewestFirst, editionKeyOf } from './editions.ts';

/** A report entry as the content layer returns it; its id is `<edition>/<NN>`. */
export type ReportEntry = CollectionEntry<'reports'>;

/** One edition: its key (address segment), publication data and reports in printed order. */
export interface Edition {
  key: string;
  publication: Publication;
  reports: LibraryReport[];
}

/** The edition key of a report entry, from its id `2025-zk/05`. */
export function editionOf(entry: ReportEntry): string {
  return entry.id.slice(0, entry.id.lastIndexOf('/'));
}

/** Returns the metadata the pure helpers need from a report entry, with its edition. */
export function toReportMeta(entry: ReportEntry): LibraryReport {
  const { id, order, title, subtitle, unit, authors, page, endPage } = entry.data;
  return { edition: editionOf(entry), id, order, title, subtitle, unit, authors, page, endPage };
}

/**
 * Loads every edition, newest first (src/lib/editions.ts). Throws when an edition's folder is not
 * the key its own masthead gives, since its addresses would then depend on a folder name.
 */
export async function loadEditions(): Promise<Edition[]> {
  const entries = await getCollection('reports');
  const publications = await getCollection('publication');
  return publications
    .map(({ id, data }): Edition => {
      const key = editionKeyOf(data);
      if (key !== id)
        throw new Error(
          `content/editions/${id}/publication.json: expected the folder ${key ?? '(no key)'} for "${data.issue}", found ${id}`,
        );
      const reports = entries.filter((entry) => editionOf(entry) === id).map(toReportMeta);
      return { key, publication: data, reports: sortByOrder(reports) };
    })
    .sort(compareEditionsNewestFirst);
}

/** Loads one edition by key; throws for a key the library does not have. */
export async function loadEdition(key: string): Promise<Edition> {
  const edition = (await loadEditions()).find((candidate) => candidate.key === key);
  if (!edition) throw new Error(`no edition ${key} in content/editions/`);
  return edition;
}

/** Loads every report entry of the library: editions newest first, each in printed order. */
export async function loadReports(): Promise<ReportEntry[]> {
  const order = (await loadEditions()).map((edition) => edition.key);
  const entries = await getCollection('reports');
  return [...entries].sort(
    (a, b) =>
      order.indexOf(editionOf(a)) - order.indexOf(editionOf(b)) || a.data.order - b.data.order,
  );
}
