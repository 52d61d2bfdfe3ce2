// `npm start`: checks the server's options and that its port is free, installs the locked
// dependencies when node_modules is missing or older than package-lock.json, builds the site and
// serves it. Plain JavaScript with no dependency, because it runs before anything is installed;
// one command in a POSIX shell, cmd.exe and PowerShell alike. The port is checked first so that a
// second `npm start` fails in a second with a clear line, not after a whole build.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import {
  USAGE,
  UsageError,
  listenErrorMessage,
  parseServeArgs,
  probePort,
} from './serve/options.mjs';

/** Runs npm (the one that started this script) with `args`, and exits when it fails. */
function npm(args) {
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit' })
    : spawnSync('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serveArgs = process.argv.slice(2);
let options;
try {
  options = parseServeArgs(serveArgs, process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`start: ${error.message}\n\n${USAGE}`);
  process.exit(1);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const listenError = await probePort(options.port, options.host);
if (listenError) {
  console.error(listenErrorMessage(listenError, options.port, options.host));
  process.exit(1);
}

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  npm(['ci', '--no-audit', '--no-fund']);
}
npm(['run', 'build']);
npm(['run', 'serve', '--', ...serveArgs]);
