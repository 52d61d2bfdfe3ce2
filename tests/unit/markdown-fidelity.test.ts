/**
 * What the page shows is what the source says (issue 9, item 2), with the processor Astro itself
 * renders content with (@astrojs/markdown-remark's createMarkdownProcessor) and the site's own
 * configuration (src/plugins/markdown-config.ts): each case of tests/fixtures/split/markdown-cases.ts
 * is planted into the real compendium, split, rendered and checked by the build's fidelity check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { checkRenderedReport } from '../../scripts/fidelity/check-rendered-text.ts';
import { Problems } from '../../scripts/split/errors.ts';
import type { Report } from '../../scripts/split/model.ts';
import { renderReport } from '../../scripts/split/render.ts';
import { checkMarkdown } from '../../scripts/split/self-check.ts';
import { splitCompendium } from '../../scripts/split/split-compendium.ts';
import { markdownConfig, type MarkdownConfig } from '../../src/plugins/markdown-config.ts';
import { markdownCases } from '../fixtures/split/markdown-cases.ts';

const FILE = 'nanjing-xinfeng-2025-supplement.txt';
const realSource = readFileSync(path.join('content', 'source', FILE), 'utf8');

/** Astro's own defaults (GFM and smartypants on): what the site rendered with before. */
const astroDefaults: MarkdownConfig = { ...markdownConfig, gfm: true, smartypants: true };
/** The site's configuration with GFM turned on: the split must then escape for GFM too. */
const withGfm: MarkdownConfig = { ...markdownConfig, gfm: true };

const processors = new Map<MarkdownConfig, ReturnType<typeof createMarkdownProcessor>>();

/** Renders a report file's Markdown the way Astro's content layer does, inside the page's body element. */
async function renderPage(markdown: string, config: MarkdownConfig): Promise<string> {
  const processor = processors.get(config) ?? createMarkdownProcessor(config);
  processors.set(config, processor);
  const { code } = await (await processor).render(parseFrontmatter(markdown).content);
  return `<div class="report-body" data-pagefind-body>${code}</div>`;
}

/** The split of the real source with one case planted, and the report that holds it. */
function plantedReport(plant: (typeof markdownCases)[number]['plant']): {
  report: Report;
  planted: string;
} {
  const { source, planted } = plant(realSource);
  expect(source).not.toBe(realSource);
  const result = splitCompendium(source, FILE);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  const found = result.reports.find(({ report }) =>
    report.body.some((node) => node.text.includes(planted)),
  );
  if (!found) throw new Error(`no report holds ${planted}`);
  return { report: found.report, planted };
}

const check = (report: Report, html: string): string[] =>
  checkRenderedReport(report, html, FILE, `reports/${report.id}/index.html`);

describe.each(markdownCases)(
  '$name planted into a paragraph of the real source',
  ({ plant, underGfm }) => {
    const { report, planted } = plantedReport(plant);

    it('reaches the page as the source has it, with the site configuration', async () => {
      const html = await renderPage(renderReport(report), markdownConfig);
      expect(check(report, html)).toEqual([]);
      expect(html).toContain(planted.replace('<', '&#x3C;'));
    });

    it('is caught by the fidelity check when rendered with Astro’s defaults (GFM, smartypants)', async () => {
      const problems = check(report, await renderPage(renderReport(report), astroDefaults));
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems)
        expect(problem).toMatch(
          new RegExp(
            `^${FILE}:\\d+ rendered-(text-mismatch|markup): expected block \\d+ of report`,
          ),
        );
    });

    it(`is ${underGfm} by the split if GFM is turned on, never shown changed`, async () => {
      const markdown = renderReport(report, withGfm);
      const problems = new Problems(FILE);
      checkMarkdown(report, markdown, problems, withGfm);
      if (underGfm === 'refused') {
        expect(problems.errors.map((error) => error.ruleId)).toEqual([
          'self-check-markdown-mismatch',
        ]);
        return;
      }
      expect(problems.messages).toEqual([]);
      expect(check(report, await renderPage(markdown, withGfm))).toEqual([]);
    });
  },
);
