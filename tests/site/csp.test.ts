/**
 * Content-Security-Policy: every page carries the strict policy as a `<meta>`, the HTML has nothing
 * the policy would block (inline scripts, styles, event handlers, `javascript:` URLs), the pages work
 * under the header `scripts/serve.ts` sends (no violation, no uncaught error), and queries reflected
 * from `?q=` and `?hl=` never run as markup — checked with CSP bypassed, so the escaping itself is
 * what is tested, not the policy's safety net.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser.ts';
import { SITE_DIST, serveSiteInChromium } from '../helpers/site.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { listHtmlFiles } from '../../scripts/lib/page-weight.ts';
import { ABOUT_PAGE, reportPage } from '../helpers/pages.ts';

const pages = listHtmlFiles(SITE_DIST);
/** Script types that are data, not code: CSP does not govern them. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

/** Parses a CSP string into directive → source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Lists everything in a page that a strict CSP would block or that could run script inline. */
function findInlineCode(html: string): string[] {
  const problems: string[] = [];
  // Widened by hand: TypeScript cannot see the assignment inside the visitor.
  let policy = null as string | null;
  visit(fromHtml(html), 'element', (element: Element) => {
    const { tagName, properties } = element;
    if (
      tagName === 'meta' &&
      String(properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy'
    ) {
      policy = properties.content ?? '';
    }
    if (tagName === 'script') {
      const type = (properties.type ?? '').toLowerCase();
      if (
        !DATA_SCRIPT_TYPES.has(type) &&
        (properties.src === undefined || hastToString(element).trim() !== '')
      ) {
        problems.push(`inline <script${type ? ` type=${type}` : ''}>`);
      }
    }
    if (tagName === 'style') problems.push('<style> element');
    for (const [name, value] of Object.entries(properties)) {
      if (name === 'style') problems.push(`style="${String(value)}" on <${tagName}>`);
      // hast spells handlers in camel case (`onClick`).
      if (/^on[A-Z][a-zA-Z]*$/.test(name))
        problems.push(`${name.toLowerCase()} handler on <${tagName}>`);
      if (
        ['href', 'src', 'action', 'formAction'].includes(name) &&
        /^\s*javascript:/i.test(String(value))
      ) {
        problems.push(`javascript: URL in ${name} of <${tagName}>`);
      }
    }
  });
  if (policy === null) return ['no Content-Security-Policy <meta>', ...problems];
  const directives = parsePolicy(policy);
  const expectSources = (name: string, allowed: string[]): void => {
    const sources = directives.get(name);
    if (
      !sources ||
      sources.length === 0 ||
      sources.some((source) => !allowed.includes(source)) ||
      !sources.includes("'self'")
    ) {
      problems.push(
        `${name} is "${sources?.join(' ') ?? '(absent)'}", expected only ${allowed.join(' ')}`,
      );
    }
  };
  expectSources('default-src', ["'self'"]);
  expectSources('script-src', ["'self'"]);
  expectSources('style-src', ["'self'"]);
  // Browsers ignore these in a <meta> policy and log an error for each.
  for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) {
    if (directives.has(name)) problems.push(`${name} has no effect in a <meta> policy`);
  }
  return problems;
}

