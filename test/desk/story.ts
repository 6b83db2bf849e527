import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, launchChromium, screenshot, seriousViolations } from '../support/browser.js';
import { startTestServer, type TestRole, type TestServer } from '../support/server.js';
import { fixture } from '../support/documents.js';
import { signIn } from './harness.js';

/**
 * The 24/130 story through the desk alone, in headless Chromium against the real service:
 * one browser for the story, one tab per role, axe-core on every page and a screenshot of each.
 * The story's chapters (story-*.ts) share this state and run in order from desk.spec.ts.
 */
export const SEED = readFileSync(new URL('../../apps/desk/src/drafting/samples/deliberation-24-130.txt', import.meta.url), 'utf8');
export const deliberation = fixture('24-130.deliberation.json');
export const catalogue = JSON.stringify(
  {
    variables: deliberation.variables,
    tables: deliberation.tables,
    datasets: deliberation.datasets,
    requiredCommitments: deliberation.requiredCommitments,
    conditions: deliberation.conditions,
  },
  null,
  1,
);

export const story = {
  server: undefined as unknown as TestServer,
  browser: undefined as unknown as Browser,
  tabs: {} as Record<TestRole, Page>,
  deliveryId: '',
};

/** axe-core finds nothing serious or critical; the page is photographed. */
export async function checkPage(role: TestRole, name: string): Promise<void> {
  const page = story.tabs[role];
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `story-${name}`);
}

/** One browser, one server, one signed-in tab per role, for the whole story. */
export function setUpStory(): void {
  beforeAll(async () => {
    ensureDeskBuilt();
    story.browser = await launchChromium();
    story.server = await startTestServer();
    for (const role of ['secretariat', 'steward', 'auditor'] as const) story.tabs[role] = await signIn(story.browser, story.server, role);
  }, 120_000);

  afterAll(async () => {
    await story.browser?.close();
    await story.server?.close();
  });
}
