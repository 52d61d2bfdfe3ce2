import { describe, expect, test } from 'vitest';
import type { OutputBundle } from 'rollup';
import viteLeanPreload, {
  LEAN_PRELOAD_SOURCE,
  PRELOAD_HELPER_ID,
  findLazyStylesheets,
  inlineLeanPreload,
} from '../../scripts/lib/vite-lean-preload.ts';

/** A minimal Rollup bundle: chunk file → [static imports, dynamic imports, imported CSS]. */
function bundleOf(chunks: Record<string, [string[], string[], string[]]>): OutputBundle {
  return Object.fromEntries(
    Object.entries(chunks).map(([fileName, [imports, dynamicImports, css]]) => [
      fileName,
      {
        type: 'chunk',
        fileName,
        imports,
        dynamicImports,
        viteMetadata: { importedCss: new Set(css) },
      },
    ]),
  ) as unknown as OutputBundle;
}

describe('vite-lean-preload', () => {
  test('replaces the helper with a function that only runs the import', async () => {
    const plugin = viteLeanPreload();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    expect(resolveId(PRELOAD_HELPER_ID)).toBe(PRELOAD_HELPER_ID);
    expect(resolveId('./reader.ts')).toBeUndefined();
    expect(load(PRELOAD_HELPER_ID)).toBe(LEAN_PRELOAD_SOURCE);
    // Evaluates the exact source the plugin ships, to run it.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    const helper = new Function(
      `${LEAN_PRELOAD_SOURCE.replace('export const', 'const')}; return __vitePreload;`,
    )() as (load: () => Promise<string>, deps: string[]) => Promise<string>;
    await expect(helper(() => Promise.resolve('module'), ['_astro/a.js'])).resolves.toBe('module');
  });

  test('finds stylesheets imported by lazy chunks and by what they import', () => {
    const bundle = bundleOf({
      'page.js': [['shared.js'], ['lazy.js'], ['page.css']],
      'shared.js': [[], [], []],
      'lazy.js': [['deep.js'], [], []],
      'deep.js': [[], [], ['search.css']],
    });
    expect(findLazyStylesheets(bundle)).toEqual(['search.css']);
  });

  test('accepts stylesheets imported by eagerly loaded chunks', () => {
    const bundle = bundleOf({
      'page.js': [[], ['lazy.js'], ['page.css']],
      'lazy.js': [[], [], []],
    });
    expect(findLazyStylesheets(bundle)).toEqual([]);
  });

  test('writes the helper into its importers and drops its file, and fails loudly on output it does not recognise', () => {
    const chunk = (fileName: string, code: string, imports: string[], moduleIds = [fileName]) => ({
      type: 'chunk',
      fileName,
      code,
      imports,
      moduleIds,
      isEntry: false,
      isDynamicEntry: false,
    });
    const helper = chunk(
      '_astro/preload-helper.A1.js',
      'const o=e=>e();export{o as _};',
      [],
      [PRELOAD_HELPER_ID],
    );
    const page = chunk(
      '_astro/page.B2.js',
      'import{_ as P}from"./preload-helper.A1.js";P(()=>import("./lazy.js"),[]);',
      ['_astro/preload-helper.A1.js'],
    );
    // A chunk that imports the one holding the helper's user gets Rollup's hoisted bare import.
    const box = chunk(
      '_astro/box.D4.js',
      'import{w as x}from"./page.B2.js";import"./preload-helper.A1.js";x();',
      ['_astro/page.B2.js', '_astro/preload-helper.A1.js'],
    );
    const bundle = {
      [helper.fileName]: helper,
      [page.fileName]: page,
      [box.fileName]: box,
    } as unknown as OutputBundle;
    inlineLeanPreload(bundle);
    expect(Object.keys(bundle)).toEqual(['_astro/page.B2.js', '_astro/box.D4.js']);
    expect(page.code).toBe('const P=e=>e();P(()=>import("./lazy.js"),[]);');
    expect(page.imports).toEqual([]);
    expect(box.code).toBe('import{w as x}from"./page.B2.js";x();');
    expect(box.imports).toEqual(['_astro/page.B2.js']);

    const other = chunk(
      '_astro/other.C3.js',
      'import{_ as a,b as c}from"./preload-helper.A1.js";',
      ['_astro/preload-helper.A1.js'],
    );
    const untouched = {
      [helper.fileName]: helper,
      [other.fileName]: other,
    } as unknown as OutputBundle;
    expect(() => {
      inlineLeanPreload(untouched);
    }).toThrow(
      'vite-lean-preload: _astro/other.C3.js import the preload helper _astro/preload-helper.A1.js in a form this plugin does not recognise',
    );
  });
});
