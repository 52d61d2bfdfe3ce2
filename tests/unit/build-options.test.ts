/** `npm run build -- --base … --site … --offline …` sets what the stages read, in every shell. */
import { describe, expect, test } from 'vitest';
import { applyBuildOptions } from '../../scripts/build.ts';

describe('build options', () => {
  test('set BASE_PATH, SITE_URL and OFFLINE from options after --', () => {
    const env: NodeJS.ProcessEnv = { BASE_PATH: '/old/' };
    applyBuildOptions(
      ['--base', '/xinfeng/', '--site=https://host.example/xinfeng/', '--offline', 'off'],
      env,
    );
    expect(env).toEqual({
      BASE_PATH: '/xinfeng/',
      SITE_URL: 'https://host.example/xinfeng/',
      OFFLINE: 'off',
    });
  });

  test('leave the environment as it is without options', () => {
    const env: NodeJS.ProcessEnv = { BASE_PATH: '/xinfeng/' };
    applyBuildOptions([], env);
    expect(env).toEqual({ BASE_PATH: '/xinfeng/' });
  });

  test('refuse an option they do not know, naming it', () => {
    expect(() => {
      applyBuildOptions(['--bsae', '/x/'], {});
    }).toThrow("Unknown option '--bsae'");
  });
});
