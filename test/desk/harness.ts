import type { Browser, Page } from 'playwright-core';
import { seriousViolations, screenshot } from '../support/browser.js';
import { KEYS, type TestRole, type TestServer } from '../support/server.js';

/** A tab signed in as `role` (by typing its API key, as a person does), on the register. */
export async function signIn(browser: Browser, server: TestServer, role: TestRole, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/`);
  await page.getByLabel('API key').fill(KEYS[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
  return page;
}

/** Waits for the page's data, then axe-core must find nothing serious or critical; the page is photographed. */
export async function checkAccessible(page: Page, name: string): Promise<void> {
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}
