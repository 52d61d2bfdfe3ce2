/**
 * Any number of reports from 1 to 999 splits into files the site loads and indexes. The whole
 * build of 1, 2, 13, 100 and 250 reports is `npm run bench:counts` (minutes of Astro); these are
 * the rules it depends on, checked in Node: ids and file names from the split, the content
 * loader's file pattern (matched with picomatch, as Astro's glob loader does), and the search
 * index of the two smallest libraries.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../scripts/index/build-search-index.ts';
import type { SplitReport } from '../../scripts/split/model.ts';
import { renderReport } from '../../scripts/split/render.ts';
import { splitCompendium, type SplitSuccess } from '../../scripts/split/split-compendium.ts';
import { REPORT_FILE_GLOB, reportIdOf, reportSchema } from '../../src/lib/content-schema.ts';
import { editionKeyOf } from '../../src/lib/editions.ts';
import type { SearchManifest } from '../../src/lib/search/types.ts';
import { LEGACY_EDITION, reportPath } from '../../src/lib/urls.ts';
import { compendiumOf } from '../helpers/compendia.ts';

function splitOk(text: string): SplitSuccess {
  const result = splitCompendium(text, 'derived.txt');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result;
}

describe('report ids', () => {
  it('are the order zero-padded to at least two digits', () => {
    expect([1, 5, 12, 99, 100, 250, 999].map(reportIdOf)).toEqual([
      '01',
      '05',
      '12',
      '99',
      '100',
      '250',
      '999',
    ]);
  });

  it('pass the schema only in that form', () => {
    const record = (order: number, id: string): boolean =>
      reportSchema.safeParse({
        order,
        id,
        title: '标题',
        unit: '课题组',
        authors: [],
        page: 1,
        sections: 0,
        subsections: 0,
        paragraphs: 1,
        characters: 1,
      }).success;
    expect([record(100, '100'), record(5, '05'), record(999, '999')]).toEqual([true, true, true]);
    expect([record(5, '5'), record(100, '0100'), record(100, '10')]).toEqual([false, false, false]);
  });

  it('name files the content loader picks up, and nothing else', () => {
    // Astro's glob loader lists files with tinyglobby; so does this check, in a scratch folder.
    const folder = mkdtempSync(path.join(tmpdir(), 'report-glob-'));
    try {
      const reports = [1, 9, 10, 99, 100, 250, 999].map((order) => `${reportIdOf(order)}.md`);
      for (const name of [...reports, '5.md', '05-draft.md', '05.md.bak', 'notes.md'])
        writeFileSync(path.join(folder, name), '');
      expect(globSync(REPORT_FILE_GLOB, { cwd: folder }).sort()).toEqual([...reports].sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

// 250 reports split the same way, in 1 s more; npm run bench:counts splits and builds them.
describe('compendia of 1, 2, 13 and 100 reports derived from the real one', () => {
  it.each([1, 2, 13, 100])('split into %i reports in order with their ids', (count) => {
    const { reports } = splitOk(compendiumOf(count));
    expect(reports.map((entry) => entry.fileName)).toEqual(
      Array.from({ length: count }, (_, index) => `${reportIdOf(index + 1)}.md`),
    );
    expect(
      reports.at(-1)?.report.title.endsWith(count > 12 ? `（${Math.ceil(count / 12)}）` : ''),
    ).toBe(true);
  });
});

describe('the search index of the smallest libraries', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'index-counts-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Writes the split's files as one edition and a minimal built page per report, then builds the index. */
  async function indexOf(split: SplitSuccess, reports: readonly SplitReport[], name: string) {
    const root = path.join(scratch, name, 'content');
    const edition = editionKeyOf(split.publication) ?? '';
    const content = path.join(root, 'editions', edition);
    const dist = path.join(scratch, name, 'dist');
    mkdirSync(path.join(content, 'reports'), { recursive: true });
    writeFileSync(path.join(content, 'publication.json'), split.publicationJson);
    for (const { fileName, report, markdown } of reports) {
      writeFileSync(path.join(content, 'reports', fileName), markdown);
      const page = path.join(dist, reportPath('/', { edition, id: report.id }));
      mkdirSync(page, { recursive: true });
      const blocks = report.body.map((node, index) => `<p id="p0-${index + 1}">${node.text}</p>`);
      writeFileSync(
        path.join(page, 'index.html'),
        `<html><body><div data-pagefind-body>${blocks.join('')}</div></body></html>`,
      );
    }
    const summary = await buildSearchIndex(dist, root);
    const manifest = JSON.parse(
      readFileSync(path.join(dist, 'search', 'manifest.json'), 'utf8'),
    ) as SearchManifest;
    return { summary, manifest };
  }

  it('gives one report a Pagefind record', async () => {
    const split = splitOk(compendiumOf(1));
    const { manifest, summary } = await indexOf(split, split.reports, 'one');
    expect(manifest.reports.map(([key]) => key)).toEqual([`${LEGACY_EDITION}-01`]);
    expect(summary.records).toBe(1);
  });

  it('gives a record to a second report made only of characters of the first', async () => {
    const split = splitOk(compendiumOf(1));
    const [first] = split.reports as [SplitReport];
    // Report 2 quotes the opening of report 1 under a title cut from report 1's: no character of its own.
    const report = {
      ...first.report,
      order: 2,
      id: reportIdOf(2),
      title: first.report.title.slice(0, 6),
      page: first.report.page + 1,
      body: first.report.body.slice(0, 1),
    };
    const second = { ...first, report, fileName: '02.md', markdown: renderReport(report) };
    const { manifest, summary } = await indexOf(split, [first, second], 'two');
    expect(manifest.reports.map(([key]) => key)).toEqual([
      `${LEGACY_EDITION}-01`,
      `${LEGACY_EDITION}-02`,
    ]);
    expect(summary.records).toBe(2);
  });
});
