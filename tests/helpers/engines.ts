/**
 * The browser engines beyond Debian's Chromium, behind one small page interface so a single suite
 * (tests/helpers/engine-suite.ts) runs in each of them:
 *
 * - Firefox ESR (Debian's `firefox-esr`) through puppeteer-core over WebDriver BiDi;
 * - WebKitGTK (Debian's `webkit2gtk-driver`, whose WebKitWebDriver drives MiniBrowser) through
 *   selenium-webdriver, in an Xvfb display that the helper starts and stops itself;
 * - Chromium 86, the oldest Chromium offices run (tests/helpers/chromium-86.ts), through
 *   puppeteer-core 5.5, the release of its era (a newer puppeteer speaks a newer DevTools protocol).
 *
 * Nothing here downloads a browser: each engine is a Debian package or ships inside an npm package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.ts';
import { ensureChromium86 } from './chromium-86.ts';

/** A page function and its arguments, as every driver here serialises them into the page. */
type PageFunction<A extends unknown[], R> = (...args: A) => R;

/** What the cross-engine suite needs of a page, whichever driver stands behind it. */
export interface EnginePage {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page and returns its (awaited) result. */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /** Waits until `fn` returns something truthy in the page; `message` names the condition. */
  waitFor<A extends unknown[]>(
    message: string,
    fn: PageFunction<A, unknown>,
    ...args: A
  ): Promise<void>;
  /** A real pointer click on the centre of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Moves the pointer over the first element matching `selector`. */
  hover(selector: string): Promise<void>;
  /** Focuses the element and types `text` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Sets the size of the layout viewport (WebKit's window cannot get narrower than its toolbar). */
  setViewport(width: number, height: number): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  /** Uncaught errors and unhandled rejections the page reported since the last call. */
  takeErrors(): Promise<string[]>;
  /**
   * Runs `fn` in every document this page loads, before the page's own scripts; resolves with a
   * function that stops it. Absent where the driver cannot (WebDriver classic).
   */
  addInitScript?(fn: () => void): Promise<() => Promise<void>>;
}

/** A running engine with its one page. */
export interface Engine {
  /** e.g. "Firefox ESR 153.8.0". */
  readonly name: string;
  /** How it is driven, e.g. "puppeteer-core 24.43.1 over WebDriver BiDi". */
  readonly driver: string;
  readonly page: EnginePage;
  close(): Promise<void>;
}

/** How to start one engine; the suite calls it once per test file. */
export interface EngineLauncher {
  /** Short name for test titles and screenshot files, e.g. "firefox-esr". */
  readonly id: string;
  /** Whether its pages offer addInitScript (known before launch, to choose the tests). */
  readonly initScripts: boolean;
  launch(): Promise<Engine>;
}

const require = createRequire(import.meta.url);
const versionOf = (pkg: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string })
    .version;

const WAIT_MS = 20_000;

