/**
 * The whole search, as one function over its loaders: the query's index lookups → the reports
 * whose positions line up (exact: the index holds every character's position, see tokens.ts) →
 * ranking and an exact count at once → outlines and text chunks only for the results shown, for
 * their excerpts. Only when nothing matches exactly, approximate matches from the blocks holding
 * most of the query's character pairs. The browser adapter (src/scripts/search-client.ts) wires
 * the index reader (pagefind-index.ts) and `fetch` in; tests hand in loaders that read the built
 * index files, so the flow the reader runs is the flow the tests check.
 */
import { sectionOf } from '../ids.ts';
import { allowedEdits } from './approximate.ts';
import {
  matchApproximate,
  matchExact,
  prepareReport,
  rankResults,
  type PreparedReport,
  type ReportResult,
  type SectionHit,
} from './engine.ts';
import { normaliseQuery, normaliseText } from './normalise.ts';
import { alignHits, characterAt, planLookups, typoPairTerms, type IndexPlan } from './tokens.ts';
import type {
  ManifestRow,
  OutlineBlock,
  ReportOutline,
  SearchManifest,
  ShardBlock,
  TextChunk,
} from './types.ts';

/**
 * The word positions of one index lookup's word in one record (characters: `characterAt`); a
 * record's number is its report's row in the manifest.
 */
export interface IndexHit {
  record: number;
  positions: number[];
}

/**
 * Where the search gets its data from: the candidates loader (the index) and the text loaders.
 * Another source of the same positions — `scanCandidates` (scan.ts) over a library's text —
 * implements `candidates` and reuses the rest.
 */
export interface SearchLoaders {
  /** The report list (keys, units, title ends, editions) and the index's chunk directory. */
  manifest(): Promise<SearchManifest>;
  /** Every record holding a lookup's word, with the word's positions (pagefind-index.ts). */
  candidates(term: string): Promise<IndexHit[]>;
  /** A report's outline and metadata, by its key (loaders cache it). */
  outline(key: string, version: string): Promise<ReportOutline>;
  /** One text chunk of a report's body, by its key (loaders cache it). */
  text(key: string, chunk: number, version: string): Promise<TextChunk>;
}

/** One report that matches, as known from the index alone. */
export interface ReportMatch {
  /** The report's key (its outline and text chunks). */
  key: string;
  unit: string;
  /** The report's edition key. */
  edition: string;
  /** Position in the compendium (manifest order), the last tie-breaker. */
  order: number;
  titleHit: boolean;
  hits: number;
  /** Index positions of the hits' first characters. */
  starts: number[];
}

/** What a search returns to the UI. */
export interface SearchOutcome {
  /** The query as typed. */
  query: string;
  /** The normalised query ('' when the query had nothing searchable). */
  normalised: string;
  /** Every matching report (of the unit asked for), ranked; exact before any excerpt is loaded. */
  matches: ReportMatch[];
  /** Matching reports before the unit and edition filters. */
  total: number;
  /** Hits over all matches. */
  hits: number;
  /** The first `shown` matches with their sections and excerpts. */
  results: ReportResult[];
  /** True when the results are approximate matches because nothing matched exactly. */
  approximate: boolean;
  /**
   * True when approximate results are the closest of more candidates than were checked (a large
   * library), so their count is not every report within the allowed edits.
   */
  partial: boolean;
  /** The data version the matches refer to (for loading more pages). */
  version: string;
}

/** Matches detailed with excerpts when the caller does not say. */
const DEFAULT_SHOWN = 10;

/** How much of a search to detail. */
export interface SearchOptions {
  /** Matches detailed with excerpts (the rest load page by page with `loadResults`). */
  shown?: number;
  /** Sections with excerpts per result (all by default). */
  sections?: number;
  /** Only matches of this unit ('' or absent: all). */
  unit?: string;
  /** Only matches of this edition key ('' or absent: all). */
  edition?: string;
}

/** Whether a report passes the unit and edition filters of `options`. */
function passesFilters(report: { unit: string; edition: string }, options: SearchOptions): boolean {
  return (
    (!options.unit || report.unit === options.unit) &&
    (!options.edition || report.edition === options.edition)
  );
}

