// The server's command line, shared by scripts/serve.ts and scripts/start.mjs. Plain JavaScript
// with no dependency, because `npm start` reads it before anything is installed: it checks the
// options and that the port is free before it spends a minute installing and building.
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 4321;
/** Loopback: only this computer. `--host 0.0.0.0` serves every network the computer is on. */
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: npm start -- [options]        (install, build, then serve)
       npm run serve -- [options]    (serve the last build)
Options:
  --port N        port to listen on; default 4321, or the PORT environment variable; 0 picks a free one
  --host ADDRESS  address to listen on; default 127.0.0.1 (this computer only), 0.0.0.0 for the network
  --base /PATH/   path the site was built for; default /, or the BASE_PATH environment variable
  --root FOLDER   folder holding the built site; default dist
  --help          show this text`;

/** A command line the server cannot run with; its message says what is wrong. */
export class UsageError extends Error {}

/**
 * @typedef {object} ServeCliOptions
 * @property {number} port
 * @property {string} host
 * @property {string} base
 * @property {string} root
 * @property {boolean} help
 */

/**
 * Reads the options from `argv` (without node and the script) and the environment.
 * @param {readonly string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {ServeCliOptions}
 * @throws {UsageError} for an unknown option, a missing value or a port that is not 0–65535
 */
export function parseServeArgs(argv, env) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        base: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--prot'"; its advice about `--` does not apply here.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(String(message));
  }
  const rawPort = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const from = values.port !== undefined ? '--port' : 'PORT';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535)
    throw new UsageError(`${from} must be a port number from 0 to 65535, got "${rawPort}"`);
  for (const name of /** @type {const} */ (['host', 'base', 'root'])) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value`);
  }
  return {
    port: Number(rawPort),
    host: values.host ?? DEFAULT_HOST,
    base: values.base ?? env.BASE_PATH ?? '/',
    root: values.root ?? 'dist',
    help: values.help ?? false,
  };
}

/**
 * The one line to print when the server cannot listen, naming the option that fixes it.
 * @param {NodeJS.ErrnoException} error
 * @param {number} port
 * @param {string} host
 * @returns {string}
 */
export function listenErrorMessage(error, port, host) {
  switch (error.code) {
    case 'EADDRINUSE':
      return `serve: port ${port} on ${host} is already in use (another server?); stop it, or choose another port with --port N (or the PORT environment variable).`;
    case 'EACCES':
      return `serve: not allowed to listen on port ${port} on ${host}; choose a port above 1023 with --port N (or the PORT environment variable).`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `serve: ${host} is not an address of this computer; choose another with --host (127.0.0.1 for this computer, 0.0.0.0 for the network).`;
    default:
      return `serve: cannot listen on ${host}:${port} (${error.code ?? error.message}).`;
  }
}

/**
 * Tries to listen on the port and closes again at once: resolves to null when the server could
 * listen there, or to the error it would get. Port 0 always works.
 * @param {number} port
 * @param {string} host
 * @returns {Promise<NodeJS.ErrnoException | null>}
 */
export function probePort(port, host) {
  if (port === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}
