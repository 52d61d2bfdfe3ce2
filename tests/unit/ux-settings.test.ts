import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FONT_SIZE, parseFontSize, parseTheme } from '../../src/lib/settings.ts';
import { bundleBootScript } from '../../scripts/lib/boot-script.ts';

let BOOT = '';
beforeAll(async () => {
  BOOT = await bundleBootScript();
});

/** Runs the bundled boot.js against a fake <html> and storage; returns the attributes it set. */
function runBoot(
  stored: Record<string, string>,
  options: { blocked?: boolean } = {},
): Record<string, string> {
  const attributes: Record<string, string> = {};
  const storage = {
    getItem: (key: string) => stored[key] ?? null,
  };
  const context = {
    document: {
      documentElement: {
        setAttribute: (name: string, value: unknown) => (attributes[name] = String(value)),
      },
    },
    get localStorage() {
      // Chromium throws a SecurityError on access when site data is blocked.
      if (options.blocked) throw new Error('SecurityError');
      return storage;
    },
    parseInt,
    Math,
  };
  runInNewContext(BOOT, context);
  return attributes;
}

describe('settings parsing', () => {
  test('reads light and dark as themes and anything else as following the system', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('system')).toBe('system');
    expect(parseTheme('Dark')).toBe('system');
    expect(parseTheme(null)).toBe('system');
  });

  test('clamps font-size steps into 1–5 and defaults to 3', () => {
    expect(['1', '3', '5', '0', '-2', '9', '4.7', 'x', '', null].map(parseFontSize)).toEqual([
      1, 3, 5, 1, 1, 5, 4, 3, 3, 3,
    ]);
    expect(DEFAULT_FONT_SIZE).toBe(3);
  });
});

describe('boot.js, bundled from src/scripts/boot.ts', () => {
  test('applies a saved theme and font size to <html>', () => {
    expect(runBoot({ 'xf-theme': 'dark', 'xf-font-size': '5' })).toEqual({
      'data-theme': 'dark',
      'data-font-size': '5',
    });
  });

  test('leaves the theme to the system and sets the default size when nothing is saved', () => {
    expect(runBoot({})).toEqual({ 'data-font-size': '3' });
  });

  test.each(['1', '3', '5', '0', '-2', '9', '4.7', 'x', ''])(
    'reads the stored size %j as src/lib/settings.ts does',
    (value) => {
      expect(runBoot({ 'xf-font-size': value })['data-font-size']).toBe(
        String(parseFontSize(value)),
      );
    },
  );

  test.each(['light', 'dark', 'system', 'Dark', 'blue'])(
    'reads the stored theme %j as settings.ts does',
    (value) => {
      const theme = parseTheme(value);
      expect(runBoot({ 'xf-theme': value })['data-theme']).toBe(
        theme === 'system' ? undefined : theme,
      );
    },
  );

  test('keeps working when storage access throws', () => {
    expect(runBoot({ 'xf-theme': 'dark' }, { blocked: true })).toEqual({ 'data-font-size': '3' });
  });

  test('stays a tiny classic script: no modules, at most 400 bytes gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(BOOT).not.toMatch(/\b(import|export)\b/);
    expect(gzipSync(BOOT, { level: 9 }).length).toBeLessThanOrEqual(400);
  });
});