/** A record's report as its manifest row gives it (a record's number is its row). */
function rowOf(
  manifest: SearchManifest,
  record: number,
): { key: string; unit: string; edition: string; titleEnd: number } | undefined {
  const row: ManifestRow | undefined = manifest.reports[record];
  if (!row) return undefined;
  const [key, unit, titleEnd, edition] = row;
  return {
    key,
    unit: manifest.units[unit] ?? '',
    edition: manifest.editions[edition]?.key ?? '',
    titleEnd,
  };
}

/** The block holding index position `position` (outline blocks are in position order). */
function blockAt(blocks: readonly OutlineBlock[], position: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((blocks[middle]?.[1] ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

const isField = (block: OutlineBlock): boolean => block[2] < 0;

/** A field's text from the report metadata. */
function fieldText(outline: ReportOutline, field: string): string {
  const { report } = outline;
  if (field === 'title') return report.title;
  if (field === 'subtitle') return report.subtitle ?? '';
  if (field === 'unit') return report.unit;
  return report.authors.join(' ');
}

/** Loads the blocks (fields and body) of an outline's blocks at `indices`, by chunk. */
async function loadBlocks(
  loaders: SearchLoaders,
  outline: ReportOutline,
  indices: Iterable<number>,
  version: string,
): Promise<Map<number, string>> {
  const wanted = [...new Set(indices)];
  const chunks = [
    ...new Set(wanted.map((index) => outline.blocks[index]?.[2] ?? -1).filter((c) => c >= 0)),
  ];
  const loaded = await Promise.all(
    chunks.map((chunk) => loaders.text(outline.report.key, chunk, version)),
  );
  const texts = new Map<string, string>(loaded.flat());
  const result = new Map<number, string>();
  for (const index of wanted) {
    const block = outline.blocks[index];
    if (!block) continue;
    result.set(index, isField(block) ? fieldText(outline, block[0]) : (texts.get(block[0]) ?? ''));
  }
  return result;
}

/** Confirms long-query candidates against the text: keeps the starts where the query really is. */
async function confirmStarts(
  loaders: SearchLoaders,
  key: string,
  starts: number[],
  normalised: string,
  version: string,
): Promise<number[]> {
  const outline = await loaders.outline(key, version);
  const indices = starts.map((start) => blockAt(outline.blocks, start));
  const texts = await loadBlocks(loaders, outline, indices, version);
  const length = [...normalised].length;
  return starts.filter((start, position) => {
    const index = indices[position] ?? 0;
    const characters = [...normaliseText(texts.get(index) ?? '').text];
    const offset = start - (outline.blocks[index]?.[1] ?? 0);
    return characters.slice(offset, offset + length).join('') === normalised;
  });
}

/** Orders matches: title hits first, then more hits, then the compendium's order. */
export function compareMatches(a: ReportMatch, b: ReportMatch): number {
  if (a.titleHit !== b.titleHit) return a.titleHit ? -1 : 1;
  if (a.hits !== b.hits) return b.hits - a.hits;
  return a.order - b.order;
}

/** The reports that contain the normalised query, from the index (and text, for long queries). */
async function findExact(
  loaders: SearchLoaders,
  manifest: SearchManifest,
  normalised: string,
  plan: IndexPlan,
): Promise<ReportMatch[]> {
  const found = await Promise.all(plan.lookups.map((lookup) => loaders.candidates(lookup.term)));
  const byRecord = new Map<number, number[][]>();
  found.forEach((hits, index) => {
    for (const hit of hits) {
      const lists = byRecord.get(hit.record) ?? [];
      if (index === 0 || lists.length === index) lists[index] = hit.positions.map(characterAt);
      byRecord.set(hit.record, lists);
    }
  });
  const matches: ReportMatch[] = [];
  await Promise.all(
    [...byRecord].map(async ([order, lists]) => {
      if (lists.length !== plan.lookups.length) return;
      const row = rowOf(manifest, order);
      if (!row) return;
      const { key, unit, edition, titleEnd } = row;
      let starts = alignHits(plan, lists);
      if (plan.verify && starts.length > 0)
        starts = await confirmStarts(loaders, key, starts, normalised, manifest.version);
      if (starts.length === 0) return;
      matches.push({
        key,
        unit,
        edition,
        order,
        titleHit: (starts[0] ?? Infinity) < titleEnd,
        hits: starts.length,
        starts,
      });
    }),
  );
  return matches.sort(compareMatches);
}

/** Loads the sections and excerpts of exact matches (for the results shown). */
export async function loadResults(
  matches: readonly ReportMatch[],
  normalised: string,
  loaders: SearchLoaders,
  version: string,
  sections = Infinity,
): Promise<ReportResult[]> {
  return Promise.all(
    matches.map(async (match): Promise<ReportResult> => {
      const outline = await loaders.outline(match.key, version);
      // Hits per section, in document order, with the block of each section's first hit.
      const bySection = new Map<string, { first: number; hits: number }>();
      for (const start of match.starts) {
        const index = blockAt(outline.blocks, start);
        const block = outline.blocks[index];
        if (!block) continue;
        const section = isField(block) ? 'header' : sectionOf(block[0]);
        const entry = bySection.get(section);
        if (entry) entry.hits += 1;
        else bySection.set(section, { first: index, hits: 1 });
      }
      const shown = [...bySection].slice(0, sections);
      const texts = await loadBlocks(
        loaders,
        outline,
        shown.map(([, entry]) => entry.first),
        version,
      );
      const prepared = prepareFromOutline(outline, texts);
      const excerpts = new Map(
        (matchExact(prepared, normalised)?.sections ?? []).map((hit) => [hit.section, hit]),
      );
      const sectionHits: SectionHit[] = shown.flatMap(([section, entry]) => {
        const hit = excerpts.get(section);
        return hit ? [{ ...hit, hits: entry.hits }] : [];
      });
      return {
        report: outline.report,
        kind: 'exact',
        titleHit: match.titleHit,
        hits: match.hits,
        edits: 0,
        sections: sectionHits,
      };
    }),
  );
}

/** A report prepared for the engine from its outline and the block texts loaded so far. */
function prepareFromOutline(outline: ReportOutline, texts: Map<number, string>): PreparedReport {
  const body: ShardBlock[] = [];
  for (const [index, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    const block = outline.blocks[index];
    if (block && !isField(block)) body.push([block[0], text]);
  }
  return prepareReport(outline.report, { id: outline.report.key, blocks: body }, outline.headings);
}

/** A report that may hold the query within the allowed edits, with where to check. */
interface ApproximateCandidate {
  key: string;
  order: number;
  /** Character positions where enough of the query's pairs start a window. */
  positions: number[];
  /** Most of the query's pairs found in one window. */
  score: number;
}

/**
 * Approximate candidates: every report (passing the filters) with blocks where enough of the
 * query's disjoint character pairs occur within the query's length (an edit spoils at most one,
 * `typoPairTerms`), best covered first, each with the blocks to check. A report outside this set
 * cannot match.
 */
async function approximateCandidates(
  loaders: SearchLoaders,
  manifest: SearchManifest,
  normalised: string,
  edits: number,
  options: SearchOptions,
): Promise<ApproximateCandidate[]> {
  const words = typoPairTerms(normalised);
  const needed = Math.max(1, words.length - edits);
  const found = await Promise.all(words.map((word) => loaders.candidates(word)));
  const byRecord = new Map<number, Array<[position: number, word: number]>>();
  found.forEach((hits, word) => {
    for (const hit of hits) {
      const list = byRecord.get(hit.record) ?? [];
      for (const position of hit.positions) list.push([characterAt(position), word]);
      byRecord.set(hit.record, list);
    }
  });
  const window = [...normalised].length + edits;
  const scored: ApproximateCandidate[] = [];
  for (const [order, list] of byRecord) {
    const row = rowOf(manifest, order);
    if (!row || !passesFilters(row, options)) continue;
    list.sort((a, b) => a[0] - b[0]);
    let best = 0;
    const positions: number[] = [];
    for (let from = 0, to = 0; from < list.length; from += 1) {
      while (to < list.length && (list[to]?.[0] ?? 0) - (list[from]?.[0] ?? 0) < window) to += 1;
      const distinct = new Set(list.slice(from, to).map(([, word]) => word)).size;
      if (distinct >= needed) positions.push(list[from]?.[0] ?? 0);
      best = Math.max(best, distinct);
    }
    if (best >= needed) scored.push({ key: row.key, order, positions, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.order - b.order);
}

// Candidates a typo search checks against their text at most, past the first page: in a large
// library a common pair makes a thousand candidates (党见引领 at 1,200 reports: 4,000 files, 15 MB).
const APPROXIMATE_CHECKS = 40;

/**
 * Approximate results: candidates checked by edit distance, best covered first, a page at a time
 * until `wanted` results are found, every candidate has been checked, or `APPROXIMATE_CHECKS`
 * have been (unless more are wanted); `partial` when candidates were left unchecked.
 */
async function findApproximate(
  loaders: SearchLoaders,
  manifest: SearchManifest,
  normalised: string,
  edits: number,
  options: SearchOptions,
): Promise<{ results: ReportResult[]; partial: boolean }> {
  const candidates = await approximateCandidates(loaders, manifest, normalised, edits, options);
  const wanted = options.shown ?? DEFAULT_SHOWN;
  const checks = Math.max(APPROXIMATE_CHECKS, wanted);
  const batch = Math.max(1, Math.min(wanted, checks));
  const found: ReportResult[] = [];
  let checked = 0;
  while (checked < candidates.length && checked < checks && found.length < wanted) {
    const next = candidates.slice(checked, Math.min(checked + batch, checks));
    checked += next.length;
    const results = await Promise.all(
      next.map(async (candidate) => {
        const outline = await loaders.outline(candidate.key, manifest.version);
        const indices = candidate.positions.map((position) => blockAt(outline.blocks, position));
        const texts = await loadBlocks(loaders, outline, indices, manifest.version);
        // The header fields are always in `prepared` (they come with the outline).
        return matchApproximate(prepareFromOutline(outline, texts), normalised, edits);
      }),
    );
    found.push(...results.filter((result): result is ReportResult => result !== null));
  }
  return { results: rankResults(found), partial: checked < candidates.length };
}

/**
 * Runs one search: every report that contains the query literally, ranked (title hits first),
 * counted exactly, the first `shown` with excerpts; only when none does, the reports within a
 * typo or two, marked approximate.
 */
export async function runSearch(
  query: string,
  loaders: SearchLoaders,
  options: SearchOptions = {},
): Promise<SearchOutcome> {
  const normalised = normaliseQuery(query);
  const plan = planLookups(normalised);
  const empty: SearchOutcome = {
    query,
    normalised,
    matches: [],
    total: 0,
    hits: 0,
    results: [],
    approximate: false,
    partial: false,
    version: '',
  };
  if (!plan) return empty;
  const manifest = await loaders.manifest();
  const all = await findExact(loaders, manifest, normalised, plan);
  const matches = all.filter((match) => passesFilters(match, options));
  if (all.length > 0) {
    const results = await loadResults(
      matches.slice(0, options.shown ?? DEFAULT_SHOWN),
      normalised,
      loaders,
      manifest.version,
      options.sections,
    );
    const hits = matches.reduce((sum, match) => sum + match.hits, 0);
    return { ...empty, matches, total: all.length, hits, results, version: manifest.version };
  }
  const edits = allowedEdits(normalised.length);
  if (edits === 0) return { ...empty, version: manifest.version };
  const { results: approximate, partial } = await findApproximate(
    loaders,
    manifest,
    normalised,
    edits,
    options,
  );
  return {
    ...empty,
    // Filters apply before the candidates are checked.
    total: approximate.length,
    partial,
    matches: approximate.map((result) => ({
      key: result.report.key,
      unit: result.report.unit,
      edition: result.report.edition,
      order: 0,
      titleHit: result.titleHit,
      hits: result.hits,
      starts: [],
    })),
    hits: approximate.reduce((sum, result) => sum + result.hits, 0),
    results: approximate,
    approximate: approximate.length > 0,
    version: manifest.version,
  };
}
