/**
 * The server's command line and `npm start`'s early checks: options are read strictly, and a port
 * that is taken ends the program with one line that names the way out — for `npm start` before it
 * installs or builds anything. The programs run as child processes; `npm start` gets a stand-in
 * for npm that only records being called, so a regression can never start a real build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { USAGE, UsageError, parseServeArgs } from '../../scripts/serve/options.mjs';
import { createSiteFixture, type SiteFixture } from '../helpers/serve-fixture.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node args…` in the project folder and collects its output. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let fixture: SiteFixture;
let occupier: Server;
let takenPort = 0;
let scratch = '';

beforeAll(async () => {
  fixture = createSiteFixture();
  scratch = mkdtempSync(join(tmpdir(), 'xinfeng-start-'));
  occupier = createServer();
  await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
  const address = occupier.address();
  takenPort = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => occupier.close(resolve));
  fixture.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Expects a failed run's whole complaint to be one line, with no stack trace. */
function expectOneLine(run: Run): string {
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0] as string;
}

describe('parseServeArgs', () => {
  test('defaults to port 4321 on loopback, base / and dist, and reads PORT and BASE_PATH', () => {
    expect(parseServeArgs([], {})).toEqual({
      port: 4321,
      host: '127.0.0.1',
      base: '/',
      root: 'dist',
      help: false,
    });
    expect(parseServeArgs([], { PORT: '8080', BASE_PATH: '/xinfeng/' })).toMatchObject({
      port: 8080,
      base: '/xinfeng/',
    });
    expect(
      parseServeArgs(['--port=9000', '--host', '0.0.0.0', '--root', 'out'], { PORT: '8080' }),
    ).toMatchObject({ port: 9000, host: '0.0.0.0', root: 'out' });
  });

  test.each([
    [['--prot', '80'], "Unknown option '--prot'"],
    [['dist'], 'Unexpected argument'],
    [['--port'], "'--port"],
    [['--port', '99999'], '--port must be a port number from 0 to 65535, got "99999"'],
    [['--port', 'http'], '--port must be a port number from 0 to 65535, got "http"'],
    [['--root='], '--root needs a value'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseServeArgs(argv, {})).toThrow(UsageError);
    expect(() => parseServeArgs(argv, {})).toThrow(message);
  });

  test('a bad PORT is named as PORT', () => {
    expect(() => parseServeArgs([], { PORT: 'abc' })).toThrow(
      'PORT must be a port number from 0 to 65535, got "abc"',
    );
  });
});

describe('scripts/serve.ts', () => {
  const serve = (args: string[], env?: NodeJS.ProcessEnv): Promise<Run> =>
    runNode(['--import', 'tsx', 'scripts/serve.ts', '--root', fixture.root, ...args], env);

  test('a port in use ends it with one line naming --port and PORT, and exit code 1', async () => {
    const run = await serve(['--port', String(takenPort)]);
    expect(run.code).toBe(1);
    const line = expectOneLine(run);
    expect(line).toContain(`port ${takenPort}`);
    expect(line).toContain('--port');
    expect(line).toContain('PORT');
  });

  test('an unknown option prints the usage and exits 1', async () => {
    const run = await serve(['--prot', '80']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("serve: Unknown option '--prot'");
    expect(run.stderr).toContain(USAGE);
  });

  test('a root without a build says how to build it', async () => {
    const run = await runNode(['--import', 'tsx', 'scripts/serve.ts', '--root', scratch]);
    expect(run.code).toBe(1);
    expect(expectOneLine(run)).toContain('npm run build');
  });
});

describe('scripts/start.mjs', () => {
  /** Runs `npm start` with a stand-in npm that records each call in a log instead of running. */
  async function start(args: string[]): Promise<{ run: Run; npmCalls: string[] }> {
    const log = join(scratch, 'npm-calls.log');
    const fakeNpm = join(scratch, 'fake-npm.mjs');
    rmSync(log, { force: true });
    writeFileSync(
      fakeNpm,
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n');\n`,
    );
    const run = await runNode(['scripts/start.mjs', ...args], { npm_execpath: fakeNpm });
    const npmCalls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { run, npmCalls };
  }

  test('a port in use stops it before installing or building, with one line and exit code 1', async () => {
    const { run, npmCalls } = await start(['--port', String(takenPort)]);
    expect(run.code).toBe(1);
    expect(expectOneLine(run)).toContain('--port');
    expect(npmCalls).toEqual([]);
  });

  test('an unknown option stops it before installing or building', async () => {
    const { run, npmCalls } = await start(['--bogus']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("start: Unknown option '--bogus'");
    expect(npmCalls).toEqual([]);
  });

  test('with a free port it builds, then serves with the same options', async () => {
    const { run, npmCalls } = await start(['--port', '0', '--base', '/xinfeng/']);
    expect(run.code).toBe(0);
    expect(npmCalls.filter((call) => !call.startsWith('ci '))).toEqual([
      'run build',
      'run serve -- --port 0 --base /xinfeng/',
    ]);
  });
});
