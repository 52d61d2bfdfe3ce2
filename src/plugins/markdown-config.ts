/**
 * The reader's Markdown dialect: the one processor configuration that astro.config.mjs renders the
 * reports with and the split (scripts/split/) writes and self-checks them with, so the two cannot
 * drift apart (issue 9, item 2: Astro rendered with GFM and smartypants while the self-check parsed
 * plain CommonMark, and `2~3次` became strikethrough on the page).
 *
 * GFM and smartypants are off. The reports are prose that the split escapes for CommonMark, and both
 * extensions change characters a reader should see as printed: smartypants rewrites `"`, `--` and
 * `...` by English rules, and no escape prevents it; GFM turns `~` into strikethrough and a bare URL
 * into a link that swallows the Chinese text after it, and no escape prevents that link
 * (remarkjs/remark-gfm#33). Turning either on is still safe to try: the split then parses and
 * escapes with the same extensions (`remarkPluginsOf`) and refuses text it cannot escape, and the
 * build's fidelity stage (scripts/fidelity/) fails on any character the page shows differently.
 */
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Pluggable, PluggableList } from 'unified';
import rehypeHeadingPermalinks from './rehype-heading-permalinks.ts';
import rehypeLeadIn from './rehype-lead-in.ts';
import rehypeSectionIds from './rehype-section-ids.ts';
import rehypeTitleTail from './rehype-title-tail.ts';

/** Astro's `markdown` options that decide what the rendered text is. */
export interface MarkdownConfig {
  gfm: boolean;
  smartypants: boolean;
  syntaxHighlight: false;
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
}

/** The `markdown` options of astro.config.mjs. */
export const markdownConfig = {
  gfm: false,
  smartypants: false,
  // The reports hold no code; Shiki would only add inline `style=""` attributes.
  syntaxHighlight: false,
  remarkPlugins: [],
  // Order matters: lead-ins are wrapped before ids are counted (neither depends on the other's
  // output, but permalinks need the heading ids; the title tail steps over the permalink).
  rehypePlugins: [rehypeLeadIn, rehypeSectionIds, rehypeHeadingPermalinks, rehypeTitleTail],
} satisfies MarkdownConfig;

/**
 * The remark plugins Astro applies to the Markdown before it becomes HTML under `config`, in
 * Astro's order (@astrojs/markdown-remark: gfm, smartypants, then the configured ones). The split
 * uses them to parse (so its self-check sees what the page will) and to stringify (remark-gfm also
 * teaches remark-stringify to escape `~`, `www.` and `http:`).
 */
export function remarkPluginsOf(config: MarkdownConfig = markdownConfig): PluggableList {
  return [
    ...(config.gfm ? [remarkGfm] : []),
    ...(config.smartypants ? [remarkSmartypants] : []),
    ...config.remarkPlugins.map(importedPlugin),
  ];
}

/** A configured remark plugin as unified takes it; Astro would also resolve a package name, the split cannot. */
function importedPlugin(plugin: RemarkPlugins[number]): Pluggable {
  const named = typeof plugin === 'string' ? plugin : Array.isArray(plugin) ? plugin[0] : undefined;
  if (typeof named === 'string')
    throw new Error(
      `src/plugins/markdown-config.ts: expected remark plugins imported as functions, found the name "${named}"`,
    );
  return plugin as Pluggable;
}