/** The part of a puppeteer page the adapter uses: the same in puppeteer-core 5 and 24. */
interface PuppeteerLikePage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  reload(options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(fn: unknown, ...args: unknown[]): Promise<unknown>;
  waitForFunction(fn: unknown, options: { timeout: number }, ...args: unknown[]): Promise<unknown>;
  click(selector: string): Promise<void>;
  hover(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  setViewport(viewport: { width: number; height: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'pageerror', handler: (error: unknown) => void): unknown;
  evaluateOnNewDocument(fn: () => void): Promise<{ identifier: string } | undefined>;
  /** Only in puppeteer-core releases newer than 5. */
  removeScriptToEvaluateOnNewDocument?(identifier: string): Promise<void>;
}

interface PuppeteerLikeBrowser {
  newPage(): Promise<unknown>;
  version(): Promise<string>;
  close(): Promise<void>;
}

/** Adapts a puppeteer page; its 'pageerror' event sees every uncaught error from the start. */
function puppeteerPage(page: PuppeteerLikePage): EnginePage {
  let errors: string[] = [];
  page.on('pageerror', (error) =>
    errors.push(error instanceof Error ? error.message : String(error)),
  );
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args) as Promise<never>,
    waitFor: async (message, fn, ...args) => {
      try {
        await page.waitForFunction(fn, { timeout: WAIT_MS }, ...args);
      } catch (error) {
        throw new Error(
          `waiting for ${message}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    },
    click: (selector) => page.click(selector),
    hover: (selector) => page.hover(selector),
    type: (selector, text) => page.type(selector, text),
    setViewport: async (width, height) => {
      await page.setViewport({ width, height });
    },
    screenshot: (options) => page.screenshot(options),
    takeErrors: () => {
      const taken = errors;
      errors = [];
      return Promise.resolve(taken);
    },
    ...(page.removeScriptToEvaluateOnNewDocument && {
      async addInitScript(fn) {
        const added = await page.evaluateOnNewDocument(fn);
        return async () => {
          if (added) await page.removeScriptToEvaluateOnNewDocument?.(added.identifier);
        };
      },
    }),
  };
}

/** Firefox ESR, Debian's build, over WebDriver BiDi (no geckodriver needed). */
export const firefoxEsr: EngineLauncher = {
  id: 'firefox-esr',
  initScripts: true,
  async launch() {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      // No offline worker (its copy is tested in Chromium, offline.test.ts): installing in the
      // background, it raced the suite's navigations, and Firefox reports a request it
      // intercepted and lost to a navigation as a page error ("A ServiceWorker intercepted the
      // request and encountered an unexpected error"), in two of seven runs.
      extraPrefsFirefox: { 'dom.serviceWorkers.enabled': false },
    });
    try {
      const page = (await browser.newPage()) as unknown as PuppeteerLikePage;
      const version = (await browser.version()).replace(/^firefox\//i, '');
      return {
        name: `Firefox ESR ${version}`,
        driver: `puppeteer-core ${versionOf('puppeteer-core')} over WebDriver BiDi`,
        page: puppeteerPage(page),
        close: () => browser.close(),
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  },
};

/** Chromium 86 from chrome-aws-lambda, with the project's flags and a new empty profile. */
export const chromium86: EngineLauncher = {
  id: 'chromium-86',
  // puppeteer-core 5 can add a script to new documents but not remove it again.
  initScripts: false,
  async launch() {
    const puppeteer5 = require('puppeteer-core-5') as {
      launch(options: Record<string, unknown>): Promise<PuppeteerLikeBrowser>;
    };
    const profile = mkdtempSync(join(tmpdir(), 'xinfeng-chromium-86-'));
    const browser = await puppeteer5.launch({
      executablePath: await ensureChromium86(),
      headless: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    });
    const close = async (): Promise<void> => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    };
    try {
      const page = (await browser.newPage()) as PuppeteerLikePage;
      const version = (await browser.version()).replace(/^HeadlessChrome\//, '');
      return {
        name: `Chromium ${version}`,
        driver: `puppeteer-core ${versionOf('puppeteer-core-5')} over the DevTools protocol`,
        page: puppeteerPage(page),
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  },
};

/** Resolves with a free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port to listen on');
  return address.port;
}

/** A program this helper started, and a promise that rejects once it exits or fails to start. */
interface Started {
  child: ChildProcess;
  ended: Promise<never>;
}

/** Starts a program; its last lines of stderr go into the error when it ends early. */
function start(command: string, args: string[], env?: NodeJS.ProcessEnv): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const ended = new Promise<never>((_, reject) => {
    child.on('error', (error) =>
      reject(new Error(`${command}: ${error.message} (npm run setup:test installs it)`)),
    );
    child.on('exit', (code, signal) =>
      reject(new Error(`${command} exited (${code ?? signal}): ${stderr.trim()}`)),
    );
  });
  // Only awaited while the program starts; a later exit is what stop() asks for.
  ended.catch(() => undefined);
  return { child, ended };
}

/** Stops a program this helper started and waits until it has gone. */
async function stop(started: Started | undefined): Promise<void> {
  const child = started?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts Xvfb on the first free display; `-displayfd` makes it print the display number once it
 * accepts connections, so there is nothing to poll.
 */
async function startXvfb(): Promise<{ xvfb: Started; display: string }> {
  const xvfb = start('Xvfb', [
    '-displayfd',
    '1',
    '-screen',
    '0',
    '1400x1000x24',
    '-nolisten',
    'tcp',
  ]);
  const display = new Promise<string>((resolve) => {
    let text = '';
    xvfb.child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
  });
  return { xvfb, display: await Promise.race([display, xvfb.ended]) };
}

/** Asks WebKitWebDriver's /status until it says it is ready; fails if the driver ends first. */
async function waitForDriver(url: string, driver: Started): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  const ready = async (): Promise<void> => {
    for (;;) {
      const answer = await fetch(`${url}/status`)
        .then(async (response) => (await response.json()) as { value?: { ready?: boolean } })
        .catch(() => undefined);
      if (answer?.value?.ready === true) return;
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver at ${url} not ready in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.race([ready(), driver.ended]);
}

/**
 * WebDriver classic has no event for uncaught errors, so after every navigation the page gets a
 * listener that keeps them; errors thrown while a page loads are not seen.
 */
const RECORD_ERRORS = `if (!window.__engineErrors) {
  window.__engineErrors = [];
  addEventListener('error', (event) => __engineErrors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => __engineErrors.push(String(event.reason)));
}`;

/** Adapts a selenium-webdriver session. */
function seleniumPage(driver: WebDriver): EnginePage {
  let errors: string[] = [];
  const harvest = async (): Promise<void> => {
    const found = await driver
      .executeScript('return window.__engineErrors ? window.__engineErrors.splice(0) : []')
      .catch(() => []);
    errors.push(...(found as string[]));
  };
  const navigated = (): Promise<unknown> => driver.executeScript(RECORD_ERRORS);
  const element = (selector: string) => driver.findElement(By.css(selector));
  return {
    async goto(url) {
      await harvest();
      await driver.get(url);
      await navigated();
    },
    async reload() {
      await harvest();
      await driver.navigate().refresh();
      await navigated();
    },
    evaluate: (fn, ...args) => driver.executeScript<never>(fn, ...args),
    async waitFor(message, fn, ...args) {
      await driver.wait(
        async () => Boolean(await driver.executeScript<unknown>(fn, ...args)),
        WAIT_MS,
        message,
      );
    },
    async click(selector) {
      // A click may navigate; WebDriver waits for the new page, which then needs its recorder.
      await harvest();
      await (await element(selector)).click();
      await navigated();
    },
    async hover(selector) {
      // Unlike an element click, a pointer move does not scroll its target into view.
      const target = await element(selector);
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', target);
      await driver.actions({ async: true }).move({ origin: target }).perform();
    },
    type: async (selector, text) => (await element(selector)).sendKeys(text),
    async setViewport(width, height) {
      const window = driver.manage().window();
      await window.setRect({ width, height });
      // MiniBrowser's toolbar takes part of the window: grow it by what the page does not get.
      const [innerHeight, outerHeight] = await driver.executeScript<[number, number]>(
        'return [innerHeight, outerHeight]',
      );
      await window.setRect({ width, height: height + outerHeight - innerHeight });
    },
    async screenshot({ path }) {
      writeFileSync(path, await driver.takeScreenshot(), 'base64');
    },
    async takeErrors() {
      await harvest();
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, in an Xvfb display of its own. */
export const webkitGtk: EngineLauncher = {
  id: 'webkitgtk',
  initScripts: false,
  async launch() {
    let xvfb: Started | undefined;
    let driverProcess: Started | undefined;
    let driver: WebDriver | undefined;
    const close = async (): Promise<void> => {
      await driver?.quit().catch(() => undefined);
      await stop(driverProcess);
      await stop(xvfb);
    };
    try {
      const started = await startXvfb();
      xvfb = started.xvfb;
      const port = await freePort();
      driverProcess = start('WebKitWebDriver', [`--port=${port}`], {
        ...process.env,
        DISPLAY: started.display,
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForDriver(url, driverProcess);
      driver = await new Builder()
        .usingServer(url)
        .withCapabilities({ browserName: 'MiniBrowser' })
        .build();
      const capabilities = await driver.getCapabilities();
      return {
        name: `WebKitGTK ${capabilities.getBrowserVersion()} (${capabilities.getBrowserName()})`,
        driver: `selenium-webdriver ${versionOf('selenium-webdriver')} over WebDriver classic`,
        page: seleniumPage(driver),
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  },
};
