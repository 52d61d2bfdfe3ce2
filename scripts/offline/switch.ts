/**
 * The deployer's switch for the offline copy, read here and nowhere else: astro.config.mjs passes
 * it to the page code (whether to register the worker at all) and scripts/offline/build-worker.ts
 * to the worker it writes (the offline worker, or the one that removes it).
 */

/** The environment variable: unset or `on` builds the offline copy, `off` leaves it out. */
export const OFFLINE_VARIABLE = 'OFFLINE';

/**
 * Reads the switch: true unless `OFFLINE=off` (case and surrounding spaces do not matter, so
 * `set OFFLINE=Off ` in cmd.exe works); any other value stops the build rather than guess.
 */
export function readOfflineSwitch(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env[OFFLINE_VARIABLE];
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${OFFLINE_VARIABLE}: expected "on" or "off" (or unset), found "${raw}"`);
}
