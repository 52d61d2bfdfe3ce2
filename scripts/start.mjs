// `npm start`: installs the locked dependencies when node_modules is missing or older than
// package-lock.json, builds the site and serves it. Plain JavaScript with no dependency, because it
// runs before anything is installed; one command in a POSIX shell, cmd.exe and PowerShell alike.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/** Runs npm (the one that started this script) with `args`, and exits when it fails. */
function npm(args) {
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' })
    : spawnSync('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  npm(['ci', '--no-audit', '--no-fund']);
}
npm(['run', 'build']);
npm(['run', 'serve', '--', ...process.argv.slice(2)]);
