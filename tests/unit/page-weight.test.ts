import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  extractReportText,
  findInitialReferences,
  findStaticImports,
  gzipSize,
  listHtmlFiles,
  measurePageWeight,
  urlPathOfHtmlFile,
} from '../../scripts/lib/page-weight.ts';
import { median } from '../../scripts/bench.ts';

const REPORT_HTML = `<!DOCTYPE html><html lang="zh-CN"><head>
<meta charset="utf-8"><script src="/xinfeng/boot.js"></script>
<link rel="stylesheet" href="/xinfeng/_astro/site.css"><link rel="icon" href="/xinfeng/favicon.svg">
<script type="module" src="/xinfeng/_astro/reader.js"></script></head>
<body><main id="main"><article class="report"><h1>标题</h1>
<div class="report-body" data-pagefind-body>
<h2 id="s1">一、总体情况<a class="permalink" href="#s1">#</a></h2>
<p id="s1-1">第一段，   正文。</p>
<div class="note"><p>第二段。</p></div>
</div><nav>上一篇</nav></article></main></body></html>`;

describe('findInitialReferences', () => {
  test('lists stylesheets, classic and module scripts and module preloads, but not icons', () => {
    const html = `${REPORT_HTML}<link rel="modulepreload" href="chunk.js"><script type="module" src="/xinfeng/_astro/reader.js"></script>`;
    expect(findInitialReferences(html, new URL('http://x/xinfeng/reports/01/'))).toEqual({
      stylesheets: ['http://x/xinfeng/_astro/site.css'],
      scripts: [
        'http://x/xinfeng/boot.js',
        'http://x/xinfeng/_astro/reader.js',
        'http://x/xinfeng/reports/01/chunk.js',
      ],
    });
  });
});

describe('findStaticImports', () => {
  test('follows static imports and re-exports but not dynamic import()', async () => {
    const code = `import{a as b}from"./a.js";import"../b.js";export{c}from"/c.js";const s=()=>import("./search.js");`;
    expect(await findStaticImports(code, new URL('http://x/_astro/m/entry.js'))).toEqual([
      'http://x/_astro/m/a.js',
      'http://x/_astro/b.js',
      'http://x/c.js',
    ]);
  });
});

describe('extractReportText', () => {
  test('returns the text of the report body only, one line per block', () => {
    expect(extractReportText(REPORT_HTML)).toBe('一、总体情况#\n第一段，   正文。\n第二段。');
  });

  test('returns an empty string for a page without a report body', () => {
    expect(extractReportText('<p>首页</p>')).toBe('');
  });
});

describe('measurePageWeight', () => {
  let dist = '';
  const write = (path: string, body: string): void => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), body);
  };

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
    write('reports/01/index.html', REPORT_HTML);
    write('boot.js', 'document.documentElement.dataset.theme="dark";');
    write('_astro/site.css', 'body{margin:0}');
    write('_astro/reader.js', 'import"./shared.js";document.title;import("./search.js");');
    write('_astro/shared.js', 'export const shared=1;');
    write('_astro/search.js', 'export const big="'.concat('x'.repeat(5000), '";'));
    write('index.html', '<p>home</p>');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  test('counts the page, its stylesheet, its scripts and their static imports, never lazy chunks', async () => {
    const weight = await measurePageWeight(dist, '/xinfeng/', '/xinfeng/reports/01/');
    expect(weight.resources.map((resource) => [resource.kind, resource.urlPath])).toEqual([
      ['html', '/xinfeng/reports/01/'],
      ['css', '/xinfeng/_astro/site.css'],
      ['js', '/xinfeng/boot.js'],
      ['js', '/xinfeng/_astro/reader.js'],
      ['js', '/xinfeng/_astro/shared.js'],
    ]);
    expect(weight.requests).toBe(5);
    expect(weight.gzip.css).toBe(gzipSize('body{margin:0}'));
    expect(weight.gzipTotal).toBe(weight.gzip.html + weight.gzip.css + weight.gzip.js);
  });

  test('fails loudly when a referenced file is missing', async () => {
    write('reports/02/index.html', '<script src="/xinfeng/_astro/gone.js"></script>');
    await expect(measurePageWeight(dist, '/xinfeng/', '/xinfeng/reports/02/')).rejects.toThrow(
      /ENOENT/,
    );
  });

  test('lists html files in a stable order and maps them to URL paths', () => {
    expect(listHtmlFiles(dist)).toEqual([
      'index.html',
      'reports/01/index.html',
      'reports/02/index.html',
    ]);
    expect(urlPathOfHtmlFile('reports/01/index.html', '/xinfeng')).toBe('/xinfeng/reports/01/');
    expect(urlPathOfHtmlFile('404.html', '/')).toBe('/404.html');
  });
});

describe('median', () => {
  test('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});
