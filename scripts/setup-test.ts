/**
 * `npm run setup:test` (and `pretest`): installs what the tests need beyond `npm ci` — Debian's
 * browsers (Chromium, Firefox ESR, WebKitGTK's driver with Xvfb to run it in; downloads of
 * browsers by Playwright or puppeteer cannot work on a closed network) and CJK fonts so
 * pages render Chinese as readers see it. Does nothing when everything is present; installs the
 * missing Debian packages with apt (as root, or through sudo); elsewhere says what is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Something the tests need, how to tell it is there, and the Debian package that provides it. */
export interface TestRequirement {
  name: string;
  debianPackage: string;
  present(): boolean;
}

const hasCjkFont = (): boolean => {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fonts.status === 0 && /Noto.*CJK/i.test(fonts.stdout);
};

/**
 * What the test suites use. Debian's chromium also brings the shared libraries that Chromium 86
 * (inflated from the npm package chrome-aws-lambda by tests/helpers/chromium-86.ts) links against.
 */
export const TEST_REQUIREMENTS: readonly TestRequirement[] = [
  { name: 'Chromium', debianPackage: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  {
    name: 'Firefox ESR',
    debianPackage: 'firefox-esr',
    present: () => existsSync('/usr/bin/firefox-esr'),
  },
  {
    name: 'WebKitGTK WebDriver',
    debianPackage: 'webkit2gtk-driver',
    present: () => existsSync('/usr/bin/WebKitWebDriver'),
  },
  {
    name: 'Xvfb (for WebKitGTK)',
    debianPackage: 'xvfb',
    present: () => existsSync('/usr/bin/Xvfb'),
  },
  { name: 'Noto CJK fonts', debianPackage: 'fonts-noto-cjk', present: hasCjkFont },
];

/** Installs the missing requirements with apt; returns the exit code. */
export function installMissing(requirements: readonly TestRequirement[]): number {
  const missing = requirements.filter((requirement) => !requirement.present());
  if (missing.length === 0) return 0;
  const packages = missing.map((requirement) => requirement.debianPackage);
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `setup:test: missing ${missing.map((requirement) => requirement.name).join(', ')}; ` +
        `install them (Debian packages: ${packages.join(' ')}) and run the tests again.`,
    );
    return 1;
  }
  const asRoot = process.getuid?.() === 0;
  const run = ([command, ...rest]: [string, ...string[]]): void => {
    execFileSync(asRoot ? command : 'sudo', asRoot ? rest : [command, ...rest], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  console.log(`setup:test: installing ${packages.join(' ')} with apt …`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
  const stillMissing = requirements.filter((requirement) => !requirement.present());
  if (stillMissing.length > 0) {
    console.error(
      `setup:test: still missing after apt: ${stillMissing.map((requirement) => requirement.name).join(', ')}`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = installMissing(TEST_REQUIREMENTS);
}
