/**
 * Stage 5: render a report as Markdown through mdast and remark-stringify (never by pasting
 * strings), with its metadata as YAML frontmatter in the key order of the content schema. The
 * text is presented by the punctuation rule (punctuation.ts) here and nowhere else, and escaped
 * for the site's own Markdown dialect (src/plugins/markdown-config.ts).
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { Document, isSeq } from 'yaml';
import {
  markdownConfig,
  remarkPluginsOf,
  type MarkdownConfig,
} from '../../src/plugins/markdown-config.ts';
import type { BodyNode, Report, ReportCounts } from './model.ts';
import { applyPunctuationRule } from './punctuation.ts';

/** Counts headings, paragraphs and the non-whitespace characters of a report's body. */
export function countReport(report: Pick<Report, 'body'>): ReportCounts {
  const counts: ReportCounts = { sections: 0, subsections: 0, paragraphs: 0, characters: 0 };
  for (const node of report.body) {
    if (node.type === 'section') counts.sections += 1;
    else if (node.type === 'subsection') counts.subsections += 1;
    else counts.paragraphs += 1;
    counts.characters += countCharacters(node.text);
  }
  return counts;
}

/** Counts the characters of a text that are not whitespace (code points, so CJK counts one each). */
export function countCharacters(text: string): number {
  // One native pass to drop whitespace, then code points: a regex per character was the split's
  // hottest line on large inputs.
  const compact = text.replace(/\s+/gu, '');
  let surrogatePairs = 0;
  for (let index = 0; index < compact.length; index += 1) {
    const code = compact.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) surrogatePairs += 1;
  }
  return compact.length - surrogatePairs;
}

/**
 * The frontmatter fields of a report, in the content schema's key order (absent keys are left
 * out); titles and unit as the punctuation rule presents them, counts from the source (the rule
 * changes no non-space character).
 */
export function frontmatterOf(report: Report): Record<string, unknown> {
  const counts = countReport(report);
  return {
    order: report.order,
    id: report.id,
    title: applyPunctuationRule(report.title),
    ...(report.subtitle ? { subtitle: applyPunctuationRule(report.subtitle) } : {}),
    unit: applyPunctuationRule(report.unit),
    authors: report.authors,
    page: report.page,
    ...(report.endPage !== undefined ? { endPage: report.endPage } : {}),
    sections: counts.sections,
    subsections: counts.subsections,
    paragraphs: counts.paragraphs,
    characters: counts.characters,
  };
}

/** Serialises frontmatter as YAML: no line folding (titles stay on one line), author lists in flow style. */
export function renderFrontmatter(fields: Record<string, unknown>): string {
  const document = new Document(fields);
  const authors = document.get('authors', true);
  if (isSeq(authors)) authors.flow = true;
  return document
    .toString({
      lineWidth: 0,
      flowCollectionPadding: false,
      defaultStringType: 'PLAIN',
      defaultKeyType: 'PLAIN',
    })
    .trimEnd();
}

/** Builds the mdast tree of a report: frontmatter, then `##`/`###` headings and paragraphs. */
export function reportTree(report: Report): Root {
  const children: RootContent[] = [
    { type: 'yaml', value: renderFrontmatter(frontmatterOf(report)) },
  ];
  for (const node of report.body) children.push(bodyNodeToMdast(node));
  return { type: 'root', children };
}

/** Renders a report to the Markdown text of its file (ending with one newline), escaped for `config`. */
export function renderReport(report: Report, config: MarkdownConfig = markdownConfig): string {
  return stringifyMarkdown(reportTree(report), config);
}

/**
 * The remark-stringify setup every generated file goes through, so output stays stable; with the
 * dialect's remark plugins, so it escapes whatever that dialect would read as Markdown.
 */
export function stringifyMarkdown(tree: Root, config: MarkdownConfig = markdownConfig): string {
  return unified()
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fences: true,
      rule: '-',
      listItemIndent: 'one',
    })
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkPluginsOf(config))
    .stringify(tree);
}

/** The text of a body block as the page shows it: the source text under the punctuation rule. */
export function presentedText(node: Pick<BodyNode, 'text'>): string {
  return applyPunctuationRule(node.text);
}

function bodyNodeToMdast(node: BodyNode): RootContent {
  const text = { type: 'text' as const, value: presentedText(node) };
  if (node.type === 'section') return { type: 'heading', depth: 2, children: [text] };
  if (node.type === 'subsection') return { type: 'heading', depth: 3, children: [text] };
  // A numbered paragraph stays a paragraph: remark-stringify escapes `1.` to `1\.` so Markdown never renumbers it.
  return { type: 'paragraph', children: [text] };
}
