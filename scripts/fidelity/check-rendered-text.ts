/**
 * The fidelity stage (after `astro build`): proves that every report page shows the characters of
 * the source. It splits the compendium again and compares each body block of the model with the
 * block the built page holds, read by the search index's own reader of the page (so what is
 * checked is also what is indexed). Whitespace is ignored, and the widths and spaces the
 * punctuation rule (scripts/split/punctuation.ts) sets; any other difference — a `~` turned into
 * strikethrough, `"` into `“`, `...` into `…`, `<http://x>` that lost its brackets — fails the
 * build with the source line, the page and both texts. So does markup the text never asked for:
 * a block may hold only text, its lead-in and its permalink (src/plugins/), so a bare URL that
 * became a link swallowing the Chinese text after it fails even though its letters are the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { reportPath } from '../../src/lib/urls.ts';
import { parseBlockId } from '../../src/lib/ids.ts';
import { extractBlocks } from '../index/build-search-index.ts';
import { findSources } from '../split.ts';
import { editionKeyOf } from '../../src/lib/editions.ts';
import { quote } from '../split/errors.ts';
import type { BodyNode, Report } from '../split/model.ts';
import { presentedText } from '../split/render.ts';
import { quoteDifference } from '../split/self-check.ts';
import { splitCompendiumBytes } from '../split/split-compendium.ts';

/** What a check of the built pages found: how much it compared, and every difference as a located message. */
export interface FidelityResult {
  reports: number;
  blocks: number;
  problems: string[];
}

/** The text as compared: without whitespace, which the reader's layout decides, not the source. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** A model block as the page must show it: its kind and its presented text. */
function expectedBlock(node: BodyNode): string {
  const kind = node.type === 'paragraph' ? 'p' : node.type === 'section' ? 'h2' : 'h3';
  return `${kind}:${squeeze(presentedText(node))}`;
}

/** A block read from a page, as `kind:text` (kind from its place-based id, src/lib/ids.ts). */
function renderedBlock([id, text]: readonly [string, string]): string {
  const parsed = parseBlockId(id);
  const kind =
    parsed?.kind === 'paragraph' ? 'p' : parsed?.kind === 'heading' ? `h${parsed.depth}` : id;
  return `${kind}:${squeeze(text)}`;
}

const hasClass = (element: Element, name: string): boolean =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);

/** Whether an element inside a block is one the site's own plugins put there. */
function isPluginMarkup(element: Element, block: Element): boolean {
  const textOnly = element.children.every((child) => child.type === 'text');
  if (block.tagName === 'p')
    return element.tagName === 'strong' && hasClass(element, 'lead') && textOnly;
  const isPermalink =
    element.tagName === 'a' && hasClass(element, 'permalink') && element.children.length === 0;
  // The title tail (src/plugins/rehype-title-tail.ts) wraps a heading's last letters, adding none.
  const isTitleTail = element.tagName === 'span' && hasClass(element, 'nw') && textOnly;
  return isPermalink || isTitleTail;
}

/** The report body of a page: its whole text, and the first element Markdown made of the text. */
interface PageBody {
  text: string;
  /** A link, `<del>`, a list…: its tag, text and block index. */
  markup?: { index: number; tag: string; text: string };
}

function readBody(html: string): PageBody {
  let body: Element | undefined;
  visit(fromHtml(html), 'element', (element) => {
    if (!body && hasClass(element, 'report-body')) body = element;
  });
  return { text: body ? hastToString(body) : '', markup: findMarkup(body) };
}

function findMarkup(body: Element | undefined): PageBody['markup'] {
  const blocks = (body?.children ?? []).filter(
    (child): child is Element => child.type === 'element',
  );
  for (const [index, block] of blocks.entries()) {
    if (!['h2', 'h3', 'p'].includes(block.tagName))
      return { index, tag: block.tagName, text: hastToString(block) };
    const inner = block.children.filter(
      (child): child is Element & ElementContent => child.type === 'element',
    );
    const stray = inner.find((element) => !isPluginMarkup(element, block));
    if (stray) return { index, tag: stray.tagName, text: hastToString(stray) };
  }
  return undefined;
}

