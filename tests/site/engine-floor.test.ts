/**
 * The built CSS against the engine floor (README "Browsers": Chrome 86, Firefox 115, Safari 14 on
 * macOS and iOS), by MDN's browser-compat-data. Of these engines only Chromium 86 runs in the tests
 * (engine-chromium-86.test.ts); this is what stands in for Safari 14, which silently ignores a
 * property it does not know and drops a whole rule whose selector list names a pseudo-class it
 * does not know.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompatData, CompatStatement, SupportStatement } from '@mdn/browser-compat-data/types';
import postcss, { type Rule } from 'postcss';
import { describe, expect, test } from 'vitest';
import { SITE_DIST } from '../helpers/site.ts';

const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data') as CompatData;
const { properties = {}, selectors = {}, types = {} } = bcd.css;

/** The oldest release of each engine readers use. */
const FLOOR = { chrome: 86, firefox: 115, safari: 14, safari_ios: 14 } as const;

/**
 * Properties the floor may lack because a page reads the same without them, only less polished;
 * each says what is lost there.
 */
const ENHANCEMENTS: Record<string, string> = {
  'text-autospace':
    'an eighth of an em between Han and Latin letters or digits (set tight without)',
  'text-spacing-trim': 'half-width opening brackets at line starts',
  'hanging-punctuation': 'punctuation hanging into the margin',
  'text-wrap': 'no orphaned last character in titles',
  'text-decoration-thickness': 'a thicker underline on hover (Chrome 89)',
  'text-underline-offset': 'an underline set lower (Chrome 87)',
  'content-visibility': 'used inside @supports selector(::details-content) only',
  'text-size-adjust': 'Safari reads the -webkit- form beside it',
  'user-select': 'Safari may select the text of a copy button',
  'scroll-margin-top':
    'Safari 14.0 lands a link target under the header where it is sticky (wide windows; 14.1 has it)',
};

/** A release number from browser-compat-data ("≤18" → 18); NaN for "preview", true, false, null. */
function release(version: string | boolean | null | undefined): number {
  return typeof version === 'string' ? Number.parseFloat(version.replace('≤', '')) : NaN;
}

/**
 * Whether release `floor` supports a feature without prefix or flag (a partial implementation
 * counts: the property is there), and the first release that does, for the message.
 */
function supportAt(
  support: SupportStatement | undefined,
  floor: number,
): { supported: boolean; since: number } {
  const statements = support === undefined ? [] : Array.isArray(support) ? support : [support];
  let supported = false;
  let since = Infinity;
  for (const statement of statements) {
    if (statement.prefix || statement.alternative_name || statement.flags) continue;
    const added = release(statement.version_added);
    if (Number.isNaN(added)) continue;
    since = Math.min(since, added);
    const removed = release(statement.version_removed);
    if (added <= floor && !(removed <= floor)) supported = true;
  }
  return { supported, since };
}

/** Floor browsers that lack a feature, as `safari 14.1` (the release that brought it). */
function lackingAt(compat: CompatStatement | undefined): string[] {
  return Object.entries(FLOOR).flatMap(([browser, floor]) => {
    const { supported, since } = supportAt(compat?.support[browser as keyof typeof FLOOR], floor);
    return supported ? [] : [`${browser} ${since === Infinity ? 'none' : since}`];
  });
}

/** The built stylesheets, parsed. */
function builtStylesheets(): { file: string; root: postcss.Root }[] {
  const folder = join(SITE_DIST, '_astro');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.css'))
    .map((name) => ({
      file: name,
      root: postcss.parse(readFileSync(join(folder, name), 'utf8'), { from: name }),
    }));
}

/** Whether a node is an at-rule; postcss types a parent as a container of any kind. */
function isAtRule(node: postcss.Node): node is postcss.AtRule {
  return node.type === 'atrule';
}

/** Whether a node is a rule with a selector. */
function isRule(node: postcss.Node): node is Rule {
  return node.type === 'rule';
}

/** True inside an at-rule whose name is `name` (e.g. a rule in @supports or @page). */
function inside(node: postcss.Node, name: string): boolean {
  for (let parent = node.parent; parent; parent = parent.parent)
    if (isAtRule(parent) && parent.name === name) return true;
  return false;
}

/** The pseudo-classes and pseudo-elements a selector names, without vendor-prefixed ones. */
function pseudosOf(selector: string): string[] {
  return [...selector.matchAll(/::?([a-z][a-z-]*)/g)].map((match) => match[1]!);
}

const stylesheets = builtStylesheets();

describe('the built CSS and the engine floor', () => {
  test('finds stylesheets to check', () => {
    expect(stylesheets.length).toBeGreaterThan(2);
  });

  test('uses no property or value function the floor lacks, except listed enhancements', () => {
    const found: string[] = [];
    for (const { file, root } of stylesheets) {
      root.walkDecls((declaration) => {
        const property = declaration.prop.toLowerCase();
        // Custom properties, vendor forms (fallbacks by nature) and @page descriptors.
        if (property.startsWith('-') || inside(declaration, 'page')) return;
        // A declaration in an at-rule such as @font-face has no selector.
        const rule = declaration.parent;
        const where = `${file}: ${rule && isRule(rule) ? rule.selector : ''} { ${property} }`;
        const compat = properties[property]?.__compat;
        if (!compat) found.push(`${where}: unknown to browser-compat-data`);
        else if (!(property in ENHANCEMENTS)) {
          const lacking = lackingAt(compat);
          if (lacking.length > 0) found.push(`${where}: from ${lacking.join(', ')}`);
        }
        for (const [, name] of declaration.value.matchAll(/([a-z][a-z-]*)\(/g)) {
          const lacking = lackingAt(types[name!]?.__compat);
          if (types[name!] && lacking.length > 0)
            found.push(`${where}: ${name}() from ${lacking.join(', ')}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  test('names a selector the floor lacks only in a rule of its own, so no other selector is lost', () => {
    const found: string[] = [];
    for (const { file, root } of stylesheets) {
      root.walkRules((rule) => {
        // @supports selector(…) blocks are skipped whole by engines that lack the selector.
        if (rule.selectors.length < 2 || inside(rule, 'supports')) return;
        const unknown = pseudosOf(rule.selector).filter(
          (name) => lackingAt(selectors[name]?.__compat).length > 0,
        );
        if (unknown.length > 0) found.push(`${file}: ${rule.selector} (${unknown.join(', ')})`);
      });
    }
    expect(found).toEqual([]);
  });

  test('flags what the floor really lacks, so the checks above can fail', () => {
    // A guard against a check that cannot fail: the data must flag what Safari 14 really lacks.
    expect(lackingAt(properties['inset-inline-end']?.__compat)).toContain('chrome 87');
    expect(lackingAt(selectors['focus-visible']?.__compat)).toContain('safari 15.4');
    expect(lackingAt(properties['margin-top']?.__compat)).toEqual([]);
  });
});
