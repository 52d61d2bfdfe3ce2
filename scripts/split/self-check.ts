/**
 * Stage 6: prove the output is faithful. Two checks run on every report and fail the run:
 * (1) the non-whitespace characters of the report's source lines reach the model in order,
 * none lost, none duplicated; (2) the rendered Markdown, parsed back in the site's own dialect
 * (src/plugins/markdown-config.ts), has exactly the model's blocks with exactly their text as the
 * punctuation rule presents it, and frontmatter equal to the model's. The build's fidelity stage
 * (scripts/fidelity/) then checks the same text on the pages Astro rendered.
 */
import type { Root, RootContent } from 'mdast';
import {
  markdownConfig,
  remarkPluginsOf,
  type MarkdownConfig,
} from '../../src/plugins/markdown-config.ts';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { Problems, quote } from './errors.ts';
import type { BodyNode, Report } from './model.ts';
import { frontmatterOf, presentedText } from './render.ts';

/** Where two character sequences first differ, and whether characters were lost, duplicated or changed. */
export interface TextDifference {
  kind: 'lost' | 'duplicated' | 'changed';
  index: number;
}

/** Compares two texts, returning the first difference or undefined when they are equal. */
export function compareTexts(
  expected: readonly string[],
  found: readonly string[],
): TextDifference | undefined {
  const length = Math.min(expected.length, found.length);
  let index = 0;
  while (index < length && expected[index] === found[index]) index += 1;
  if (index === expected.length && index === found.length) return undefined;
  const kind =
    found.length < expected.length
      ? 'lost'
      : found.length > expected.length
        ? 'duplicated'
        : 'changed';
  return { kind, index };
}

/** Both texts quoted around their first difference, since a paragraph is too long to quote whole. */
export function quoteDifference(expected: string, found: string): [string, string] {
  const [want, got] = [[...expected], [...found]];
  const at = compareTexts(want, got)?.index ?? 0;
  const from = Math.max(0, at - 12);
  const excerpt = (chars: string[]): string =>
    `${from > 0 ? '…' : ''}${quote(chars.slice(from).join(''), 30)}`;
  return [excerpt(want), excerpt(got)];
}

/**
 * Checks that the report's body lines and its model hold the same non-whitespace characters, in
 * order. Both sides are compared as whole strings (one native comparison when they agree, which
 * is always but for a bug); only a difference is located, by the source line it falls on.
 */
export function checkCharacters(report: Report, problems: Problems): void {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const line of report.bodyLines) {
    const compact = line.text.replace(/\s+/gu, '');
    starts.push(length);
    parts.push(compact);
    length += compact.length;
  }
  const source = parts.join('');
  const model = report.body.map((node) => node.text.replace(/\s+/gu, '')).join('');
  if (source === model) return;
  const sourceChars = [...source];
  const modelChars = [...model];
  const difference = compareTexts(sourceChars, modelChars);
  if (!difference) return;
  // The source line holding the first differing character (by UTF-16 offset, as `starts` counts).
  const offset = sourceChars.slice(0, difference.index).join('').length;
  let lineIndex = 0;
  while (lineIndex + 1 < starts.length && (starts[lineIndex + 1] ?? 0) <= offset) lineIndex += 1;
  const at = report.bodyLines[Math.min(lineIndex, report.bodyLines.length - 1)];
  const context = (chars: readonly string[]): string =>
    quote(chars.slice(Math.max(0, difference.index - 6), difference.index + 6).join(''), 16);
  problems.fail(
    at?.number ?? report.headerLine,
    `self-check-${difference.kind}-character`,
    `report ${report.id} to keep ${context(sourceChars)}`,
    context(modelChars),
  );
}

/**
 * Parses Markdown (with YAML frontmatter) the way the site will: the dialect's extensions parse,
 * and its remark transforms (smartypants, when on) run, so the text is what becomes HTML.
 */
export function parseMarkdown(markdown: string, config: MarkdownConfig = markdownConfig): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkPluginsOf(config));
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Checks that the rendered Markdown parses back to the model: same blocks, same presented text, same frontmatter. */
export function checkMarkdown(
  report: Report,
  markdown: string,
  problems: Problems,
  config: MarkdownConfig = markdownConfig,
): void {
  const tree = parseMarkdown(markdown, config);
  const [first, ...rest] = tree.children;
  const expectedFields = JSON.stringify(frontmatterOf(report));
  const foundFields =
    first?.type === 'yaml' ? JSON.stringify(parseYaml(first.value)) : 'no frontmatter';
  if (foundFields !== expectedFields) {
    problems.fail(
      report.headerLine,
      'self-check-frontmatter-mismatch',
      `frontmatter ${quote(expectedFields, 60)}`,
      quote(foundFields, 60),
    );
  }
  const count = Math.max(rest.length, report.body.length);
  for (let index = 0; index < count; index += 1) {
    const node = report.body[index];
    const parsed = rest[index];
    const expected = node ? describeModel(node) : 'no block';
    const found = parsed ? describeMdast(parsed) : 'no block';
    if (expected === found) continue;
    const line = node?.lines[0] ?? report.headerLine;
    const difference = compareTexts([...expected], [...found]);
    // Only a block of the same kind holding plain text can have lost or gained characters; anything else is a Markdown mismatch.
    const plain =
      node &&
      parsed &&
      sameShape(node, parsed) &&
      'children' in parsed &&
      parsed.children.every((child) => child.type === 'text');
    const rule =
      plain && difference && difference.kind !== 'changed'
        ? (`self-check-${difference.kind}-character` as const)
        : 'self-check-markdown-mismatch';
    const [want, got] = quoteDifference(expected, found);
    problems.fail(line, rule, `block ${index + 1} of report ${report.id} as ${want}`, got);
    // One mismatch shifts every later block; reporting them all would only repeat it.
    return;
  }
}

/** A block as `kind:text`, so a heading that became a paragraph differs even with equal text. */
function describeModel(node: BodyNode): string {
  const text = presentedText(node);
  if (node.type === 'section') return `h2:${text}`;
  if (node.type === 'subsection') return `h3:${text}`;
  return `p:${text}`;
}

function describeMdast(node: RootContent): string {
  if (node.type === 'heading' && (node.depth === 2 || node.depth === 3))
    return `h${node.depth}:${plainText(node.children)}`;
  if (node.type === 'paragraph') return `p:${plainText(node.children)}`;
  return `${node.type}:${'children' in node ? plainText(node.children) : ''}`;
}

/** The text of inline content; any node besides plain text (emphasis from an unescaped `*`, a link) is marked, so it never passes. */
function plainText(children: readonly RootContent[]): string {
  return children
    .map((child) => (child.type === 'text' ? child.value : `⟦${child.type}⟧`))
    .join('');
}

function sameShape(node: BodyNode, parsed: RootContent): boolean {
  return describeModel(node).slice(0, 3) === describeMdast(parsed).slice(0, 3);
}
