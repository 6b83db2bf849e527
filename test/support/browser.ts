import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import playwright, { type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-output/screenshots';
const DESK_SOURCES = 'apps/desk';
const DESK_BUILD = 'dist/desk/index.html';

/**
 * Debian's Chromium, driven by Playwright without any browser download. Missing Chromium is a
 * failure that says how to install it, never a silent pass.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the desk's browser tests need it. Install it with: apt-get install -y chromium`,
    );
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling out on this closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** The tests run against the built desk, as `npm start` serves it: build it when missing or stale. */
export function ensureDeskBuilt(): void {
  if (existsSync(DESK_BUILD) && statSync(DESK_BUILD).mtimeMs >= newest(DESK_SOURCES)) return;
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/desk/vite.config.ts', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
}

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it stands. Evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })`)) as {
    violations: AxeViolation[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Retries an assertion until it holds or the time is up (the page renders asynchronously). */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

type Locator = ReturnType<Page['locator']>;
const text = async (l: Locator) => (await l.allInnerTexts()).join('\n');

/** Waiting assertions on a locator, in the words of Jest (playwright-core has no `expect`). */
export const seeUrl = (page: Page, pattern: RegExp) => eventually(async () => expect(page.url()).toMatch(pattern));

export function see(l: Locator) {
  return {
    toBeVisible: () => l.first().waitFor({ state: 'visible' }),
    toHaveValue: (value: string) => eventually(async () => expect(await l.inputValue()).toBe(value)),
    toHaveText: (value: string | RegExp) =>
      eventually(async () =>
        expect((await l.innerText()).trim()).toMatch(
          typeof value === 'string' ? new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : value,
        ),
      ),
    toContainText: (value: string) => eventually(async () => expect(await text(l)).toContain(value)),
    toHaveCount: (count: number) => eventually(async () => expect(await l.count()).toBe(count)),
    toHaveAttribute: (name: string, value: string) => eventually(async () => expect(await l.getAttribute(name)).toBe(value)),
    not: { toContainText: (value: string) => eventually(async () => expect(await text(l)).not.toContain(value)) },
  };
}