/**
 * Compares one report's model with the HTML of its built page; returns one message per
 * difference found (`file:line rule: expected …, found …`). `source` names the compendium, `page`
 * the built file, for the messages.
 */
export function checkRenderedReport(
  report: Report,
  html: string,
  source: string,
  page: string,
): string[] {
  const problems: string[] = [];
  const { text, markup } = readBody(html);
  if (markup) {
    const node = report.body[markup.index];
    problems.push(
      `${source}:${node?.lines[0] ?? report.headerLine} rendered-markup: expected block ${markup.index + 1} of report ${report.id} on ${page} to hold plain text, found <${markup.tag}> around ${quote(markup.text, 30)}`,
    );
  }
  const expected = report.body.map(expectedBlock);
  const found = extractBlocks(html).map(renderedBlock);
  const count = Math.max(expected.length, found.length);
  for (let index = 0; index < count; index += 1) {
    if (expected[index] === found[index]) continue;
    const line = report.body[index]?.lines[0] ?? report.headerLine;
    const [want, got] = quoteDifference(expected[index] ?? 'no block', found[index] ?? 'no block');
    problems.push(
      `${source}:${line} rendered-text-mismatch: expected block ${index + 1} of report ${report.id} on ${page} to read ${want}, found ${got}`,
    );
    // One lost or extra block shifts every later one; reporting them all would only repeat it.
    break;
  }
  // Text outside the blocks (a list, a quote, raw HTML) is on the page too.
  const whole = squeeze(text);
  const blocksText = report.body.map((node) => squeeze(presentedText(node))).join('');
  if (problems.length === 0 && whole !== blocksText)
    problems.push(
      `${source}:${report.headerLine} rendered-text-outside-blocks: expected the body of report ${report.id} on ${page} to hold only its ${report.body.length} blocks, found ${[...whole].length - [...blocksText].length} more characters`,
    );
  return problems;
}

/** Checks every report page of `dist` against the split of each compendium (default: every one in content/source/). */
export async function checkRenderedSite(
  dist: string,
  sourceFiles?: readonly string[],
): Promise<FidelityResult> {
  const files = sourceFiles ?? (await findSources());
  const problems: string[] = [];
  let reports = 0;
  let blocks = 0;
  for (const file of files) {
    const name = basename(file);
    const split = splitCompendiumBytes(new Uint8Array(readFileSync(file)), name);
    if (!split.ok) throw new Error(split.errors.map((error) => error.message).join('\n'));
    // The split names the edition from the masthead; a source without a key stops the split itself.
    const edition = editionKeyOf(split.publication) ?? '';
    reports += split.reports.length;
    for (const { report } of split.reports) {
      const page = join(dist, reportPath('/', { edition, id: report.id }), 'index.html');
      blocks += report.body.length;
      if (!existsSync(page)) {
        problems.push(
          `${name}:${report.headerLine} rendered-page-missing: expected report ${report.id} at ${page}, found no file`,
        );
        continue;
      }
      problems.push(...checkRenderedReport(report, readFileSync(page, 'utf8'), name, page));
    }
  }
  return { reports, blocks, problems };
}

/** One line for the build log. */
export function describeFidelity(result: FidelityResult): string {
  return `fidelity: ${result.reports} report pages, ${result.blocks} blocks, every character as in the source`;
}

// `npx tsx scripts/fidelity/check-rendered-text.ts [dist]`: the stage on its own, exit code 1 on a difference.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await checkRenderedSite(process.argv[2] ?? 'dist');
  for (const problem of result.problems) console.error(problem);
  if (result.problems.length === 0) console.log(describeFidelity(result));
  process.exitCode = result.problems.length === 0 ? 0 : 1;
}
