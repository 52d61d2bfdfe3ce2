/**
 * Runs the Astro CLI (`tsx scripts/astro.ts dev`, `… check`) with telemetry off, in place of the
 * `ASTRO_TELEMETRY_DISABLED=1 astro …` that cmd.exe and PowerShell cannot run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// astro's package exports do not include its bin file, so it is found beside package.json.
const astroCli = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const result = spawnSync(process.execPath, [astroCli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exitCode = result.status ?? 1;
