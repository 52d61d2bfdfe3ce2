/**
 * The exact search over the candidates Pagefind returns: literal matching of the normalised
 * query in each report's title, subtitle, unit, authors and body blocks, grouped by section with
 * an excerpt around the first real hit of each, then ranked. Pure: the browser code fetches the
 * data and hands it in.
 */
import { isHeadingId, sectionOf } from '../ids.ts';
import { normaliseText, toOriginalRange, type NormalisedText } from './normalise.ts';
import { findAll } from './match.ts';
import { findApproximate } from './approximate.ts';
import { makeExcerpt, type Excerpt } from './excerpt.ts';
import type { ReportShard, SearchReport, ShardBlock } from './types.ts';

/** A block with its normalised text, prepared once per report and reused by every query. */
export interface PreparedBlock {
  /** Element id on the report page; '' for the report's own header fields. */
  id: string;
  /** Section the block belongs to: `s2-3`, `s2`, '' for the introduction or the header. */
  section: string;
  /** Which header field this is, when it is one. */
  field?: 'title' | 'subtitle' | 'unit' | 'authors';
  original: string;
  normalised: NormalisedText;
}

/** A report ready to be searched. */
export interface PreparedReport {
  report: SearchReport;
  blocks: PreparedBlock[];
  /** Heading text by section id, for result labels. */
  headings: Map<string, string>;
}

/** Hits inside one section of a report. */
export interface SectionHit {
  /** Section id, '' for the introduction, 'header' for title/unit/authors. */
  section: string;
  /** Label shown above the excerpt. */
  label: string;
  /** Element to land on ('' = top of the report). */
  target: string;
  hits: number;
  excerpt: Excerpt;
}

/** One report in the results. */
export interface ReportResult {
  report: SearchReport;
  /** `exact`: contains the query literally; `approximate`: only with a typo or two. */
  kind: 'exact' | 'approximate';
  /** The query occurs in the title or subtitle. */
  titleHit: boolean;
  hits: number;
  /** Edits needed (0 for exact results). */
  edits: number;
  sections: SectionHit[];
}

const HEADER_LABEL = '题名与署名';
const INTRODUCTION_LABEL = '引言';

/**
 * Normalises a report's header fields and body blocks once; `knownHeadings` labels sections whose
 * heading is not among the blocks (when only some chunks of a report were loaded).
 */
export function prepareReport(
  report: SearchReport,
  shard: ReportShard,
  knownHeadings: readonly ShardBlock[] = [],
): PreparedReport {
  const header: PreparedBlock[] = [];
  const addField = (field: NonNullable<PreparedBlock['field']>, text: string | undefined): void => {
    if (text)
      header.push({
        id: '',
        section: 'header',
        field,
        original: text,
        normalised: normaliseText(text),
      });
  };
  addField('title', report.title);
  addField('subtitle', report.subtitle);
  addField('unit', report.unit);
  addField('authors', report.authors.join(' '));
  const headings = new Map<string, string>(knownHeadings);
  const body = shard.blocks.map(([id, text]): PreparedBlock => {
    if (isHeadingId(id)) headings.set(id, text);
    return { id, section: sectionOf(id), original: text, normalised: normaliseText(text) };
  });
  return { report, blocks: [...header, ...body], headings };
}

function labelOf(prepared: PreparedReport, section: string): string {
  if (section === 'header') return HEADER_LABEL;
  if (section === '') return INTRODUCTION_LABEL;
  return prepared.headings.get(section) ?? section;
}

function excerptAt(block: PreparedBlock, start: number, end: number): Excerpt {
  const [from, to] = toOriginalRange(block.normalised, start, end);
  return makeExcerpt(block.original, from, to);
}

/** Adds one block's hits to the per-section list, keeping the first hit's excerpt and target. */
function addSectionHits(
  sections: Map<string, SectionHit>,
  prepared: PreparedReport,
  block: PreparedBlock,
  count: number,
  start: number,
  end: number,
): void {
  const existing = sections.get(block.section);
  if (existing) {
    existing.hits += count;
    return;
  }
  sections.set(block.section, {
    section: block.section,
    label: labelOf(prepared, block.section),
    target: block.id,
    hits: count,
    excerpt: excerptAt(block, start, end),
  });
}

/** The exact result for one report, or null when it does not contain the normalised query. */
export function matchExact(prepared: PreparedReport, query: string): ReportResult | null {
  if (query === '') return null;
  const sections = new Map<string, SectionHit>();
  let hits = 0;
  let titleHit = false;
  for (const block of prepared.blocks) {
    const starts = findAll(block.normalised.text, query);
    const first = starts[0];
    if (first === undefined) continue;
    hits += starts.length;
    if (block.field === 'title' || block.field === 'subtitle') titleHit = true;
    addSectionHits(sections, prepared, block, starts.length, first, first + query.length);
  }
  if (hits === 0) return null;
  return {
    report: prepared.report,
    kind: 'exact',
    titleHit,
    hits,
    edits: 0,
    sections: [...sections.values()],
  };
}

/**
 * The approximate result for one report: its blocks that hold the query within `maxEdits`
 * edits, each section excerpted at its closest window; null when no block is close enough.
 */
export function matchApproximate(
  prepared: PreparedReport,
  query: string,
  maxEdits: number,
): ReportResult | null {
  const sections = new Map<string, SectionHit>();
  let hits = 0;
  let best = Number.POSITIVE_INFINITY;
  let titleHit = false;
  for (const block of prepared.blocks) {
    const hit = findApproximate(block.normalised.text, query, maxEdits);
    if (!hit) continue;
    hits += 1;
    best = Math.min(best, hit.edits);
    if (block.field === 'title' || block.field === 'subtitle') titleHit = true;
    addSectionHits(sections, prepared, block, 1, hit.start, hit.end);
  }
  if (hits === 0) return null;
  return {
    report: prepared.report,
    kind: 'approximate',
    titleHit,
    hits,
    edits: best,
    sections: [...sections.values()],
  };
}

/**
 * Orders results: exact before approximate; among exact ones title hits first, then more hits;
 * among approximate ones fewer edits first; ties keep the compendium's order.
 */
export function compareResults(a: ReportResult, b: ReportResult): number {
  if (a.kind !== b.kind) return a.kind === 'exact' ? -1 : 1;
  if (a.kind === 'approximate' && a.edits !== b.edits) return a.edits - b.edits;
  if (a.titleHit !== b.titleHit) return a.titleHit ? -1 : 1;
  if (a.hits !== b.hits) return b.hits - a.hits;
  return a.report.key.localeCompare(b.report.key);
}

/** Sorts results with `compareResults` (returns a new array). */
export function rankResults(results: ReportResult[]): ReportResult[] {
  return [...results].sort(compareResults);
}