describe('policy and markup in dist', () => {
  test('the checker catches inline code and a weak policy', () => {
    const weak = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'">
      <script>alert(1)</script><p style="color:red" onclick="x()"><a href="javascript:x()">x</a></p>`;
    expect(findInlineCode(weak)).toEqual([
      'inline <script>',
      'style="color:red" on <p>',
      'onclick handler on <p>',
      'javascript: URL in href of <a>',
      `script-src is "'self' 'unsafe-inline'", expected only 'self'`,
    ]);
    expect(findInlineCode('<p>没有策略</p>')).toEqual(['no Content-Security-Policy <meta>']);
  });

  test('the <meta> policy is the server policy without frame-ancestors, and the nginx example sends the server policy', () => {
    const metaPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(
      readFileSync(join(SITE_DIST, 'index.html'), 'utf8'),
    )?.[1];
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split(';')
      .map((part) => part.trim())
      .filter((part) => !part.startsWith('frame-ancestors'))
      .join('; ');
    expect(metaPolicy).toBe(headerWithoutFrameAncestors);
    const nginxPolicies = [
      ...readFileSync('scripts/deploy/nginx.conf.example', 'utf8').matchAll(
        /set \$csp "([^"]*)";/g,
      ),
    ].map((match) => match[1]);
    expect(nginxPolicies).toEqual([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY]);
  });

  test.each(pages)('%s carries the strict policy and no inline code', (page) => {
    expect(findInlineCode(readFileSync(join(SITE_DIST, page), 'utf8'))).toEqual([]);
  });
});

const site = serveSiteInChromium();

/** Collects CSP violations (DOM events and console reports) and uncaught errors of a context's pages. */
async function watchContext(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (/securitypolicyviolation|Content.Security.Policy/i.test(message.text()))
      problems.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
  return problems;
}

describe('pages under the server CSP header', () => {
  test('home, a report, search, a highlighted hit, about and 404 run without a violation or uncaught error', async () => {
    const context = await site.browser.newContext();
    const problems = await watchContext(context);
    const page = await context.newPage();
    try {
      await withScreenshotOnFailure(page, 'csp-pages', async () => {
        const response = await page.goto(site.url);
        expect(response?.headers()['content-security-policy']).toContain("script-src 'self'; ");
        // Opening the header search loads the lazy search code and its data.
        const box = page.getByRole('searchbox', { name: '搜索全文' }).first();
        await box.focus();
        await box.fill('社区');
        await page.waitForLoadState('networkidle');
        for (const path of [
          reportPage('05'),
          'search/?q=社区',
          `${reportPage('05')}?hl=社区`,
          ABOUT_PAGE,
          'no-such-page/',
        ]) {
          await page.goto(site.url + path, { waitUntil: 'networkidle' });
        }
        await page.goto(site.url + 'search/?q=社区');
        await page.locator('main a[href*="?hl="]').first().waitFor({ timeout: 15_000 });
        expect(problems).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });
});

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '"><script>window.__xss=1</script>',
  "'><svg/onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</title></textarea><img src=x onerror=window.__xss=1>',
  '<a href="javascript:window.__xss=1" id=xss>社区</a>',
];

describe('reflected queries never execute', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  /** Everything an injection would leave behind in the page. */
  const injectedTraces = (): Promise<string[]> =>
    page.evaluate(() => {
      const traces: string[] = [];
      if ((window as unknown as { __xss?: unknown }).__xss !== undefined)
        traces.push('window.__xss was set');
      for (const element of document.querySelectorAll(
        'img[src="x"], svg[onload], [onerror], [onload], #xss, a[href^="javascript:" i]',
      )) {
        traces.push(element.outerHTML.slice(0, 120));
      }
      for (const script of document.querySelectorAll('script:not([src])')) {
        if (/__xss/.test(script.textContent)) traces.push('inline script with the payload');
      }
      return traces;
    });

  test.each(PAYLOADS)('/search/?q=%s shows the query as text and runs nothing', async (payload) => {
    await withScreenshotOnFailure(page, 'xss-search', async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent(payload)}`, {
        waitUntil: 'networkidle',
      });
      // The page did read the query (otherwise this test would pass vacuously) …
      await expect.poll(() => page.locator('main input[name="q"]').inputValue()).toBe(payload);
      await page.waitForTimeout(400);
      // … and nothing of it became markup.
      expect(await injectedTraces()).toEqual([]);
    });
  });

  test.each(PAYLOADS)('a report page ?hl=%s highlights nothing executable', async (payload) => {
    await withScreenshotOnFailure(page, 'xss-highlight', async () => {
      await page.goto(`${site.url}${reportPage('05')}?hl=${encodeURIComponent(payload)}#s1`, {
        waitUntil: 'networkidle',
      });
      await page.waitForTimeout(400);
      expect(await injectedTraces()).toEqual([]);
    });
  });
});
